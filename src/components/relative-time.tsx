import { formatExactTime, formatRelativeTime } from "../core/format";
import { useNow } from "./use-now";

/** "5 minutes ago", exact local time on hover and for assistive tech via <time dateTime>. */
export function RelativeTime({ date, className }: { date: Date; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={date.toISOString()} title={formatExactTime(date)} className={className}>
      {formatRelativeTime(date, now)}
    </time>
  );
}

import { formatExactTime, formatRelativeTime } from "../core/format";
import { useNow } from "./use-now";

/** "5 minutes ago", never "in 30 seconds": a server clock slightly ahead of the browser's must not read as future. */
export function Since({ date }: { date: Date }) {
  const now = useNow();
  const shown = date.getTime() > now.getTime() ? now : date;
  return (
    <time dateTime={date.toISOString()} title={formatExactTime(date)}>
      {formatRelativeTime(shown, now)}
    </time>
  );
}

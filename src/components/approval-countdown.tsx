import { formatExactTime } from "../core/format";
import { formatTimeLeft, urgencyOf } from "../core/approvals/pending";
import { useNow } from "./use-now";

const tones = {
  expired: "bg-red-50 text-red-900 ring-red-600/40 dark:bg-red-950 dark:text-red-100 dark:ring-red-400/40",
  urgent: "bg-red-50 text-red-900 ring-red-600/40 dark:bg-red-950 dark:text-red-100 dark:ring-red-400/40",
  soon: "bg-amber-50 text-amber-950 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-400/40",
  later: "bg-zinc-100 text-zinc-800 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-100 dark:ring-zinc-400/30",
};

/** Live "time left" before the approval times out (the execution then fails); words carry the urgency, not only colour. */
export function Countdown({ expiresAt, assumed }: { expiresAt: Date; assumed: boolean }) {
  const now = useNow();
  const left = expiresAt.getTime() - now.getTime();
  const urgency = urgencyOf(left);
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset ${tones[urgency]}`}>
      <time dateTime={expiresAt.toISOString()} title={`Times out ${formatExactTime(expiresAt)}${assumed ? " (default 7-day timeout)" : ""}`}>
        {left <= 0 ? "Timed out" : `${formatTimeLeft(left)} left`}
      </time>
      {urgency === "urgent" && <span>· urgent</span>}
    </span>
  );
}

import { elapsedStatus, type DurationEstimate } from "../../../core/durations";
import { formatDuration } from "../../../core/format";
import { useNow } from "../../../components/use-now";

/** "2 min 10 s of ~3 min", flagged "overdue" past the threshold (see core/durations). */
export function Elapsed({ startedAt, expected, className = "" }: { startedAt?: Date; expected?: DurationEstimate; className?: string }) {
  const now = useNow();
  const status = elapsedStatus(startedAt, now, expected);
  if (!status) return null;
  const title = expected
    ? `Running for ${formatDuration(status.elapsedMs)}; usually ${formatDuration(expected.expectedMs)} (median of ${expected.samples} recent successful runs); overdue after ${formatDuration(status.overdueAfterMs ?? 0)}`
    : `Running for ${formatDuration(status.elapsedMs)}; no estimate yet (fewer than 3 successful runs)`;
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap tabular-nums ${className}`} title={title}>
      <span>{formatDuration(status.elapsedMs)}</span>
      {expected && <span className="text-slate-500 dark:text-slate-400">of ~{formatDuration(expected.expectedMs)}</span>}
      {status.overdue && (
        <span className="rounded bg-red-600 px-1 text-[10px] font-semibold uppercase tracking-wide text-white dark:bg-red-500">overdue</span>
      )}
    </span>
  );
}

import { awaitsJobWorkerReport, jobWorkerWait } from "../../../../core/job-wait";
import { formatDuration } from "../../../../core/format";
import type { ActionLayoutData } from "../../../../core/graph/layout";
import type { ActionView } from "../../../../core/graph/status-view";
import { useNow } from "../../../../components/use-now";
import { TONE_TEXT } from "../../../../components/status-badge";

/** An hourglass: the job is queued, nobody has picked it up. */
function HourglassIcon() {
  return (
    <svg viewBox="0 0 16 16" className="h-4 w-4 shrink-0" aria-hidden="true">
      <path d="M4.5 2.5h7M4.5 13.5h7M5.5 2.5c0 3 5 3.5 5 5.5s-5 2.5-5 5.5M10.5 2.5c0 3-5 3.5-5 5.5s5 2.5 5 5.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

type Props = { layout: ActionLayoutData; view: ActionView | undefined };

/**
 * "Waiting for a job worker" on a custom or third-party action whose job nobody has reported on for
 * a while (see core/job-wait for why this is an inference). Renders nothing otherwise.
 */
export function JobWait({ layout, view }: Props) {
  // Only candidates follow the one-second clock: a large graph of AWS actions stays still.
  return awaitsJobWorkerReport(layout.owner, view) ? <JobWaitAfterThreshold layout={layout} view={view} /> : null;
}

function JobWaitAfterThreshold({ layout, view }: Props) {
  const now = useNow();
  const wait = jobWorkerWait(layout.owner, view, now);
  if (!wait) return null;
  const type = `${layout.owner}/${layout.category ?? "?"}/${layout.provider ?? "?"}`;
  const title = `No job worker has reported on this job for ${formatDuration(wait.waitedMs)}. Check that a worker is running and polling for ${type}.`;
  return (
    <p className={`flex min-w-0 items-center gap-1 font-medium ${TONE_TEXT.warning}`} title={title}>
      <HourglassIcon />
      <span className="truncate">Waiting for a job worker</span>
    </p>
  );
}

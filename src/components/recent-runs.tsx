import type { PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";
import { Link } from "react-router";
import { describeRun, runHealth, stripRuns } from "../core/recent-runs";
import { HEALTH_STYLES } from "./health-badge";
import { HealthIcon } from "./icons";

/**
 * The last executions as a row of status squares, oldest left, newest right: shape (icon) and colour per run, and
 * its start, duration and trigger on hover or focus (a CSS tooltip, so the first page carries no popover library)
 * and in its accessible name. With `href`, each square links to its execution.
 */
export function RecentRuns({
  runs,
  limit,
  now,
  href,
  className = "",
}: {
  /** Newest first, as ListPipelineExecutions answers. */
  runs: readonly PipelineExecutionSummary[];
  limit: number;
  now: Date;
  href?: (executionId: string) => string;
  className?: string;
}) {
  const shown = stripRuns(runs, limit);
  if (shown.length === 0) return null;
  return (
    <ol aria-label={`Last ${shown.length} executions, oldest first`} className={`flex gap-0.5 ${className}`} data-testid="recent-runs">
      {shown.map((run) => {
        const health = runHealth(run.status);
        const text = describeRun(run, now);
        const square = `group relative z-10 grid size-5 place-items-center rounded-sm text-[0.7rem] ring-1 ring-inset ${HEALTH_STYLES[health]}`;
        const body = (
          <>
            <HealthIcon health={health} />
            <span
              aria-hidden="true"
              className="pointer-events-none invisible absolute bottom-full right-0 z-20 mb-1 w-max max-w-72 rounded bg-zinc-900 px-2 py-1 text-xs font-normal text-white shadow group-hover:visible group-focus-visible:visible dark:bg-zinc-100 dark:text-zinc-900"
            >
              {text}
            </span>
          </>
        );
        return (
          <li key={run.pipelineExecutionId} className="flex">
            {href && run.pipelineExecutionId ? (
              <Link to={href(run.pipelineExecutionId)} aria-label={text} className={`${square} focus-visible:outline-2 focus-visible:outline-sky-700`}>
                {body}
              </Link>
            ) : (
              <span role="img" aria-label={text} className={square}>
                {body}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

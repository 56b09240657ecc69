import type { PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";
import { Link } from "react-router";
import { describeRun, stripRuns } from "../core/recent-runs";
import { runHealth } from "../core/status";
import { HEALTH_STYLES } from "./health-badge";
import { HealthIcon } from "./icons";

/**
 * The last executions as a row of status squares, oldest left, newest right: shape (icon) and colour per run, and
 * its start, duration and trigger in its accessible name, which the `run-tip` CSS (index.css) shows on hover or
 * focus. With `href`, each square links to its execution.
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
    // A group, not a list: it sits inside the overview's list of pipelines, whose items are the pipelines.
    // Squares that link are targets: 20 px ones 24 px apart (WCAG 2.2 target spacing, axe's target-size).
    <div role="group" aria-label={`Last ${shown.length} executions, oldest first`} className={`flex ${href ? "gap-1" : "gap-0.5"} ${className}`}>
      {shown.map((run) => {
        const health = runHealth(run.status);
        const text = describeRun(run, now);
        const square = `run-tip relative z-10 grid size-5 place-items-center rounded-sm text-[0.7rem] ring-1 ring-inset ${HEALTH_STYLES[health]}`;
        return (
          <span key={run.pipelineExecutionId} className="flex">
            {href && run.pipelineExecutionId ? (
              <Link to={href(run.pipelineExecutionId)} aria-label={text} className={`${square} focus-visible:outline-2 focus-visible:outline-sky-700`}>
                <HealthIcon health={health} />
              </Link>
            ) : (
              <span role="img" aria-label={text} className={square}>
                <HealthIcon health={health} />
              </span>
            )}
          </span>
        );
      })}
    </div>
  );
}

import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { Fragment } from "react";
import { Link } from "react-router";
import { formatDuration, formatExactTime } from "../../../core/format";
import { useNow } from "../../../components/use-now";
import { buildTimeline } from "../../../core/timeline";
import type { ActionExecutionDetail } from "@aws-sdk/client-codepipeline";
import { StatusIcon, TONE_TEXT } from "../../../components/status-badge";
import { TONES } from "./tones";
import { statusLook } from "../../../core/status-look";
import { ActionError } from "./action-error";

/** Every action run of an execution as bars on one time axis: queue (hatched) then run (solid). */
export function ExecutionTimeline({
  declaration,
  details,
  runHref,
}: {
  declaration?: PipelineDeclaration;
  details: readonly ActionExecutionDetail[];
  /** The details panel of one run (each bar is one). */
  runHref(stageName: string, actionName: string, actionExecutionId?: string): string;
}) {
  const now = useNow().getTime();
  const t = buildTimeline(declaration, details, now);
  if (t.rows.length === 0) return <p className="text-sm">No action has run in this execution yet.</p>;
  const span = Math.max(1, t.to - t.from);
  const pct = (ms: number) => `${((ms - t.from) / span) * 100}%`;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => t.from + f * span);
  return (
    <div role="table" aria-label="Action timeline" className="text-sm">
      <div role="rowgroup">
        <div role="row" className="grid grid-cols-[minmax(10rem,16rem)_1fr_7rem] gap-2 border-b border-zinc-300 pb-1 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <span role="columnheader">Action</span>
          <span role="columnheader" className="relative h-4">
            {ticks.map((tick, i) => (
              <span key={i} className="absolute -translate-x-1/2 whitespace-nowrap tabular-nums first:translate-x-0 last:-translate-x-full" style={{ left: pct(tick) }}>
                +{formatDuration(tick - t.from)}
              </span>
            ))}
          </span>
          <span role="columnheader">Queue / run</span>
        </div>
      </div>
      <div role="rowgroup">
        {t.rows.map((r) => {
          const look = statusLook(r.status);
          const queued = r.start - r.eligibleAt;
          const label = `${r.stageName} / ${r.actionName}: ${look.label}, queued ${formatDuration(queued)}, ran ${formatDuration(r.end - r.start)}${r.updatedBy ? `, updated by ${r.updatedBy}` : ""}`;
          const error = r.status === "Failed" ? r.detail.output?.executionResult?.errorDetails : undefined;
          return (
            <Fragment key={r.key}>
              <div role="row" className={`grid grid-cols-[minmax(10rem,16rem)_1fr_7rem] items-center gap-2 py-1 ${error ? "" : "border-b border-zinc-200 dark:border-zinc-800"}`}>
                <span role="cell" className="flex min-w-0 items-center gap-1">
                  <span className={TONE_TEXT[look.tone]}>
                    <StatusIcon status={r.status} />
                  </span>
                  <Link
                    to={runHref(r.stageName, r.actionName, r.detail.actionExecutionId)}
                    state={{ fromApp: true }}
                    className="truncate underline decoration-dotted"
                    title={`${r.stageName} / ${r.actionName}: run details`}
                  >
                    <span className="text-zinc-600 dark:text-zinc-400">
                      <bdi>{r.stageName}</bdi> /{" "}
                    </span>
                    <bdi>{r.actionName}</bdi>
                  </Link>
                  <span className="sr-only">{look.label}</span>
                </span>
                <span role="cell">
                  <Link
                    to={runHref(r.stageName, r.actionName, r.detail.actionExecutionId)}
                    state={{ fromApp: true }}
                    className="relative block h-5 rounded focus-visible:outline-2 focus-visible:outline-sky-700"
                    title={`${label}; started ${formatExactTime(new Date(r.start))}. Run details`}
                    aria-label={`${label}: run details`}
                  >
                    {queued > 0 && (
                      <span
                        className="absolute top-1 h-3 rounded-l bg-[repeating-linear-gradient(45deg,var(--color-zinc-300)_0_3px,transparent_3px_6px)] dark:bg-[repeating-linear-gradient(45deg,var(--color-zinc-600)_0_3px,transparent_3px_6px)]"
                        style={{ left: pct(r.eligibleAt), width: `max(2px, calc(${pct(r.start)} - ${pct(r.eligibleAt)}))` }}
                      />
                    )}
                    <span
                      className={`absolute top-0.5 h-4 rounded ${TONES[look.tone].bar}`}
                      style={{ left: pct(r.start), width: `max(3px, calc(${pct(r.end)} - ${pct(r.start)}))` }}
                    />
                  </Link>
                </span>
                <span role="cell" className="text-xs tabular-nums text-zinc-700 dark:text-zinc-300">
                  {formatDuration(queued)} / {formatDuration(r.end - r.start)}
                  {r.updatedBy && (
                    <bdi className="block truncate" title={r.updatedBy}>
                      {r.updatedBy}
                    </bdi>
                  )}
                </span>
              </div>
              {/* The run's error on a row of its own, the table's whole width: the real cause is often its last line. */}
              {error && (
                <div role="row" className="border-b border-zinc-200 pb-1.5 pl-5 dark:border-zinc-800">
                  <div role="cell" aria-colspan={3}>
                    <ActionError error={error} actionName={r.actionName} />
                  </div>
                </div>
              )}
            </Fragment>
          );
        })}
      </div>
    </div>
  );
}

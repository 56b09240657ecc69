import type { ActionExecutionDetail } from "@aws-sdk/client-codepipeline";
import { stageNodeId } from "./layout";
import type { StatusView } from "./status-view";

/**
 * When the current run of a running stage started, for the stage header's elapsed time.
 *
 * "The earliest start among the stage's action runs" is wrong in two ways:
 * - the page loads the runs of several executions at once (SUPERSEDED: one execution in Build, an
 *   older one waiting at a later approval, and the older one ran Test hours ago); only the runs of
 *   the execution the stage is running now count;
 * - a retried stage (RetryStageExecution) keeps its failed attempt in the same execution; the current
 *   attempt begins with the first run that started after a failed or abandoned run ended (within one
 *   attempt no run starts after a failure: the stage stops once the failing runOrder group ends).
 */
export function currentStageRunStart(stageName: string, executionId: string, details: readonly ActionExecutionDetail[]): Date | undefined {
  const runs = details.filter((d) => d.pipelineExecutionId === executionId && d.stageName === stageName && d.startTime);
  const startOf = (r: ActionExecutionDetail) => r.startTime!.getTime();
  let attemptBegins = -Infinity;
  for (const r of runs) {
    if (r.status !== "Failed" && r.status !== "Abandoned") continue;
    const ended = (r.lastUpdateTime ?? r.startTime!).getTime();
    const retriedAfter = runs.some((other) => other !== r && startOf(other) >= ended);
    if (retriedAfter && ended > attemptBegins) attemptBegins = ended;
  }
  const current = runs.map(startOf).filter((s) => s >= attemptBegins);
  return current.length > 0 ? new Date(Math.min(...current)) : undefined;
}

/** Start of the current run of every running stage (by stage name), from the action runs loaded so far. */
export function runningStageStarts(stageNames: readonly string[], status: StatusView, details: readonly ActionExecutionDetail[]): Map<string, Date> {
  const out = new Map<string, Date>();
  for (const name of stageNames) {
    const view = status.stages.get(stageNodeId(name));
    if (view?.status !== "InProgress" || !view.executionId) continue;
    const start = currentStageRunStart(name, view.executionId, details);
    if (start) out.set(name, start);
  }
  return out;
}

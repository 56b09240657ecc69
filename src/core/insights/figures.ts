import type { ActionExecutionDetail, PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";
import { durationOf, resultOf, stageRuns, startOf } from "./history";
import { median, percentile, ratio } from "./stats";
import { inWindow, type Window } from "./window";

/**
 * Runs and how they went. The success rate is succeeded ÷ finished, where finished = succeeded + failed +
 * stopped; cancelled and superseded runs never finished on their own merits and are left out (counted in
 * `excluded`). Durations are of the succeeded runs: a failure's length says when it broke, not how long a
 * delivery takes.
 */
export interface RunFigures {
  runs: number;
  succeeded: number;
  failed: number;
  stopped: number;
  excluded: number;
  successRate?: number;
  medianMs?: number;
  p95Ms?: number;
}

function summarise(results: { status?: string; durationMs?: number }[]): RunFigures {
  const count = (...statuses: string[]) => results.filter((r) => statuses.includes(r.status ?? "")).length;
  const succeeded = count("Succeeded");
  const failed = count("Failed");
  const stopped = count("Stopped", "Abandoned");
  const durations = results.flatMap((r) => (r.status === "Succeeded" && r.durationMs !== undefined ? [r.durationMs] : []));
  return {
    runs: results.length,
    succeeded,
    failed,
    stopped,
    excluded: count("Cancelled", "Superseded"),
    successRate: ratio(succeeded, succeeded + failed + stopped),
    medianMs: median(durations),
    p95Ms: percentile(durations, 0.95),
  };
}

/** Executions started in the window (rollbacks included: they are runs of the pipeline too). */
export function executionFigures(executions: readonly PipelineExecutionSummary[], w: Window): RunFigures {
  return summarise(executions.filter((e) => inWindow(e.startTime, w)).map((e) => ({ status: e.status, durationMs: durationOf(e) })));
}

export interface StepFigures extends RunFigures {
  stage: string;
  /** Undefined for a stage's own row. */
  action?: string;
}

/** Per stage: one run per execution that entered it, from its first action's start to its last's end, retries included. */
export function stageFigures(actions: readonly ActionExecutionDetail[], w: Window, order: readonly string[] = []): StepFigures[] {
  const byStage = new Map<string, { status?: string; durationMs?: number }[]>();
  for (const stages of stageRuns(actions).values()) {
    for (const entry of stages.values()) {
      if (!inWindow(entry.start, w)) continue;
      const results = byStage.get(entry.stage) ?? [];
      byStage.set(entry.stage, results);
      results.push({ status: entry.result, durationMs: entry.end - entry.start });
    }
  }
  return sortByStage([...byStage].map(([stage, results]) => ({ stage, ...summarise(results) })), order);
}

/** Per action: every run counts, each retry its own run. */
export function actionFigures(actions: readonly ActionExecutionDetail[], w: Window, order: readonly string[] = []): StepFigures[] {
  const byAction = new Map<string, { stage: string; action: string; results: { status?: string; durationMs?: number }[] }>();
  for (const run of actions) {
    if (!run.stageName || !run.actionName || !inWindow(startOf(run), w)) continue;
    const key = `${run.stageName}\u0000${run.actionName}`;
    const entry = byAction.get(key) ?? { stage: run.stageName, action: run.actionName, results: [] };
    byAction.set(key, entry);
    entry.results.push({ status: resultOf(run.status) ?? run.status, durationMs: durationOf(run) });
  }
  return sortByStage(
    [...byAction.values()].map(({ stage, action, results }) => ({ stage, action, ...summarise(results) })),
    order,
  );
}

function sortByStage<T extends { stage: string; action?: string }>(rows: T[], order: readonly string[]): T[] {
  const rank = (stage: string) => (order.includes(stage) ? order.indexOf(stage) : order.length);
  return rows.sort((a, b) => rank(a.stage) - rank(b.stage) || a.stage.localeCompare(b.stage) || (a.action ?? "").localeCompare(b.action ?? ""));
}

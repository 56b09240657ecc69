import type { PipelineSummary } from "@aws-sdk/client-codepipeline";
import { failingActions, flakyActions, waitingTime } from "./actions";
import { estimateCost } from "./cost";
import { doraFigures, type DoraFigures } from "./dora";
import { actionFigures, executionFigures, stageFigures, type RunFigures } from "./figures";
import { durationOf, stageOrder, stageRuns, startOf, type PipelineHistory } from "./history";
import { median, percentile } from "./stats";
import { rate } from "./bands";
import { DAY_MS, inWindow, previousWindow, windowDays, type Window } from "./window";

/** Everything one pipeline's Insights tab shows, for a window and the one before it. */
export function pipelineReport(pipeline: Pick<PipelineSummary, "pipelineType" | "created">, history: PipelineHistory, w: Window, production?: string) {
  const before = previousWindow(w);
  const order = history.actions ? stageOrder(history.actions) : { all: [], latest: [] };
  const actions = history.actions ?? [];
  return {
    stages: order.all,
    executions: { current: executionFigures(history.executions, w), previous: executionFigures(history.executions, before) },
    dora: { current: doraFigures(history, w, production), previous: doraFigures(history, before, production) },
    stageFigures: stageFigures(actions, w, order.all),
    actionFigures: actionFigures(actions, w, order.all),
    flaky: flakyActions(actions, w),
    failing: failingActions(actions, w),
    waiting: waitingTime(actions, w),
    cost: { current: estimateCost(pipeline, history, w), previous: estimateCost(pipeline, history, before) },
  };
}

export type PipelineReport = ReturnType<typeof pipelineReport>;

/** The row of one pipeline on the Insights page: from its executions (and action runs, where read). */
export interface OverviewFigures {
  executions: { current: RunFigures; previous: RunFigures };
  dora: { current: DoraFigures; previous: DoraFigures };
}

export function overviewFigures(history: PipelineHistory, w: Window): OverviewFigures {
  const before = previousWindow(w);
  return {
    executions: { current: executionFigures(history.executions, w), previous: executionFigures(history.executions, before) },
    dora: { current: doraFigures(history, w), previous: doraFigures(history, before) },
  };
}

/** Days for windows up to a month, weeks beyond: a bar chart of 365 days is unreadable. */
export const bucketMs = (w: Window) => (windowDays(w) <= 31 ? DAY_MS : 7 * DAY_MS);

export interface OutcomeBucket {
  from: number;
  succeeded: number;
  failed: number;
  other: number;
}

/** Executions by outcome per day or week, for the success/failure bars. */
export function outcomeBuckets(executions: PipelineHistory["executions"], w: Window): OutcomeBucket[] {
  const size = bucketMs(w);
  const buckets: OutcomeBucket[] = [];
  for (let from = w.from; from < w.to; from += size) buckets.push({ from, succeeded: 0, failed: 0, other: 0 });
  for (const e of executions) {
    const t = startOf(e);
    if (t === undefined || !inWindow(t, w)) continue;
    const b = buckets[Math.floor((t - w.from) / size)];
    if (e.status === "Succeeded") b.succeeded++;
    else if (e.status === "Failed") b.failed++;
    else b.other++;
  }
  return buckets;
}

/** Each succeeded execution's duration at its start, with the window's median and p95, for the duration chart. */
export function durationPoints(executions: PipelineHistory["executions"], w: Window) {
  const points = executions
    .filter((e) => e.status === "Succeeded" && inWindow(e.startTime, w))
    .flatMap((e) => {
      const d = durationOf(e);
      return d === undefined ? [] : [{ at: startOf(e)!, ms: d, id: e.pipelineExecutionId ?? "" }];
    })
    .sort((a, b) => a.at - b.at);
  const values = points.map((p) => p.ms);
  return { points, medianMs: median(values), p95Ms: percentile(values, 0.95) };
}

/** Per execution that ran stages in the window: each stage's duration, for the stacked stage chart. */
export function stageDurationRows(actions: PipelineHistory["actions"], w: Window, stages: readonly string[]) {
  if (!actions) return [];
  return [...stageRuns(actions)]
    .flatMap(([id, byStage]) => {
      const start = Math.min(...[...byStage.values()].map((s) => s.start));
      if (!inWindow(start, w)) return [];
      return [{ id, at: start, ms: stages.map((stage) => { const s = byStage.get(stage); return s ? s.end - s.start : 0; }) }];
    })
    .sort((a, b) => a.at - b.at);
}

/**
 * The four keys over several pipelines: deployments and change failures add up; lead time and time to restore
 * are the median of the pipelines' medians (each pipeline weighs the same, however often it deploys).
 */
export function aggregateDora(figures: readonly DoraFigures[], w: Window): DoraFigures {
  const sum = (pick: (f: DoraFigures) => number) => figures.reduce((total, f) => total + pick(f), 0);
  const detailedFigures = figures.filter((f) => f.detailed);
  const deployments = sum((f) => f.deployments);
  const frequency = deployments / windowDays(w);
  const failed = detailedFigures.reduce((t, f) => t + f.changeFailureRate.failed, 0);
  const reached = detailedFigures.reduce((t, f) => t + f.changeFailureRate.reached, 0);
  const medianOf = (pick: (f: DoraFigures) => number | undefined) => median(detailedFigures.flatMap((f) => (pick(f) === undefined ? [] : [pick(f)!])));
  const lead = medianOf((f) => f.leadTime.value);
  const restore = medianOf((f) => f.timeToRestore.value);
  const cfr = detailedFigures.length > 0 && reached > 0 ? failed / reached : undefined;
  return {
    detailed: detailedFigures.length > 0,
    deployments,
    rollbacks: sum((f) => f.rollbacks),
    deploymentFrequency: { value: frequency, band: rate("deploymentFrequency", frequency) },
    leadTime: { value: lead, measured: detailedFigures.reduce((t, f) => t + f.leadTime.measured, 0), band: rate("leadTime", lead) },
    changeFailureRate: { value: cfr, failed, reached, band: rate("changeFailureRate", cfr) },
    timeToRestore: {
      value: restore,
      incidents: detailedFigures.reduce((t, f) => t + f.timeToRestore.incidents, 0),
      unresolved: detailedFigures.reduce((t, f) => t + f.timeToRestore.unresolved, 0),
      band: rate("timeToRestore", restore),
    },
  };
}

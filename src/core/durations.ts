import type { ActionExecutionDetail, PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";

/**
 * Expected durations from history, and "is this running thing late?".
 *
 * Expected duration = the median of the most recent successful runs (at most `SAMPLE_SIZE`).
 * The median, not the mean: one run that sat behind a queued approval or a cold build cache
 * would drag a mean far off, the median ignores it. Only successful runs count: failures stop
 * early and would make the estimate too short.
 *
 * Overdue = elapsed > max(1.5 × expected, expected + 2 min). The relative part scales with long
 * deploys (a 40 min deploy is late at 60 min, not at 42); the absolute floor keeps short actions
 * from flapping (a 20 s source action that takes 45 s because of queueing is normal noise, not
 * an incident worth a red flag). Fewer than `MIN_SAMPLES` successful runs give no estimate at all
 * rather than a guess from one run.
 */

export const SAMPLE_SIZE = 10;
export const MIN_SAMPLES = 3;
export const OVERDUE_FACTOR = 1.5;
export const OVERDUE_MIN_EXTRA_MS = 2 * 60_000;

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface DurationEstimate {
  expectedMs: number;
  samples: number;
}

function estimate(durations: number[]): DurationEstimate | undefined {
  if (durations.length < MIN_SAMPLES) return undefined;
  const recent = durations.slice(0, SAMPLE_SIZE);
  return { expectedMs: median(recent)!, samples: recent.length };
}

function spanMs(start?: Date, end?: Date): number | undefined {
  if (!start || !end) return undefined;
  const ms = end.getTime() - start.getTime();
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

const byStartDesc = <T extends { startTime?: Date }>(a: T, b: T) =>
  (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0);

export const actionKey = (stageName: string, actionName: string) => `${stageName}\u0000${actionName}`;

/** Expected duration per action (key `actionKey(stage, action)`) from ListActionExecutions details. */
export function expectedActionDurations(details: readonly ActionExecutionDetail[]): Map<string, DurationEstimate> {
  const runs = new Map<string, number[]>();
  for (const d of [...details].sort(byStartDesc)) {
    if (d.status !== "Succeeded" || !d.stageName || !d.actionName) continue;
    const ms = spanMs(d.startTime, d.lastUpdateTime);
    if (ms === undefined) continue;
    const key = actionKey(d.stageName, d.actionName);
    const list = runs.get(key);
    if (list) list.push(ms);
    else runs.set(key, [ms]);
  }
  const out = new Map<string, DurationEstimate>();
  for (const [key, list] of runs) {
    const e = estimate(list);
    if (e) out.set(key, e);
  }
  return out;
}

/**
 * Expected duration per stage: for each pipeline execution in which every recorded action of the
 * stage succeeded, the span from the first action's start to the last action's end.
 */
export function expectedStageDurations(details: readonly ActionExecutionDetail[]): Map<string, DurationEstimate> {
  const spans = new Map<string, { start: number; end: number; ok: boolean; stage: string }>();
  for (const d of details) {
    if (!d.stageName || !d.pipelineExecutionId || !d.startTime) continue;
    const key = `${d.pipelineExecutionId}\u0000${d.stageName}`;
    const start = d.startTime.getTime();
    const end = (d.lastUpdateTime ?? d.startTime).getTime();
    const cur = spans.get(key);
    const ok = d.status === "Succeeded";
    if (!cur) spans.set(key, { start, end, ok, stage: d.stageName });
    else {
      cur.start = Math.min(cur.start, start);
      cur.end = Math.max(cur.end, end);
      cur.ok &&= ok;
    }
  }
  const runs = new Map<string, { start: number; ms: number }[]>();
  for (const s of spans.values()) {
    if (!s.ok) continue;
    const list = runs.get(s.stage) ?? [];
    list.push({ start: s.start, ms: s.end - s.start });
    runs.set(s.stage, list);
  }
  const out = new Map<string, DurationEstimate>();
  for (const [stage, list] of runs) {
    const e = estimate(list.sort((a, b) => b.start - a.start).map((r) => r.ms));
    if (e) out.set(stage, e);
  }
  return out;
}

/** Expected duration of a whole execution, from ListPipelineExecutions summaries. */
export function expectedPipelineDuration(summaries: readonly PipelineExecutionSummary[]): DurationEstimate | undefined {
  const list: number[] = [];
  for (const s of [...summaries].sort(byStartDesc)) {
    if (s.status !== "Succeeded") continue;
    const ms = spanMs(s.startTime, s.lastUpdateTime);
    if (ms !== undefined) list.push(ms);
  }
  return estimate(list);
}

export interface ElapsedStatus {
  elapsedMs: number;
  expectedMs?: number;
  /** elapsed / expected, when an estimate exists. */
  ratio?: number;
  /** Elapsed time at which this run counts as overdue. */
  overdueAfterMs?: number;
  overdue: boolean;
}

export function overdueThreshold(expectedMs: number): number {
  return Math.max(expectedMs * OVERDUE_FACTOR, expectedMs + OVERDUE_MIN_EXTRA_MS);
}

export function elapsedStatus(startedAt: Date | undefined, now: Date | number, expected?: DurationEstimate): ElapsedStatus | undefined {
  if (!startedAt) return undefined;
  const nowMs = typeof now === "number" ? now : now.getTime();
  const elapsedMs = Math.max(0, nowMs - startedAt.getTime());
  if (!expected) return { elapsedMs, overdue: false };
  const overdueAfterMs = overdueThreshold(expected.expectedMs);
  return {
    elapsedMs,
    expectedMs: expected.expectedMs,
    ratio: expected.expectedMs > 0 ? elapsedMs / expected.expectedMs : undefined,
    overdueAfterMs,
    overdue: elapsedMs > overdueAfterMs,
  };
}

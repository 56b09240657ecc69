import type { PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";
import { elapsedMs, formatDuration, formatExactTime, runDurationMs } from "./format";
import { HEALTH_LABELS, runHealth } from "./status";

/** The overview reads this many executions in its one ListPipelineExecutions call per pipeline; the wall shows fewer. */
export const OVERVIEW_RUNS = 10;
export const WALL_RUNS = 5;

/** Oldest first, as a strip reads left to right: `limit` of the newest-first list the API answers. */
export function stripRuns(newestFirst: readonly PipelineExecutionSummary[] | undefined, limit: number): PipelineExecutionSummary[] {
  return (newestFirst ?? []).slice(0, limit).reverse();
}

export interface FailingSince {
  /** The failed execution that turned the pipeline red: the oldest failure since the last success. */
  executionId: string;
  since: Date;
  /** No success within the executions read: red for at least this long. */
  atLeast: boolean;
}

/**
 * How long a pipeline has been red. Walks back from the newest finished execution over everything that is not a
 * success (failures, and the stopped, superseded or cancelled runs between them) to the oldest failure; runs
 * still in progress at the head do not make it green. Undefined when the newest finished run did not fail.
 */
export function failingSince(newestFirst: readonly PipelineExecutionSummary[] | undefined): FailingSince | undefined {
  const runs = newestFirst ?? [];
  let i = 0;
  while (i < runs.length && (runs[i].status === "InProgress" || runs[i].status === "Stopping")) i++;
  if (runs[i]?.status !== "Failed") return undefined;
  let oldest: PipelineExecutionSummary | undefined;
  for (; i < runs.length && runs[i].status !== "Succeeded"; i++) if (runs[i].status === "Failed") oldest = runs[i];
  const since = oldest?.lastUpdateTime ?? oldest?.startTime;
  if (!oldest?.pipelineExecutionId || !since) return undefined;
  return { executionId: oldest.pipelineExecutionId, since, atLeast: i === runs.length };
}

/** One run in a sentence, for the strip's tooltip and accessible name: status, start, duration, trigger. */
export function describeRun(run: PipelineExecutionSummary, now: Date): string {
  const parts = [HEALTH_LABELS[runHealth(run.status)]];
  if (run.startTime) parts.push(`started ${formatExactTime(run.startTime)}`);
  const running = run.status === "InProgress" || run.status === "Stopping";
  const end = running ? undefined : run.lastUpdateTime;
  if (run.startTime && (running || end)) parts.push(`${running ? "running for" : "took"} ${formatDuration(runDurationMs(run.startTime, end, now))}`);
  if (run.trigger?.triggerType) parts.push(`trigger ${run.trigger.triggerType}`);
  return parts.join(" · ");
}

/** The short form of an execution id people can match with the console's: its first 8 characters. */
export const shortExecutionId = (id: string) => id.slice(0, 8);

/** "failing for 3 h 12 min" (or "for at least"), to be followed by the execution it started with. */
export function failingFor(failing: FailingSince, now: Date): string {
  return `failing for ${failing.atLeast ? "at least " : ""}${formatDuration(elapsedMs(failing.since, now))}`;
}

import type { ActionExecution, ActionOwner } from "@aws-sdk/client-codepipeline";

/**
 * "Waiting for a job worker": a custom or third-party action whose job nobody seems to work on.
 *
 * CodePipeline does not say when a worker last polled, so this is inferred from what
 * GetPipelineState does say. Such an action is InProgress from the moment its job is queued, and
 * a worker that took the job shows up as soon as it reports anything (summary, percentComplete,
 * external execution id or link). Nothing reported for longer than the threshold reads as "no worker
 * is polling"; it also covers a worker that acknowledged the job and then went quiet, which to the
 * person watching is the same problem.
 *
 * Two minutes: workers poll every few seconds to once a minute (the Jenkins plugin's default), so
 * a healthy one has taken the job well before; a shorter threshold would flag a worker in the
 * middle of its first poll interval.
 */
export const JOB_WORKER_WAIT_THRESHOLD_MS = 2 * 60_000;

/** Only these owners run through job workers; AWS actions run inside CodePipeline. */
const JOB_WORKER_OWNERS: readonly string[] = ["Custom", "ThirdParty"] satisfies ActionOwner[];

export type JobActionExecution = Pick<
  ActionExecution,
  "status" | "summary" | "percentComplete" | "externalExecutionId" | "externalExecutionUrl" | "lastStatusChange"
>;

export interface JobWait {
  /** When the job started waiting (the action's last status change). */
  since: Date;
  waitedMs: number;
}

/** A custom or third-party action in progress whose worker has reported nothing yet (time aside). */
export function awaitsJobWorkerReport(owner: string | undefined, execution: JobActionExecution | undefined): boolean {
  if (!owner || !JOB_WORKER_OWNERS.includes(owner) || execution?.status !== "InProgress") return false;
  const { summary, percentComplete, externalExecutionId, externalExecutionUrl } = execution;
  return !summary && percentComplete === undefined && !externalExecutionId && !externalExecutionUrl;
}

/** The wait, when the action (of the declared owner) is waiting for a job worker at `now`; else undefined. */
export function jobWorkerWait(
  owner: string | undefined,
  execution: JobActionExecution | undefined,
  now: Date,
  thresholdMs = JOB_WORKER_WAIT_THRESHOLD_MS,
): JobWait | undefined {
  const since = execution?.lastStatusChange;
  if (!since || !awaitsJobWorkerReport(owner, execution)) return undefined;
  const waitedMs = now.getTime() - since.getTime();
  return waitedMs >= thresholdMs ? { since, waitedMs } : undefined;
}

import type { ActionDeclaration, JobStatus } from "@aws-sdk/client-codepipeline";
import type { ActionExecutionRecord, JobRecord, PipelineRecord } from "../state/records";
import { regionOf, scopeKey } from "../state/world";
import type { Engine } from "./engine";

/*
 * Queueing jobs for custom (`Custom`) and partner (`ThirdParty`) actions, as the lifecycle starts
 * their runs; polling, acknowledging and results are in ./jobs.ts.
 */

export const JOB_ACTION_TIMEOUT_MS = 24 * 3_600_000;
export const JOB_ACK_TIMEOUT_MS = 5 * 60_000;

export type TypeId = JobRecord["actionTypeId"];

export const typeKey = (t: { owner?: string; category?: string; provider?: string; version?: string }) => `${t.owner}/${t.category}/${t.provider}/${t.version}`;

export const LIVE: JobStatus[] = ["Queued", "Dispatched", "InProgress"];

/** Called by the lifecycle when a run of a custom or third-party action starts. */
export function startJob(e: Engine, p: PipelineRecord, record: ActionExecutionRecord, action: ActionDeclaration): void {
  // The worker reports the external id and URL; nothing is shown until it does.
  delete record.externalExecutionId;
  delete record.externalExecutionUrl;
  queueJob(e, p, record, action.actionTypeId as TypeId);
  e.schedule(record.startTime + JOB_ACTION_TIMEOUT_MS, { kind: "jobActionTimeout", scope: scopeKey(p), pipeline: p.name, actionExecutionId: record.id });
}

export function queueJob(e: Engine, p: PipelineRecord, record: ActionExecutionRecord, type: TypeId, continuationToken?: string): JobRecord {
  const kind: JobRecord["kind"] = type.owner === "ThirdParty" ? "ThirdParty" : "Custom";
  const job: JobRecord = {
    id: e.rng.uuid(),
    kind,
    status: "Queued",
    nonce: e.rng.hex(32),
    pipeline: p.name,
    actionExecutionId: record.id,
    actionTypeId: { category: type.category, owner: type.owner, provider: type.provider, version: type.version },
    created: e.now(),
    ...(continuationToken !== undefined && { continuationToken }),
  };
  if (kind === "ThirdParty") {
    job.clientId = record.resolvedConfiguration.ClientId ?? DEFAULT_CLIENT_ID;
    job.clientToken = record.resolvedConfiguration.ClientToken ?? DEFAULT_CLIENT_TOKEN;
  }
  const jobs = (regionOf(e.world, p).jobs ??= {});
  pruneFinished(jobs, e.now());
  jobs[job.id] = job;
  record.jobId = job.id;
  e.changed();
  return job;
}

/** Finished jobs are kept a day for GetJobDetails, then forgotten once there are many. */
const KEEP_FINISHED_MS = 24 * 3_600_000;
const PRUNE_ABOVE = 1000;

function pruneFinished(jobs: Record<string, JobRecord>, now: number): void {
  const ids = Object.keys(jobs);
  if (ids.length < PRUNE_ABOVE) return;
  for (const id of ids) {
    const job = jobs[id];
    if (!LIVE.includes(job.status) && (job.finishedAt ?? 0) < now - KEEP_FINISHED_MS) delete jobs[id];
  }
}

/** Third-party actions without `ClientId`/`ClientToken` in their configuration use these. */
export const DEFAULT_CLIENT_ID = "emulator-client";
export const DEFAULT_CLIENT_TOKEN = "emulator-client-token";

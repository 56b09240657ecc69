import { createHash } from "node:crypto";
import type {
  ActionTypeId,
  Artifact,
  CurrentRevision,
  ExecutionDetails,
  FailureDetails,
  JobData,
  JobStatus,
} from "@aws-sdk/client-codepipeline";
import {
  ActionTypeNotFoundException,
  InvalidClientTokenException,
  InvalidJobException,
  InvalidJobStateException,
  InvalidNonceException,
  JobNotFoundException,
  OutputVariablesSizeExceededException,
  ValidationException,
} from "../errors";
import type { ActionExecutionRecord, JobRecord, PipelineRecord, RegionRecord } from "../state/records";
import { type Scope, scopeKey } from "../state/world";
import { fillTemplate } from "./action-types";
import type { Engine } from "./engine";
import { recordRevision } from "./actions";
import { stageOf } from "./execution";
import { JOB_ACK_TIMEOUT_MS, LIVE, queueJob, typeKey } from "./job-queue";
import { finishAction } from "./lifecycle";

/*
 * Jobs for custom (`Custom`) and partner (`ThirdParty`) actions. When an execution reaches such an
 * action (and the scenario does not simulate it), a job is queued; a job worker polls for it, acknowledges
 * it with the nonce, and reports success (optionally with a continuation token, which queues a
 * follow-up job for the same action run) or failure.
 *
 * Timeouts: the whole action times out 24 hours after it started (AWS's default for custom actions);
 * its current job becomes TimedOut and the action fails. AWS documents no separate acknowledgement
 * timeout; the emulator gives a polled job 5 minutes to be acknowledged, then puts it back in the
 * queue with a new nonce (so a crashed worker does not hold it for a day, and its late
 * AcknowledgeJob gets InvalidNonceException).
 */

/** AWS's limit on the output variables of one action (122,880 characters, names and values). */
const OUTPUT_VARIABLES_MAX_CHARS = 122_880;
const MAX_BATCH = 100;

type Kind = JobRecord["kind"];

/** Reads never create state: a region, its jobs map or its poll times appear only when written. */
const existingRegion = (e: Engine, scope: Scope): RegionRecord | undefined => e.world.regions[scopeKey(scope)];

/** The action run a job belongs to, if the job can still be worked on. */
function liveAction(e: Engine, region: RegionRecord, job: JobRecord): { p: PipelineRecord; record: ActionExecutionRecord } | undefined {
  const p = region.pipelines[job.pipeline];
  const record = p?.actionExecutions[job.actionExecutionId];
  if (!p || !record || record.status !== "InProgress" || record.jobId !== job.id) {
    // The run was stopped, abandoned, cancelled or deleted under the worker.
    if (LIVE.includes(job.status)) {
      job.status = "Failed";
      job.finishedAt = e.now();
      e.changed();
    }
    return undefined;
  }
  return { p, record };
}

function findJob(e: Engine, scope: Scope, kind: Kind, id: string): { region: RegionRecord; job: JobRecord } {
  const region = existingRegion(e, scope);
  const job = region?.jobs?.[id];
  if (!region || !job || job.kind !== kind) throw new JobNotFoundException(`Job with id '${id}' could not be found.`);
  return { region, job };
}

function checkClientToken(job: JobRecord, clientToken: string): void {
  if (job.clientToken !== clientToken) throw new InvalidClientTokenException(`The client token was invalid for job '${job.id}'.`);
}

// ---- Polling ------------------------------------------------------------------------------------

export function pollForJobs(e: Engine, scope: Scope, kind: Kind, type: ActionTypeId, maxBatchSize = 1, query: Record<string, string> = {}) {
  const region = existingRegion(e, scope);
  if (type.owner !== kind) {
    const op = kind === "Custom" ? "PollForJobs" : "PollForThirdPartyJobs";
    throw new ValidationException(`${op} is valid only for action types with owner '${kind}'; got owner '${type.owner}'.`);
  }
  if (kind === "Custom" && !region?.customActionTypes.some((t) => t.category === type.category && t.provider === type.provider && t.version === type.version)) {
    throw new ActionTypeNotFoundException(
      `ActionType (Category: '${type.category}', Provider: '${type.provider}', Owner: 'Custom', Version: '${type.version}') is not available in region '${scope.region}'`,
    );
  }
  // A third-party poll in a region with no pipelines has nothing to hand out and nothing to record.
  if (!region) return [];
  const now = e.now();
  const handedOut: { job: JobRecord; p: PipelineRecord; record: ActionExecutionRecord }[] = [];
  for (const job of Object.values(region.jobs ?? {})) {
    if (handedOut.length >= Math.min(maxBatchSize, MAX_BATCH)) break;
    if (job.status !== "Queued" || job.kind !== kind || typeKey(job.actionTypeId) !== typeKey(type)) continue;
    const live = liveAction(e, region, job);
    if (!live) continue;
    if (!Object.entries(query).every(([k, v]) => live.record.resolvedConfiguration[k] === v)) continue;
    job.status = "Dispatched";
    job.dispatchedAt = now;
    e.schedule(now + JOB_ACK_TIMEOUT_MS, { kind: "jobAckTimeout", scope: scopeKey(scope), pipeline: job.pipeline, jobId: job.id, dispatchedAt: now });
    handedOut.push({ job, ...live });
    e.changed();
  }
  return handedOut.map(({ job, p, record }) => ({ job, data: jobData(p, record, job) }));
}

/** A polled job nobody acknowledged goes back to the queue with a new nonce. */
export function requeueUnacknowledged(e: Engine, p: PipelineRecord, jobId: string, dispatchedAt: number): void {
  const job = existingRegion(e, p)?.jobs?.[jobId];
  if (!job || job.status !== "Dispatched" || job.dispatchedAt !== dispatchedAt) return;
  job.status = "Queued";
  job.nonce = e.rng.hex(32);
  delete job.dispatchedAt;
  e.changed();
}

/** The 24-hour action timeout: the current job times out and the action fails. */
export function timeOutJobAction(e: Engine, p: PipelineRecord, actionExecutionId: string): void {
  const record = p.actionExecutions[actionExecutionId];
  if (!record || record.status !== "InProgress" || !record.jobId) return;
  const x = p.executions[record.pipelineExecutionId];
  const job = existingRegion(e, p)?.jobs?.[record.jobId];
  if (job && LIVE.includes(job.status)) Object.assign(job, { status: "TimedOut", finishedAt: e.now() });
  record.status = "Failed";
  record.errorDetails = { code: "TimeoutError", message: "The action did not complete within the action timeout of 24 hours. No job worker finished its job in time." };
  delete record.reportedPercent;
  if (x) finishAction(e, p, x, record);
}

// ---- Job data -----------------------------------------------------------------------------------

function jobData(p: PipelineRecord, record: ActionExecutionRecord, job: JobRecord): JobData {
  const x = p.executions[record.pipelineExecutionId];
  const bucketName = `codepipeline-${p.region}-${p.accountId.slice(-12)}`;
  const artifact = (name: string, objectKey: string, withRevision: boolean): Artifact => {
    const revision = withRevision ? x?.artifactRevisions.find((a) => a.name === name)?.revisionId : undefined;
    return { name, ...(revision && { revision }), location: { type: "S3", s3Location: { bucketName, objectKey } } };
  };
  // Derived from the job id, so reads never move the seeded generator.
  const secret = createHash("sha256").update(job.id).digest("hex");
  return {
    actionTypeId: { ...job.actionTypeId } as ActionTypeId,
    actionConfiguration: { configuration: { ...record.resolvedConfiguration } },
    pipelineContext: {
      pipelineName: p.name,
      stage: { name: record.stageName },
      action: { name: record.actionName, actionExecutionId: record.id },
      // Not populated for third-party jobs, as AWS documents.
      ...(job.kind === "Custom" && { pipelineArn: p.arn, pipelineExecutionId: record.pipelineExecutionId }),
    },
    inputArtifacts: Object.entries(record.inputArtifactKeys).map(([name, key]) => artifact(name, key, true)),
    outputArtifacts: Object.entries(record.outputArtifactKeys).map(([name, key]) => artifact(name, key, false)),
    artifactCredentials: { accessKeyId: `ASIA${secret.slice(0, 16).toUpperCase()}`, secretAccessKey: secret.slice(16, 56), sessionToken: `emulator-session-${secret.slice(0, 32)}` },
    ...(job.continuationToken !== undefined && { continuationToken: job.continuationToken }),
  };
}

export function jobDetails(e: Engine, scope: Scope, kind: Kind, jobId: string, clientToken?: string) {
  const { region, job } = findJob(e, scope, kind, jobId);
  if (kind === "ThirdParty") {
    checkClientToken(job, clientToken ?? "");
    if (!LIVE.includes(job.status)) throw new InvalidJobException(`Job '${jobId}' is ${job.status} and can no longer be worked on.`);
  }
  const p = region.pipelines[job.pipeline];
  const record = p?.actionExecutions[job.actionExecutionId];
  if (!p || !record) throw new JobNotFoundException(`Job with id '${jobId}' could not be found.`);
  return { job, data: jobData(p, record, job) };
}

// ---- Acknowledge and results -------------------------------------------------------------------

export function acknowledgeJob(e: Engine, scope: Scope, kind: Kind, jobId: string, nonce: string, clientToken?: string): JobStatus {
  const { region, job } = findJob(e, scope, kind, jobId);
  if (kind === "ThirdParty") checkClientToken(job, clientToken ?? "");
  if (job.nonce !== nonce) throw new InvalidNonceException(`The nonce '${nonce}' is not valid for job '${jobId}'.`);
  if (job.status === "InProgress") throw new InvalidNonceException(`Job '${jobId}' was already acknowledged with this nonce.`);
  if (job.status !== "Queued" && job.status !== "Dispatched") return job.status;
  if (!liveAction(e, region, job)) return job.status;
  job.status = "InProgress";
  e.changed();
  return job.status;
}

function requireWorkable(e: Engine, region: RegionRecord, job: JobRecord) {
  if (job.status !== "Dispatched" && job.status !== "InProgress") {
    throw new InvalidJobStateException(`Job '${job.id}' is ${job.status}; results are accepted only for jobs that were polled and are not finished.`);
  }
  const live = liveAction(e, region, job);
  if (!live) throw new InvalidJobStateException(`Job '${job.id}' can no longer be completed: its action execution is no longer in progress.`);
  return live;
}

export interface SuccessInput {
  currentRevision?: CurrentRevision;
  continuationToken?: string;
  executionDetails?: ExecutionDetails;
  outputVariables?: Record<string, string>;
}

export function putJobSuccess(e: Engine, scope: Scope, kind: Kind, jobId: string, input: SuccessInput, clientToken?: string): void {
  const { region, job } = findJob(e, scope, kind, jobId);
  if (kind === "ThirdParty") checkClientToken(job, clientToken ?? "");
  const { p, record } = requireWorkable(e, region, job);
  const vars = input.outputVariables;
  if (vars && input.continuationToken !== undefined) {
    throw new ValidationException("Output variables can only be set when the job completes the action (no continuation token).");
  }
  if (vars && Object.entries(vars).reduce((n, [k, v]) => n + k.length + v.length, 0) > OUTPUT_VARIABLES_MAX_CHARS) {
    throw new OutputVariablesSizeExceededException(`The output variables exceed the limit of ${OUTPUT_VARIABLES_MAX_CHARS} characters.`);
  }
  const now = e.now();
  Object.assign(job, { status: "Succeeded", finishedAt: now });
  applyDetails(region, p, record, input.executionDetails);
  if (input.currentRevision) {
    const r = input.currentRevision;
    record.revision = {
      revisionId: r.revision!,
      revisionChangeId: r.changeIdentifier!,
      created: r.created ? r.created.getTime() : now,
      summary: r.revisionSummary ?? "",
    };
  }
  record.lastUpdateTime = now;
  const x = p.executions[record.pipelineExecutionId];
  if (input.continuationToken !== undefined) {
    queueJob(e, p, record, job.actionTypeId, input.continuationToken);
    if (x) x.lastUpdateTime = now;
    e.changed();
    return;
  }
  record.status = "Succeeded";
  delete record.reportedPercent;
  if (vars) record.outputVariables = { ...vars };
  if (x) {
    if (record.revision) recordRevision(x, stageOf(p, x, record.stageName).actions!.find((a) => a.name === record.actionName)!, record);
    finishAction(e, p, x, record);
  }
}

export function putJobFailure(e: Engine, scope: Scope, kind: Kind, jobId: string, failure: FailureDetails, clientToken?: string): void {
  const { region, job } = findJob(e, scope, kind, jobId);
  if (kind === "ThirdParty") checkClientToken(job, clientToken ?? "");
  const { p, record } = requireWorkable(e, region, job);
  Object.assign(job, { status: "Failed", finishedAt: e.now() });
  if (failure.externalExecutionId) applyDetails(region, p, record, { externalExecutionId: failure.externalExecutionId });
  record.status = "Failed";
  record.errorDetails = { code: failure.type!, message: failure.message! };
  delete record.reportedPercent;
  const x = p.executions[record.pipelineExecutionId];
  if (x) finishAction(e, p, x, record);
  else e.changed();
}

/** A worker's `executionDetails`: summary, external id (and the URL from the type's template), progress. */
function applyDetails(region: RegionRecord, p: PipelineRecord, record: ActionExecutionRecord, details: ExecutionDetails | undefined): void {
  if (!details) return;
  if (details.summary !== undefined) record.summary = details.summary;
  if (details.percentComplete !== undefined) record.reportedPercent = details.percentComplete;
  if (details.externalExecutionId !== undefined) {
    record.externalExecutionId = details.externalExecutionId;
    const x = p.executions[record.pipelineExecutionId];
    const type = x && stageOf(p, x, record.stageName).actions!.find((a) => a.name === record.actionName)?.actionTypeId;
    const custom = type && region.customActionTypes.find((t) => t.category === type.category && t.provider === type.provider && t.version === type.version);
    const template = type?.owner === "Custom" ? custom?.settings?.executionUrlTemplate : undefined;
    if (template) record.externalExecutionUrl = fillTemplate(template, record.resolvedConfiguration, { ExternalExecutionId: details.externalExecutionId });
  }
}

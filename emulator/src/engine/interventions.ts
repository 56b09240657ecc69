import type { ApprovalResult, ConditionType, StageRetryMode, StageTransitionType } from "@aws-sdk/client-codepipeline";
import {
  ActionNotFoundException,
  ApprovalAlreadyCompletedException,
  ConditionNotOverridableException,
  DuplicatedStopRequestException,
  InvalidApprovalTokenException,
  NotLatestPipelineExecutionException,
  PipelineExecutionNotStoppableException,
  PipelineExecutionOutdatedException,
  StageNotFoundException,
  StageNotRetryableException,
  UnableToRollbackStageException,
} from "../errors";
import type { ExecutionRecord, PipelineRecord } from "../state/records";
import { currentDeclaration, currentVersion, requireExecution, scopeKey } from "../state/world";
import type { Engine } from "./engine";
import { occupies, touch } from "./execution";
import { decide, overrideCondition, restartStage, startRollback, stopNow, wake } from "./lifecycle";

/** What people do to running pipelines: stop, retry, roll back, approve, gate transitions, override conditions. */

/** How long an abandoned execution shows Stopping before it is Stopped. */
const ABANDON_SETTLE_MS = 1000;

export function requireStage(p: PipelineRecord, stage: string) {
  const declaration = currentDeclaration(p).stages!.find((s) => s.name === stage);
  if (!declaration) throw new StageNotFoundException(`Stage '${stage}' not found in pipeline '${p.name}'`);
  return declaration;
}

export function stopExecution(e: Engine, p: PipelineRecord, id: string, abandon: boolean, reason: string | undefined): ExecutionRecord {
  const x = requireExecution(p, id);
  if (x.status === "Stopping") {
    if (!abandon || x.stopMode === "abandon") {
      throw new DuplicatedStopRequestException(`Pipeline execution '${id}' is already stopping; a ${abandon ? "stop and abandon" : "stop"} request was already made`);
    }
  } else if (x.status !== "InProgress") {
    throw new PipelineExecutionNotStoppableException(`Pipeline execution '${id}' is ${x.status} and cannot be stopped; only executions in progress can be stopped`);
  }
  x.status = "Stopping";
  x.stopMode = abandon ? "abandon" : "wait";
  if (reason !== undefined) x.stopReason = reason;
  touch(e, x);
  const at = x.position;
  if (!at || at.phase === "waiting") {
    stopNow(e, p, x);
    return x;
  }
  const run = x.stages[at.stage];
  run.status = "Stopping";
  if (!abandon) {
    // Stop and wait: running actions finish; settleStage stops the execution when none is left.
    if (at.phase === "actions" && !Object.values(run.actions).some((a) => p.actionExecutions[a].status === "InProgress")) stopNow(e, p, x);
    return x;
  }
  const now = e.now();
  for (const actionId of Object.values(run.actions)) {
    const record = p.actionExecutions[actionId];
    if (record.status === "InProgress") Object.assign(record, { status: "Abandoned", lastUpdateTime: now });
  }
  for (const condition of Object.values(run.conditions)) {
    if (condition.status !== "InProgress") continue;
    condition.status = "Abandoned";
    for (const ruleId of condition.rules.flat()) {
      const rule = p.ruleExecutions[ruleId];
      if (rule.status === "InProgress") Object.assign(rule, { status: "Abandoned", lastUpdateTime: now });
    }
  }
  e.schedule(now + ABANDON_SETTLE_MS, { kind: "stopSettle", scope: scopeKey(p), pipeline: p.name, executionId: x.id });
  return x;
}

export function settleAbandon(e: Engine, p: PipelineRecord, id: string): void {
  const x = p.executions[id];
  if (x?.status === "Stopping" && x.stopMode === "abandon") stopNow(e, p, x);
}

export function retryStage(e: Engine, p: PipelineRecord, stage: string, id: string, mode: StageRetryMode): ExecutionRecord {
  requireStage(p, stage);
  const x = requireExecution(p, id);
  const run = x.stages[stage];
  if (!run) throw new StageNotRetryableException(`Execution '${id}' never ran stage ${stage}, so there is nothing to retry.`);
  if (p.stageLatest[stage] !== x.id) {
    throw new NotLatestPipelineExecutionException(
      `The stage has failed in a later run of the pipeline and the pipelineExecutionId associated with the request is out of date.`,
    );
  }
  if (x.pipelineVersion !== currentVersion(p)) {
    throw new StageNotRetryableException(`Stage ${stage} cannot be retried: the pipeline structure changed since execution '${id}' ran.`);
  }
  const records = Object.values(run.actions).map((a) => p.actionExecutions[a]);
  const inProgress = records.some((r) => r.status === "InProgress");
  const notSucceeded = records.some((r) => r.status === "Failed" || r.status === "Abandoned");
  if (!(run.status === "Failed" || run.status === "Stopped") || (mode === "FAILED_ACTIONS" && !notSucceeded && run.status === "Failed")) {
    throw new StageNotRetryableException(`Stage ${stage} of execution '${id}' is ${run.status} and contains no failed actions to retry.`);
  }
  if (mode === "ALL_ACTIONS" && inProgress) {
    throw new StageNotRetryableException(`Stage ${stage} has actions in progress; ALL_ACTIONS retries need a stage with no action in progress.`);
  }
  x.status = "InProgress";
  x.statusSummary = undefined;
  x.stopMode = undefined;
  if (!p.active.includes(x.id)) p.active.push(x.id);
  run.manualRetries++;
  run.latestRetryTrigger = "ManualStageRetry";
  restartStage(e, p, x, stage, mode);
  return x;
}

export function rollbackStage(e: Engine, p: PipelineRecord, stage: string, targetId: string, by: string): ExecutionRecord {
  const declaration = currentDeclaration(p);
  requireStage(p, stage);
  if (declaration.pipelineType !== "V2") throw new UnableToRollbackStageException(`Stage rollback is only supported for pipeline type V2; pipeline '${p.name}' is ${declaration.pipelineType}.`);
  if (declaration.executionMode === "PARALLEL") throw new UnableToRollbackStageException("Stage rollback is not supported for pipelines in PARALLEL execution mode.");
  const target = requireExecution(p, targetId);
  if (target.pipelineVersion !== currentVersion(p)) {
    throw new PipelineExecutionOutdatedException(`Pipeline execution '${targetId}' ran on pipeline version ${target.pipelineVersion}, not the current version ${currentVersion(p)}.`);
  }
  if (target.stages[stage]?.status !== "Succeeded") {
    throw new UnableToRollbackStageException(`Pipeline execution '${targetId}' did not succeed in stage ${stage}, so the stage cannot be rolled back to it.`);
  }
  if (p.active.some((id) => occupies(p.executions[id], stage))) {
    throw new UnableToRollbackStageException(`Stage ${stage} has an execution in progress; wait for it to finish before rolling back.`);
  }
  return startRollback(e, p, target, stage, { triggerType: "ManualRollback", triggerDetail: by });
}

export function putApprovalResult(e: Engine, p: PipelineRecord, stage: string, action: string, result: ApprovalResult, token: string, by: string): number {
  const declaration = requireStage(p, stage).actions!.find((a) => a.name === action);
  if (!declaration) throw new ActionNotFoundException(`Action '${action}' not found in stage '${stage}' of pipeline '${p.name}'`);
  const record = findByToken(p, stage, action, token);
  if (!record) throw new InvalidApprovalTokenException(`The approval token '${token}' is not valid for action '${action}' in stage '${stage}'.`);
  if (record.approval) throw new ApprovalAlreadyCompletedException(`The approval action '${action}' has already been ${record.approval.status.toLowerCase()}.`);
  if (record.status !== "InProgress") throw new InvalidApprovalTokenException("The approval request already received a response or has expired.");
  decide(e, p, p.executions[record.pipelineExecutionId], record, result.status!, by, result.summary ?? "");
  return record.approval!.at;
}

function findByToken(p: PipelineRecord, stage: string, action: string, token: string) {
  for (let i = p.actionExecutionOrder.length - 1; i >= 0; i--) {
    const record = p.actionExecutions[p.actionExecutionOrder[i]];
    if (record.token === token) return record.stageName === stage && record.actionName === action ? record : undefined;
  }
  return undefined;
}

export function setTransition(e: Engine, p: PipelineRecord, stage: string, type: StageTransitionType, enabled: boolean, by: string, reason?: string): void {
  requireStage(p, stage);
  const table = type === "Inbound" ? p.inbound : p.outbound;
  table[stage] = enabled ? { enabled, lastChangedBy: by, lastChangedAt: e.now() } : { enabled, lastChangedBy: by, lastChangedAt: e.now(), disabledReason: reason };
  e.changed();
  if (!enabled) return;
  const stages = currentDeclaration(p).stages!;
  const gated = type === "Inbound" ? stage : stages[stages.findIndex((s) => s.name === stage) + 1]?.name;
  if (gated) wake(e, p, gated);
}

export function overrideStageCondition(e: Engine, p: PipelineRecord, stage: string, id: string, type: ConditionType, by: string): void {
  requireStage(p, stage);
  const x = requireExecution(p, id);
  if (p.stageLatest[stage] !== x.id) {
    throw new NotLatestPipelineExecutionException(`Pipeline execution '${id}' is not the latest execution of stage ${stage}.`);
  }
  const kind = type === "BEFORE_ENTRY" ? "beforeEntry" : "onSuccess";
  if (x.position?.stage !== stage || x.position.phase !== kind || x.stages[stage].conditions[kind]?.status !== "InProgress") {
    throw new ConditionNotOverridableException(`The ${type} condition of stage ${stage} is not in progress for execution '${id}' and cannot be overridden.`);
  }
  overrideCondition(e, p, x, stage, kind, by);
}

import type { PipelineExecutionStatus, StageRetryMode } from "@aws-sdk/client-codepipeline";
import type { ActionExecutionRecord, ExecutionRecord, PipelineRecord, RuleExecutionRecord, StageRunRecord } from "../state/records";
import { currentDeclaration, currentVersion } from "../state/world";
import { recordRevision, startAction } from "./actions";
import { abandonRules, conditionOutcome, type EvaluatedCondition, finishRule, startRules } from "./conditions";
import { runFailure } from "./builds";
import { deployFailure, deploySummary } from "./deploy-targets";
import type { Engine } from "./engine";
import { declarationOf, occupies, stageOf, touch, transitionOpen } from "./execution";
import { behaviourOf, defaultError } from "./providers";
import { createExecution, type StartOptions, startedBefore } from "./start";
import { runOrderOf } from "./structure";

/*
 * How an execution moves: it arrives in front of a stage, enters when the transition is open and
 * (unless PARALLEL) nobody else is inside, runs the stage's actions in runOrder groups, then leaves
 * for the next stage. A stage fails once its running group has finished with a failure.
 */

function canEnter(p: PipelineRecord, x: ExecutionRecord, stage: string): boolean {
  if (!transitionOpen(p, x, stage)) return false;
  const queue = p.waiting[stage] ?? [];
  // Whoever waits already goes first: an arriving execution queues behind them.
  if (queue.length > 0 && queue[0] !== x.id && x.executionMode !== "PARALLEL") return false;
  if (x.executionMode === "PARALLEL") return true;
  return !p.active.some((id) => id !== x.id && occupies(p.executions[id], stage));
}

/** A new execution of the pipeline's current version, arriving in front of its first stage (the same clientRequestToken gives the first one). */
export function startExecution(e: Engine, p: PipelineRecord, options: StartOptions): ExecutionRecord {
  const earlier = startedBefore(p, options);
  if (earlier) return earlier;
  const x = createExecution(e, p, options);
  arrive(e, p, x, options.onlyStage ?? currentDeclaration(p).stages![0].name!);
  return x;
}

export function arrive(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string): void {
  x.position = { stage, phase: "waiting" };
  touch(e, x);
  const queue = (p.waiting[stage] ??= []);
  if (x.executionMode === "SUPERSEDED" && x.executionType === "STANDARD") {
    // An older execution never overtakes a newer one that already got further.
    const entered = p.executions[p.stageLatest[stage]];
    const newerWaiting = queue.some((id) => (p.executions[id]?.ordinal ?? -1) > x.ordinal);
    if ((entered && entered.ordinal > x.ordinal && entered.executionType === "STANDARD") || newerWaiting) {
      finish(e, p, x, "Superseded", "A newer pipeline execution superseded this one.");
      return;
    }
  }
  if (canEnter(p, x, stage)) {
    enter(e, p, x, stage);
    return;
  }
  if (x.executionMode === "SUPERSEDED") {
    for (const id of [...queue]) finish(e, p, p.executions[id], "Superseded", "A newer pipeline execution superseded this one.");
  }
  // Superseding may have dropped the (now empty) queue, so look it up again.
  (p.waiting[stage] ??= []).push(x.id);
}

function enter(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string): void {
  removeFromQueue(p, stage, x.id);
  p.stageLatest[stage] = x.id;
  const previous = x.stages[stage];
  x.stages[stage] = { status: "InProgress", actions: {}, conditions: {}, manualRetries: previous?.manualRetries ?? 0, autoRetries: 0 };
  x.position = { stage, phase: "actions" };
  touch(e, x);
  if (stageOf(p, x, stage).beforeEntry?.conditions?.length) startCondition(e, p, x, stage, "beforeEntry");
  else runNextGroup(e, p, x, stage);
}

function removeFromQueue(p: PipelineRecord, stage: string, id: string): void {
  const queue = p.waiting[stage];
  if (!queue) return;
  const i = queue.indexOf(id);
  if (i >= 0) queue.splice(i, 1);
  if (queue.length === 0) delete p.waiting[stage];
}

/** Lets waiting executions in, in order (all of them in PARALLEL mode). */
export function wake(e: Engine, p: PipelineRecord, stage: string): void {
  for (const id of [...(p.waiting[stage] ?? [])]) {
    const y = p.executions[id];
    if (!y || y.position?.stage !== stage) {
      removeFromQueue(p, stage, id);
      continue;
    }
    if (!canEnter(p, y, stage)) {
      if (y.executionMode === "PARALLEL") continue;
      return;
    }
    enter(e, p, y, stage);
  }
}

/** Starts the lowest runOrder group among actions that have not succeeded yet in this stage run. */
export function runNextGroup(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string): void {
  x.position = { stage, phase: "actions" };
  const run = x.stages[stage];
  const pending = stageOf(p, x, stage).actions!.filter((a) => {
    const id = run.actions[a.name!];
    return !id || p.actionExecutions[id].status !== "Succeeded";
  });
  const startable = pending.filter((a) => p.actionExecutions[run.actions[a.name!]]?.status !== "InProgress");
  if (startable.length === 0) {
    if (pending.length === 0) actionsDone(e, p, x, stage);
    return;
  }
  const order = Math.min(...startable.map(runOrderOf));
  run.runOrder = order;
  for (const action of startable.filter((a) => runOrderOf(a) === order)) startAction(e, p, x, stage, action);
}

/** A simulated run reached its due time: the action ends as planned (approvals decide or time out). */
export function completeAction(e: Engine, p: PipelineRecord, record: ActionExecutionRecord): void {
  if (record.status !== "InProgress") return;
  const x = p.executions[record.pipelineExecutionId];
  if (!x) return;
  const action = stageOf(p, x, record.stageName).actions!.find((a) => a.name === record.actionName)!;
  if (record.token) {
    if (record.autoDecision) {
      const { status, by, summary } = record.autoDecision;
      decide(e, p, x, record, status, `arn:aws:iam::${p.accountId}:user/${by}`, summary ?? "");
    } else {
      record.status = "Failed";
      record.summary = "The approval action timed out";
      record.errorDetails = { code: "TimeoutError", message: "The approval request was not approved or rejected before it timed out." };
      finishAction(e, p, x, record);
    }
    return;
  }
  const behaviour = behaviourOf(p, record.stageName, record.actionName);
  if (record.willFail) {
    record.status = "Failed";
    record.errorDetails =
      record.plannedError ?? behaviour.error ?? deployFailure(record.deployTargets) ?? runFailure(record, action, behaviour) ?? defaultError(action.actionTypeId!.category!);
  } else {
    record.status = "Succeeded";
    record.summary = behaviour.summary ?? deploySummary(record.deployTargets) ?? revisionMessage(record);
    if (record.revision) recordRevision(x, action, record);
  }
  finishAction(e, p, x, record);
}

function revisionMessage(record: ActionExecutionRecord): string | undefined {
  return record.revision ? (record.outputVariables?.CommitMessage ?? record.revision.summary) : undefined;
}

/** PutApprovalResult, or a scenario's automatic decision. */
export function decide(e: Engine, p: PipelineRecord, x: ExecutionRecord, record: ActionExecutionRecord, status: "Approved" | "Rejected", by: string, summary: string): void {
  const now = e.now();
  record.approval = { status, at: now };
  record.status = status === "Approved" ? "Succeeded" : "Failed";
  record.summary = summary;
  record.updatedBy = by;
  if (status === "Rejected") record.errorDetails = { code: "ApprovalRejected", message: `Rejected by ${by}` };
  finishAction(e, p, x, record);
}

export function finishAction(e: Engine, p: PipelineRecord, x: ExecutionRecord, record: ActionExecutionRecord): void {
  record.lastUpdateTime = e.now();
  touch(e, x);
  settleStage(e, p, x, record.stageName);
}

/** Called whenever an action of the stage ends: waits for the group, then fails, stops or moves on. */
export function settleStage(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string): void {
  if (!occupies(x, stage) || x.position!.phase !== "actions") return;
  const records = Object.values(x.stages[stage].actions).map((id) => p.actionExecutions[id]);
  if (records.some((r) => r.status === "InProgress")) return;
  if (x.status === "Stopping") {
    if (x.stopMode !== "abandon") stopNow(e, p, x);
    return;
  }
  const failed = records.find((r) => r.status === "Failed");
  if (failed) {
    const rejected = failed.approval?.status === "Rejected";
    stageFailed(e, p, x, stage, rejected ? `Rejected by ${failed.updatedBy}` : `Action ${failed.actionName} in stage ${stage} failed.`);
    return;
  }
  runNextGroup(e, p, x, stage);
}

function actionsDone(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string): void {
  if (stageOf(p, x, stage).onSuccess?.conditions?.length) startCondition(e, p, x, stage, "onSuccess");
  else stageSucceeded(e, p, x, stage);
}

export function stageSucceeded(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, status: "Succeeded" | "Skipped" = "Succeeded"): void {
  x.stages[stage].status = status;
  const stages = declarationOf(p, x).stages!;
  const next = x.onlyStage ? undefined : stages[stages.findIndex((s) => s.name === stage) + 1]?.name;
  if (!next) {
    finish(e, p, x, "Succeeded");
    return;
  }
  if (x.status === "Stopping") {
    finish(e, p, x, "Stopped", x.stopReason);
    return;
  }
  arrive(e, p, x, next);
  wake(e, p, stage);
}

export function stageFailed(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, summary: string, rollback = false): void {
  const declaration = stageOf(p, x, stage);
  const run = x.stages[stage];
  if (declaration.onFailure?.result === "RETRY" && run.autoRetries < 1 && x.pipelineVersion === currentVersion(p)) {
    run.autoRetries++;
    run.latestRetryTrigger = "AutomatedStageRetry";
    restartStage(e, p, x, stage, declaration.onFailure.retryConfiguration?.retryMode ?? "FAILED_ACTIONS");
    return;
  }
  run.status = "Failed";
  finish(e, p, x, "Failed", summary);
  if ((rollback || declaration.onFailure?.result === "ROLLBACK") && x.executionType === "STANDARD") automatedRollback(e, p, x, stage);
}

/** Re-runs a stage in place: failed (and never-run) actions, or every action for ALL_ACTIONS. */
export function restartStage(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, mode: StageRetryMode): void {
  const run: StageRunRecord = x.stages[stage];
  run.status = "InProgress";
  if (mode === "ALL_ACTIONS") run.actions = {};
  x.position = { stage, phase: "actions" };
  touch(e, x);
  runNextGroup(e, p, x, stage);
}

function automatedRollback(e: Engine, p: PipelineRecord, failed: ExecutionRecord, stage: string): void {
  const target = [...p.executionOrder]
    .reverse()
    .map((id) => p.executions[id])
    .find((y) => y.id !== failed.id && y.pipelineVersion === currentVersion(p) && y.stages[stage]?.status === "Succeeded");
  if (!target) return;
  startRollback(e, p, target, stage, { triggerType: "AutomatedRollback", triggerDetail: failed.id });
}

export function startRollback(e: Engine, p: PipelineRecord, target: ExecutionRecord, stage: string, trigger: ExecutionRecord["trigger"]): ExecutionRecord {
  return startExecution(e, p, {
    trigger,
    executionType: "ROLLBACK",
    rollbackTargetId: target.id,
    onlyStage: stage,
    inherit: target,
  });
}

/** Ends an execution and lets the next one into the stage it was holding. */
export function finish(e: Engine, p: PipelineRecord, x: ExecutionRecord, status: PipelineExecutionStatus, summary?: string): void {
  const at = x.position;
  x.status = status;
  if (summary) x.statusSummary = summary;
  x.position = undefined;
  x.stopMode = undefined;
  p.active = p.active.filter((id) => id !== x.id);
  touch(e, x);
  if (!at) return;
  if (at.phase === "waiting") removeFromQueue(p, at.stage, x.id);
  else wake(e, p, at.stage);
}

/** The end of a stop: the stage and the execution become Stopped. */
export function stopNow(e: Engine, p: PipelineRecord, x: ExecutionRecord): void {
  const at = x.position;
  if (at && at.phase !== "waiting") {
    const run = x.stages[at.stage];
    run.status = "Stopped";
    for (const condition of Object.values(run.conditions)) if (condition.status === "InProgress") condition.status = "Abandoned";
  }
  finish(e, p, x, "Stopped", x.stopReason);
}

/** UpdatePipeline: whatever is still running belongs to an older structure and is Cancelled. */
export function cancelActive(e: Engine, p: PipelineRecord): void {
  for (const id of [...p.active]) {
    const x = p.executions[id];
    const at = x.position;
    if (at && at.phase !== "waiting") {
      const run = x.stages[at.stage];
      run.status = "Cancelled";
      for (const actionId of Object.values(run.actions)) {
        const record = p.actionExecutions[actionId];
        if (record.status === "InProgress") {
          record.status = "Abandoned";
          record.lastUpdateTime = e.now();
        }
      }
      for (const condition of Object.values(run.conditions)) if (condition.status === "InProgress") condition.status = "Cancelled";
    }
    x.status = "Cancelled";
    x.statusSummary = "The pipeline definition was updated before the execution completed.";
    x.position = undefined;
    touch(e, x);
  }
  p.active = [];
  p.waiting = {};
}

// ---- Stage conditions (V2) ------------------------------------------------------------------------

function startCondition(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, kind: EvaluatedCondition): void {
  const rules = startRules(e, p, x, stage, kind);
  x.stages[stage].conditions[kind] = { status: "InProgress", lastStatusChange: e.now(), rules };
  x.position = { stage, phase: kind };
  touch(e, x);
  if (rules.flat().length === 0) settleCondition(e, p, x, stage, kind);
}

/** A rule's due time: it ends as planned, and its condition settles once every rule has. */
export function completeRule(e: Engine, p: PipelineRecord, record: RuleExecutionRecord): void {
  if (record.status !== "InProgress") return;
  finishRule(e, record);
  const x = p.executions[record.pipelineExecutionId];
  const kind = x?.position?.stage === record.stageName ? x.position.phase : undefined;
  if (!x || (kind !== "beforeEntry" && kind !== "onSuccess")) return;
  if (!x.stages[record.stageName].conditions[kind]!.rules.flat().includes(record.id)) return;
  touch(e, x);
  settleCondition(e, p, x, record.stageName, kind);
}

function settleCondition(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, kind: EvaluatedCondition): void {
  const condition = x.stages[stage].conditions[kind]!;
  const outcome = conditionOutcome(p, condition);
  if (!outcome) return;
  condition.status = outcome;
  condition.summary = outcome === "Failed" ? `A ${kind} condition rule failed` : `All ${kind} condition rules succeeded`;
  condition.lastStatusChange = e.now();
  conditionDone(e, p, x, stage, kind);
}

/** OverrideStageCondition: the running condition counts as passed. */
export function overrideCondition(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, kind: EvaluatedCondition, by: string): void {
  const condition = x.stages[stage].conditions[kind]!;
  abandonRules(e, p, condition, by);
  condition.status = "Overridden";
  condition.summary = `Overridden by ${by}`;
  condition.lastStatusChange = e.now();
  touch(e, x);
  conditionDone(e, p, x, stage, kind);
}

function conditionDone(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, kind: EvaluatedCondition): void {
  if (x.status === "Stopping") {
    stopNow(e, p, x);
    return;
  }
  const condition = x.stages[stage].conditions[kind]!;
  const declared = stageOf(p, x, stage)[kind]!.conditions!;
  if (condition.status === "Succeeded" || condition.status === "Overridden") {
    if (kind === "beforeEntry") runNextGroup(e, p, x, stage);
    else stageSucceeded(e, p, x, stage);
    return;
  }
  const result = declared.find((c) => c.result)?.result ?? "FAIL";
  if (kind === "beforeEntry" && result === "SKIP") {
    stageSucceeded(e, p, x, stage, "Skipped");
    return;
  }
  stageFailed(e, p, x, stage, `The ${kind} condition of stage ${stage} failed.`, result === "ROLLBACK");
}

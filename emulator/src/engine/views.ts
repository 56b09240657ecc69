import type {
  ActionExecution,
  ActionExecutionDetail,
  ActionState,
  GetPipelineStateOutput,
  PipelineExecution,
  PipelineExecutionSummary,
  PipelineSummary,
  RuleExecutionDetail,
  RuleTypeId,
  StageConditionState,
  StageExecution,
  StageState,
} from "@aws-sdk/client-codepipeline";
import type { ActionExecutionRecord, ConditionKind, CustomActionTypeRecord, ExecutionRecord, PipelineRecord, TransitionRecord } from "../state/records";
import { artifactBucket, currentDeclaration } from "../state/world";
import { fillTemplate, findAwsActionType } from "./action-types";
import { logStreamArn } from "./builds";
import { behaviourOf } from "./providers";

/** Output shapes built from records at read time (percentComplete depends on the clock). */

const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

export function pipelineSummary(p: PipelineRecord): PipelineSummary {
  const d = currentDeclaration(p);
  return { name: p.name, version: d.version, pipelineType: d.pipelineType, executionMode: d.executionMode, created: date(p.created), updated: date(p.updated) };
}

export function pipelineState(p: PipelineRecord, now: number, customTypes: CustomActionTypeRecord[] = []): GetPipelineStateOutput {
  const declaration = currentDeclaration(p);
  const parallel = declaration.executionMode === "PARALLEL";
  const stageStates = declaration.stages!.map((stage): StageState => {
    const name = stage.name!;
    const latest = p.executions[p.stageLatest[name]];
    const run = latest?.stages[name];
    const waiting = (p.waiting[name] ?? []).map((id) => p.executions[id]).filter(Boolean);
    const inbound = waiting.map((x): StageExecution => ({ pipelineExecutionId: x.id, status: x.status === "Stopping" ? "Stopping" : "InProgress", type: x.executionType }));
    const state: StageState = {
      stageName: name,
      inboundTransitionState: transition(p.inbound[name]),
      actionStates: stage.actions!.map((action) => actionState(p, name, action.name!, now, parallel, customTypes)),
    };
    if (inbound.length) {
      state.inboundExecution = inbound[0];
      if (declaration.pipelineType === "V2") state.inboundExecutions = inbound;
    }
    if (latest && run) {
      state.latestExecution = { pipelineExecutionId: latest.id, status: run.status, type: latest.executionType };
      for (const kind of ["beforeEntry", "onSuccess"] as const) {
        const condition = conditionState(p, latest, name, kind);
        if (condition) state[`${kind}ConditionState`] = condition;
      }
      if (run.manualRetries || run.autoRetries) {
        state.retryStageMetadata = { autoStageRetryAttempt: run.autoRetries, manualStageRetryAttempt: run.manualRetries, latestRetryTrigger: run.latestRetryTrigger };
      }
    }
    return state;
  });
  return { pipelineName: p.name, pipelineVersion: declaration.version, stageStates, created: date(p.created), updated: date(p.updated) };
}

function transition(t: TransitionRecord | undefined) {
  if (!t) return { enabled: true };
  return { enabled: t.enabled, lastChangedBy: t.lastChangedBy, lastChangedAt: date(t.lastChangedAt), ...(t.disabledReason && { disabledReason: t.disabledReason }) };
}

function actionState(p: PipelineRecord, stage: string, action: string, now: number, parallel: boolean, customTypes: CustomActionTypeRecord[]): ActionState {
  const declaration = currentDeclaration(p).stages!.find((s) => s.name === stage)!.actions!.find((a) => a.name === action)!;
  const type = declaration.actionTypeId!;
  const config = declaration.configuration ?? {};
  const typeTemplate =
    type.owner === "Custom"
      ? customTypes.find((t) => t.category === type.category && t.provider === type.provider && t.version === type.version)?.settings?.entityUrlTemplate
      : type.owner === "AWS"
        ? findAwsActionType(type.category!, type.provider!)?.entityUrlTemplate
        : undefined;
  const entityTemplate = behaviourOf(p, stage, action).entityUrl ?? typeTemplate;
  const state: ActionState = { actionName: action, ...(entityTemplate && { entityUrl: fillTemplate(entityTemplate, config) }) };
  const record = p.actionExecutions[p.actionLatest[`${stage}.${action}`]];
  if (!record) return state;
  state.latestExecution = actionExecution(record, now, parallel);
  const revised = record.revision ? record : latestRevision(p, stage, action);
  if (revised?.revision) {
    state.currentRevision = { revisionId: revised.revision.revisionId, revisionChangeId: revised.revision.revisionChangeId, created: date(revised.revision.created) };
    if (revised.revision.url) state.revisionUrl = revised.revision.url;
  }
  return state;
}

function latestRevision(p: PipelineRecord, stage: string, action: string): ActionExecutionRecord | undefined {
  for (let i = p.actionExecutionOrder.length - 1; i >= 0; i--) {
    const r = p.actionExecutions[p.actionExecutionOrder[i]];
    if (r.stageName === stage && r.actionName === action && r.revision && r.status === "Succeeded") return r;
  }
  return undefined;
}

export function percentComplete(record: ActionExecutionRecord, now: number): number | undefined {
  if (record.status === "Succeeded") return record.token ? undefined : 100;
  if (record.status === "InProgress" && record.reportedPercent !== undefined) return record.reportedPercent;
  if (record.status !== "InProgress" || record.token || record.dueTime === undefined) return undefined;
  const span = record.dueTime - record.startTime;
  return Math.max(0, Math.min(99, Math.floor(((now - record.startTime) / span) * 100)));
}

function actionExecution(record: ActionExecutionRecord, now: number, parallel: boolean): ActionExecution {
  const percent = percentComplete(record, now);
  return {
    actionExecutionId: record.id,
    status: record.status,
    lastStatusChange: date(record.lastUpdateTime),
    ...(record.summary !== undefined && { summary: record.summary }),
    // PARALLEL pipelines do not show approval tokens here; ListActionExecutions has them.
    ...(record.token && !parallel && record.status === "InProgress" && { token: record.token }),
    ...(record.updatedBy && { lastUpdatedBy: record.updatedBy }),
    ...(record.externalExecutionId && { externalExecutionId: record.externalExecutionId }),
    ...(record.externalExecutionUrl && { externalExecutionUrl: record.externalExecutionUrl }),
    ...(percent !== undefined && { percentComplete: percent }),
    ...(record.errorDetails && record.status === "Failed" && { errorDetails: record.errorDetails }),
    ...commandsLog(record),
  };
}

/** Commands actions name their log stream (the console's inline logs read it); builds name theirs in CodeBuild. */
const commandsLog = (record: ActionExecutionRecord) => (record.logStream && !record.build ? { logStreamARN: logStreamArn(record.logStream) } : {});

function conditionState(p: PipelineRecord, x: ExecutionRecord, stage: string, kind: ConditionKind): StageConditionState | undefined {
  const run = x.stages[stage].conditions[kind];
  if (!run) return undefined;
  const declared = p.versions[x.pipelineVersion - 1].stages!.find((s) => s.name === stage)![kind]?.conditions ?? [];
  return {
    latestExecution: { status: run.status, summary: run.summary },
    conditionStates: run.rules.map((ids, i) => ({
      latestExecution: { status: i < declared.length ? run.status : undefined, summary: run.summary, lastStatusChange: date(run.lastStatusChange) },
      ruleStates: ids.map((id) => {
        const r = p.ruleExecutions[id];
        return {
          ruleName: r.ruleName,
          latestExecution: {
            ruleExecutionId: r.id,
            status: r.status,
            summary: r.summary,
            lastStatusChange: date(r.lastUpdateTime),
            ...(r.updatedBy && { lastUpdatedBy: r.updatedBy }),
            ...(r.errorDetails && { errorDetails: r.errorDetails }),
          },
        };
      }),
    })),
  };
}

export function pipelineExecution(p: PipelineRecord, x: ExecutionRecord): PipelineExecution {
  return {
    pipelineName: p.name,
    pipelineVersion: x.pipelineVersion,
    pipelineExecutionId: x.id,
    status: x.status,
    ...(x.statusSummary && { statusSummary: x.statusSummary }),
    artifactRevisions: x.artifactRevisions.map((a) => ({ ...a, created: a.created ? new Date(a.created) : undefined })),
    variables: x.variables.map((v) => ({ name: v.name, resolvedValue: v.value })),
    trigger: x.trigger,
    executionMode: x.executionMode,
    executionType: x.executionType,
    ...(x.rollbackTargetId && { rollbackMetadata: { rollbackTargetPipelineExecutionId: x.rollbackTargetId } }),
  };
}

export function executionSummary(x: ExecutionRecord): PipelineExecutionSummary {
  return {
    pipelineExecutionId: x.id,
    status: x.status,
    ...(x.statusSummary && { statusSummary: x.statusSummary }),
    startTime: date(x.startTime),
    lastUpdateTime: date(x.lastUpdateTime),
    sourceRevisions: x.sourceRevisions.map((s) => ({ ...s })),
    trigger: x.trigger,
    ...(x.stopReason !== undefined && { stopTrigger: { reason: x.stopReason } }),
    executionMode: x.executionMode,
    executionType: x.executionType,
    ...(x.rollbackTargetId && { rollbackMetadata: { rollbackTargetPipelineExecutionId: x.rollbackTargetId } }),
  };
}

export function actionExecutionDetail(p: PipelineRecord, record: ActionExecutionRecord): ActionExecutionDetail {
  const action = p.versions[record.pipelineVersion - 1].stages!.find((s) => s.name === record.stageName)!.actions!.find((a) => a.name === record.actionName)!;
  const bucket = artifactBucket(p);
  const location = (key: string) => ({ bucket, key });
  return {
    pipelineExecutionId: record.pipelineExecutionId,
    actionExecutionId: record.id,
    pipelineVersion: record.pipelineVersion,
    stageName: record.stageName,
    actionName: record.actionName,
    startTime: date(record.startTime),
    lastUpdateTime: date(record.lastUpdateTime),
    ...(record.updatedBy && { updatedBy: record.updatedBy }),
    status: record.status,
    input: {
      actionTypeId: action.actionTypeId,
      configuration: action.configuration ?? {},
      resolvedConfiguration: record.resolvedConfiguration,
      ...(action.roleArn && { roleArn: action.roleArn }),
      region: action.region ?? p.region,
      inputArtifacts: Object.entries(record.inputArtifactKeys).map(([name, key]) => ({ name, s3location: location(key) })),
      ...(action.namespace && { namespace: action.namespace }),
    },
    output: {
      outputArtifacts: Object.entries(record.outputArtifactKeys).map(([name, key]) => ({ name, s3location: location(key) })),
      executionResult: {
        ...(record.externalExecutionId && { externalExecutionId: record.externalExecutionId }),
        ...(record.summary !== undefined && { externalExecutionSummary: record.summary }),
        ...(record.externalExecutionUrl && { externalExecutionUrl: record.externalExecutionUrl }),
        ...(record.errorDetails && record.status === "Failed" && { errorDetails: record.errorDetails }),
        ...commandsLog(record),
      },
      outputVariables: record.status === "Succeeded" ? (record.outputVariables ?? {}) : {},
    },
  };
}

export function ruleExecutionDetail(p: PipelineRecord, id: string): RuleExecutionDetail {
  const r = p.ruleExecutions[id];
  return {
    pipelineExecutionId: r.pipelineExecutionId,
    ruleExecutionId: r.id,
    pipelineVersion: r.pipelineVersion,
    stageName: r.stageName,
    ruleName: r.ruleName,
    startTime: date(r.startTime),
    lastUpdateTime: date(r.lastUpdateTime),
    ...(r.updatedBy && { updatedBy: r.updatedBy }),
    status: r.status,
    input: { ruleTypeId: r.ruleTypeId as RuleTypeId, configuration: r.configuration, resolvedConfiguration: r.resolvedConfiguration ?? r.configuration, region: p.region },
    output: { executionResult: { ...(r.summary && { externalExecutionSummary: r.summary }), ...(r.errorDetails && { errorDetails: r.errorDetails }) } },
  };
}

import type {
  ActionExecutionDetail,
  ActionExecutionStatus,
  ConditionExecutionStatus,
  ErrorDetails,
  ExecutionType,
  GetPipelineStateOutput,
  PipelineDeclaration,
  RetryStageMetadata,
  RuleExecutionStatus,
  StageConditionState,
  StageExecution,
  StageExecutionStatus,
} from "@aws-sdk/client-codepipeline";
import { actionNodeId, stageNodeId, type ConditionKind } from "./layout";

/**
 * Live status per graph node, kept apart from the layout: the view merges these into node `data`
 * by node id, so a poll that changes statuses never re-runs the layout.
 *
 * Two sources produce the same shape:
 * - `statusFromState`: GetPipelineState (the pipeline's latest per-stage view);
 * - `statusFromActionExecutions`: ListActionExecutions of one execution (PARALLEL mode, where the
 *   per-pipeline state cannot show every running execution, and the execution detail page).
 */

export interface RuleView {
  name: string;
  status?: RuleExecutionStatus;
  summary?: string;
  lastStatusChange?: Date;
  externalExecutionUrl?: string;
}

export interface ConditionView {
  kind: ConditionKind;
  status?: ConditionExecutionStatus;
  summary?: string;
  rules: RuleView[];
}

export interface TransitionView {
  enabled: boolean;
  disabledReason?: string;
  lastChangedBy?: string;
  lastChangedAt?: Date;
  /** Executions waiting at this (inbound) transition or in front of the locked stage. */
  waiting: StageExecution[];
}

export interface StageView {
  status?: StageExecutionStatus;
  executionId?: string;
  executionType?: ExecutionType;
  inbound?: TransitionView;
  conditions: ConditionView[];
  retry?: RetryStageMetadata;
}

export interface ActionView {
  status?: ActionExecutionStatus;
  actionExecutionId?: string;
  /** The execution this run belongs to; GetPipelineState tells only for a running action (the stage's current execution). */
  executionId?: string;
  summary?: string;
  lastStatusChange?: Date;
  /** When the current run started, if the source knows it (ListActionExecutions does). */
  startedAt?: Date;
  percentComplete?: number;
  errorDetails?: ErrorDetails;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  entityUrl?: string;
  revisionUrl?: string;
  lastUpdatedBy?: string;
  /** Approval token (GetPipelineState only). */
  token?: string;
  revision?: { revisionId?: string; revisionChangeId?: string; created?: Date };
}

export interface StatusView {
  /** Keyed by layout node id (`stageNodeId` / `actionNodeId`). */
  stages: Map<string, StageView>;
  actions: Map<string, ActionView>;
}

const CONDITION_KEYS: [ConditionKind, "beforeEntryConditionState" | "onSuccessConditionState" | "onFailureConditionState"][] = [
  ["beforeEntry", "beforeEntryConditionState"],
  ["onSuccess", "onSuccessConditionState"],
  ["onFailure", "onFailureConditionState"],
];

function conditionView(kind: ConditionKind, state: StageConditionState | undefined): ConditionView | undefined {
  if (!state) return undefined;
  return {
    kind,
    status: state.latestExecution?.status,
    summary: state.latestExecution?.summary,
    rules: (state.conditionStates ?? []).flatMap((c) =>
      (c.ruleStates ?? []).map((r) => ({
        name: r.ruleName ?? "rule",
        status: r.latestExecution?.status,
        summary: r.latestExecution?.summary,
        lastStatusChange: r.latestExecution?.lastStatusChange,
        externalExecutionUrl: r.latestExecution?.externalExecutionUrl,
      })),
    ),
  };
}

export function statusFromState(state: GetPipelineStateOutput | undefined): StatusView {
  const stages = new Map<string, StageView>();
  const actions = new Map<string, ActionView>();
  for (const stage of state?.stageStates ?? []) {
    if (!stage.stageName) continue;
    const t = stage.inboundTransitionState;
    const waiting = [...(stage.inboundExecutions ?? [])];
    if (stage.inboundExecution && !waiting.some((w) => w.pipelineExecutionId === stage.inboundExecution?.pipelineExecutionId)) {
      waiting.unshift(stage.inboundExecution);
    }
    stages.set(stageNodeId(stage.stageName), {
      status: stage.latestExecution?.status,
      executionId: stage.latestExecution?.pipelineExecutionId,
      executionType: stage.latestExecution?.type,
      inbound: {
        enabled: t?.enabled !== false,
        disabledReason: t?.disabledReason,
        lastChangedBy: t?.lastChangedBy,
        lastChangedAt: t?.lastChangedAt,
        waiting,
      },
      conditions: CONDITION_KEYS.map(([kind, key]) => conditionView(kind, stage[key])).filter((c): c is ConditionView => !!c),
      retry: stage.retryStageMetadata,
    });
    for (const a of stage.actionStates ?? []) {
      if (!a.actionName) continue;
      const e = a.latestExecution;
      actions.set(actionNodeId(stage.stageName, a.actionName), {
        status: e?.status,
        actionExecutionId: e?.actionExecutionId,
        executionId: e?.status === "InProgress" ? stage.latestExecution?.pipelineExecutionId : undefined,
        summary: e?.summary,
        lastStatusChange: e?.lastStatusChange,
        startedAt: e?.status === "InProgress" ? e.lastStatusChange : undefined,
        percentComplete: e?.percentComplete,
        errorDetails: e?.errorDetails,
        externalExecutionId: e?.externalExecutionId,
        externalExecutionUrl: e?.externalExecutionUrl,
        entityUrl: a.entityUrl,
        revisionUrl: a.revisionUrl,
        lastUpdatedBy: e?.lastUpdatedBy,
        token: e?.token,
        revision: a.currentRevision
          ? { revisionId: a.currentRevision.revisionId, revisionChangeId: a.currentRevision.revisionChangeId, created: a.currentRevision.created }
          : undefined,
      });
    }
  }
  return { stages, actions };
}

/** Stage status of one execution from its action runs (the API has no per-execution stage status). */
function deriveStageStatus(runs: ActionExecutionDetail[], declaredActions: number, executionRunning: boolean): StageExecutionStatus | undefined {
  if (runs.length === 0) return undefined;
  const has = (s: ActionExecutionStatus) => runs.some((r) => r.status === s);
  if (has("InProgress")) return "InProgress";
  if (has("Failed")) return "Failed";
  if (has("Abandoned")) return "Stopped";
  if (runs.length < declaredActions) return executionRunning ? "InProgress" : "Stopped";
  return "Succeeded";
}

/**
 * Status of one execution from its ListActionExecutions details. The latest run of each action wins
 * (retries produce several). `executionRunning` says whether the execution is still in progress, so
 * a stage with some actions not yet started reads as running rather than stopped.
 */
export function statusFromActionExecutions(
  declaration: PipelineDeclaration | undefined,
  executionId: string,
  details: readonly ActionExecutionDetail[],
  executionRunning: boolean,
): StatusView {
  const latest = new Map<string, ActionExecutionDetail>();
  for (const d of details) {
    if (d.pipelineExecutionId !== executionId || !d.stageName || !d.actionName) continue;
    const id = actionNodeId(d.stageName, d.actionName);
    const prev = latest.get(id);
    if (!prev || (d.startTime?.getTime() ?? 0) >= (prev.startTime?.getTime() ?? 0)) latest.set(id, d);
  }
  const stages = new Map<string, StageView>();
  const actions = new Map<string, ActionView>();
  for (const [id, d] of latest) {
    const r = d.output?.executionResult;
    actions.set(id, {
      status: d.status,
      actionExecutionId: d.actionExecutionId,
      executionId: d.pipelineExecutionId,
      summary: r?.externalExecutionSummary,
      lastStatusChange: d.lastUpdateTime,
      startedAt: d.startTime,
      errorDetails: r?.errorDetails,
      externalExecutionId: r?.externalExecutionId,
      externalExecutionUrl: r?.externalExecutionUrl,
      lastUpdatedBy: d.updatedBy,
    });
  }
  for (const stage of declaration?.stages ?? []) {
    if (!stage.name) continue;
    const runs = (stage.actions ?? [])
      .map((a) => (a.name ? latest.get(actionNodeId(stage.name!, a.name)) : undefined))
      .filter((d): d is ActionExecutionDetail => !!d);
    const status = deriveStageStatus(runs, stage.actions?.length ?? 0, executionRunning);
    stages.set(stageNodeId(stage.name), { status, executionId: status ? executionId : undefined, conditions: [] });
  }
  return { stages, actions };
}

/**
 * PARALLEL mode: the viewed execution's own statuses (from its action runs) with what is pipeline-wide taken
 * from GetPipelineState: transitions, conditions, resource links and source revisions. Actions the execution has
 * not run keep their resource link.
 */
export function withPipelineWide(fromRuns: StatusView, fromState: StatusView): StatusView {
  const stages = new Map<string, StageView>();
  for (const [stageId, stage] of fromRuns.stages) {
    const wide = fromState.stages.get(stageId);
    stages.set(stageId, { ...stage, inbound: wide?.inbound, conditions: wide?.conditions ?? [] });
  }
  const actions = new Map<string, ActionView>();
  for (const [actionId, action] of fromRuns.actions) {
    const wide = fromState.actions.get(actionId);
    actions.set(actionId, { ...action, entityUrl: wide?.entityUrl, revisionUrl: wide?.revisionUrl, revision: wide?.revision });
  }
  for (const [actionId, action] of fromState.actions) if (!actions.has(actionId)) actions.set(actionId, { entityUrl: action.entityUrl });
  return { stages, actions };
}

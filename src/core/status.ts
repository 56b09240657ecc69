import type {
  ActionState,
  GetPipelineStateOutput,
  PipelineExecutionSummary,
  StageState,
} from "@aws-sdk/client-codepipeline";
import { summarizeRevision, type RevisionInfo } from "./revision";
import { runDurationMs } from "./format";

/** One word for how a pipeline is doing, ordered by how much it needs a person (see attention.ts). */
export type PipelineHealth =
  | "failed"
  | "waiting-for-approval"
  | "in-progress"
  | "stopped"
  | "superseded"
  | "cancelled"
  | "succeeded"
  | "unknown";

export const PIPELINE_HEALTHS: readonly PipelineHealth[] = [
  "failed",
  "waiting-for-approval",
  "in-progress",
  "stopped",
  "superseded",
  "cancelled",
  "succeeded",
  "unknown",
];

export const HEALTH_LABELS: Record<PipelineHealth, string> = {
  failed: "Failed",
  "waiting-for-approval": "Waiting for approval",
  "in-progress": "In progress",
  stopped: "Stopped",
  superseded: "Superseded",
  cancelled: "Cancelled",
  succeeded: "Succeeded",
  unknown: "No executions",
};

const RUN_HEALTH: Record<string, PipelineHealth> = {
  Succeeded: "succeeded",
  Failed: "failed",
  InProgress: "in-progress",
  Stopping: "in-progress",
  Stopped: "stopped",
  Superseded: "superseded",
  Cancelled: "cancelled",
};

/** One execution's status in the words (and icons) of a pipeline's health. */
export const runHealth = (status: string | undefined): PipelineHealth => RUN_HEALTH[status ?? ""] ?? "unknown";

export interface ApprovalMarker {
  stageName: string;
  actionName: string;
}

export interface DisabledTransitionMarker {
  stageName: string;
  reason?: string;
  by?: string;
}

export interface PipelineStatusSummary {
  health: PipelineHealth;
  /** Stopping is still running actions, but nobody should wait for it to finish. */
  stopping: boolean;
  executionId?: string;
  /** The stage the latest execution is in, waits in front of, or failed at. */
  stageName?: string;
  /** The execution waits for a disabled inbound transition of `stageName`. */
  heldBeforeStage: boolean;
  failedActionName?: string;
  errorSummary?: string;
  approvals: ApprovalMarker[];
  disabledTransitions: DisabledTransitionMarker[];
  revision?: RevisionInfo;
  startedAt?: Date;
  lastChangedAt?: Date;
}

/** Statuses of an execution or stage that still runs: a stopping one still runs its actions. */
const RUNNING: ReadonlySet<string> = new Set(["InProgress", "Stopping"]);

/** The execution or stage still runs (InProgress or Stopping). */
export function isRunning(status: string | undefined): boolean {
  return RUNNING.has(status ?? "");
}

/**
 * Rolls GetPipelineState and the newest ListPipelineExecutions summary into one status. Either may be missing
 * (not loaded yet, or a pipeline that never ran); the result is then as precise as the data allows.
 */
export function rollUpStatus(
  state: GetPipelineStateOutput | undefined,
  latest: PipelineExecutionSummary | undefined,
): PipelineStatusSummary {
  const stages = state?.stageStates ?? [];
  const executionId = latest?.pipelineExecutionId;
  const approvals = pendingApprovals(stages);
  const disabledTransitions = stages
    .filter((stage) => stage.inboundTransitionState?.enabled === false)
    .map((stage) => ({
      stageName: stage.stageName ?? "",
      reason: stage.inboundTransitionState?.disabledReason,
      by: stage.inboundTransitionState?.lastChangedBy,
    }));

  const health = healthOf(latest?.status, stages, approvals);
  const summary: PipelineStatusSummary = {
    health,
    stopping: latest?.status === "Stopping",
    executionId,
    heldBeforeStage: false,
    approvals,
    disabledTransitions,
    revision: summarizeRevision(latest?.sourceRevisions?.[0]),
    startedAt: latest?.startTime,
    lastChangedAt: latest?.lastUpdateTime ?? latest?.startTime ?? state?.updated,
  };

  if (health === "failed") {
    const stage = stageOfExecution(stages, executionId, ["Failed"]) ?? stages.find((s) => s.latestExecution?.status === "Failed");
    const action = stage?.actionStates?.find((a) => a.latestExecution?.status === "Failed");
    summary.stageName = stage?.stageName;
    summary.failedActionName = action?.actionName;
    summary.errorSummary = errorOf(action) ?? latest?.statusSummary;
  } else if (health === "waiting-for-approval") {
    summary.stageName = approvals[0].stageName;
  } else if (health === "in-progress") {
    const running = stageOfExecution(stages, executionId, ["InProgress", "Stopping"]);
    const held = executionId
      ? stages.find((s) =>
          [s.inboundExecution, ...(s.inboundExecutions ?? [])].some((e) => e?.pipelineExecutionId === executionId),
        )
      : undefined;
    const blocked = running || held ? undefined : blockedByDisabledTransition(stages, executionId);
    const stage = running ?? held ?? blocked ?? stages.find((s) => isRunning(s.latestExecution?.status));
    summary.stageName = stage?.stageName;
    summary.heldBeforeStage = !running && stage !== undefined && (stage === held || stage === blocked);
  } else if (health === "stopped" || health === "cancelled") {
    summary.stageName = stageOfExecution(stages, executionId, ["Stopped", "Cancelled"])?.stageName;
    summary.errorSummary = latest?.stopTrigger?.reason ?? latest?.statusSummary;
  }
  return summary;
}

/** True while something is moving, so the caller polls fast. */
export function isStateActive(state: GetPipelineStateOutput | undefined): boolean {
  return (state?.stageStates ?? []).some(
    (stage) =>
      isRunning(stage.latestExecution?.status) ||
      (stage.actionStates ?? []).some((action) => action.latestExecution?.status === "InProgress"),
  );
}

function healthOf(
  status: string | undefined,
  stages: StageState[],
  approvals: ApprovalMarker[],
): PipelineHealth {
  if (status === "Failed") return "failed";
  // An approval can be pending on an older execution (QUEUED/PARALLEL modes) whatever the newest one does.
  if (approvals.length > 0) return "waiting-for-approval";
  const health = runHealth(status);
  return health === "unknown" && stages.some((s) => isRunning(s.latestExecution?.status)) ? "in-progress" : health;
}

/** Approval actions are the only ones that carry a token while they run. */
function pendingApprovals(stages: StageState[]): ApprovalMarker[] {
  return stages.flatMap((stage) =>
    (stage.actionStates ?? [])
      .filter((action) => action.latestExecution?.status === "InProgress" && action.latestExecution.token)
      .map((action) => ({ stageName: stage.stageName ?? "", actionName: action.actionName ?? "" })),
  );
}

function stageOfExecution(stages: StageState[], executionId: string | undefined, statuses: string[]) {
  if (!executionId) return undefined;
  return stages.find(
    (stage) =>
      stage.latestExecution?.pipelineExecutionId === executionId && statuses.includes(stage.latestExecution.status ?? ""),
  );
}

/**
 * An execution that finished a stage whose next transition is disabled waits there, even when the service
 * leaves `inboundExecution` out.
 */
function blockedByDisabledTransition(stages: StageState[], executionId: string | undefined) {
  if (!executionId) return undefined;
  let last = -1;
  stages.forEach((stage, i) => {
    if (stage.latestExecution?.pipelineExecutionId === executionId) last = i;
  });
  const next = stages[last + 1];
  const finished = last >= 0 && stages[last].latestExecution?.status === "Succeeded";
  return finished && next?.inboundTransitionState?.enabled === false ? next : undefined;
}

function errorOf(action: ActionState | undefined): string | undefined {
  const execution = action?.latestExecution;
  return execution?.errorDetails?.message ?? execution?.summary ?? execution?.errorDetails?.code;
}

/** Running executions count up to now; finished ones end at their last update. */
export function executionDurationMs(summary: PipelineStatusSummary, now: Date): number | undefined {
  if (!summary.startedAt) return undefined;
  const running = summary.health === "in-progress" || summary.health === "waiting-for-approval";
  return runDurationMs(summary.startedAt, running ? undefined : summary.lastChangedAt, now);
}

/**
 * What in GetPipelineState says "the executions may have changed": every stage's latest execution and status,
 * and what waits at each inbound transition. Progress (`percentComplete`, action summaries) changes on every
 * poll of a running pipeline and does not count. Execution reads are repeated only when this changes
 * (followStateChanges), so an idle pipeline costs one GetPipelineState per round and nothing more.
 */
export function stateFingerprint(state: GetPipelineStateOutput | undefined): string {
  if (!state) return "";
  return (state.stageStates ?? [])
    .map((s) => `${s.latestExecution?.pipelineExecutionId ?? ""}:${s.latestExecution?.status ?? ""}${inboundPart(s)}`)
    .join("|");
}

/**
 * The coarser part of `stateFingerprint` the lists of executions (ListPipelineExecutions: the overview's row and
 * strip, the pipeline page's newest runs, the history, the wall's) depend on: which executions the pipeline
 * holds, what waits at its transitions, and whether a run started or ended. A run's move from one stage to the
 * next changes none of their summaries (only `lastUpdateTime`, shown for finished runs only), so which stage holds
 * which execution does not count, nor a middle stage going from in progress to succeeded; the first stage's
 * status does (the source revisions are known from its end on), the last's (the run is over), and any other
 * status anywhere (failed, stopping, stopped; a retried stage back in progress).
 */
export function executionsFingerprint(state: GetPipelineStateOutput | undefined): string {
  if (!state) return "";
  const stages = state.stageStates ?? [];
  const executions = [...new Set(stages.map((s) => s.latestExecution?.pipelineExecutionId ?? ""))].sort();
  const statuses = stages.map((s, index) => {
    const status = s.latestExecution?.status ?? "";
    const counts = index === 0 || index === stages.length - 1 || (status !== "InProgress" && status !== "Succeeded");
    return `${counts ? status : ""}${inboundPart(s)}`;
  });
  return `${executions.join(",")}|${statuses.join("|")}`;
}

function inboundPart(s: StageState): string {
  const inbound = [s.inboundExecution, ...(s.inboundExecutions ?? [])]
    .map((i) => (i ? `${i.pipelineExecutionId}:${i.status}` : ""))
    .filter(Boolean)
    .join("+");
  return inbound ? `<${inbound}` : "";
}

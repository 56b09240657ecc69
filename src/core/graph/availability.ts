import type { ExecutionMode, PipelineDeclaration, PipelineExecutionSummary, PipelineType } from "@aws-sdk/client-codepipeline";
import { isRunning } from "../status";
import { actionNodeId, stageNodeId } from "./layout";
import type { ActionView, StageView, StatusView } from "./status-view";

/** `null` = the API would accept it; a string = why it would not. */
export type Availability = string | null;

export interface RetryAvailability {
  /** Show a Retry control at all (the stage failed or was stopped in its latest execution). */
  offered: boolean;
  failedActions: Availability;
  allActions: Availability;
}

/**
 * Mirrors RetryStageExecution's rules: only the stage's latest execution, only when it failed or
 * was stopped; FAILED_ACTIONS needs a failed (or abandoned) action; ALL_ACTIONS needs no action in
 * progress. The API stays the judge (structure changes, a later failed run): its error is shown.
 */
export function retryAvailability(stage: StageView | undefined, actions: readonly (ActionView | undefined)[]): RetryAvailability {
  const status = stage?.status;
  if (!stage?.executionId || (status !== "Failed" && status !== "Stopped")) {
    const reason = status === "InProgress" ? "The stage is still running." : "Only a failed or stopped stage can be retried.";
    return { offered: false, failedActions: reason, allActions: reason };
  }
  const failed = actions.some((a) => a?.status === "Failed" || a?.status === "Abandoned");
  const running = actions.some((a) => a?.status === "InProgress");
  return {
    offered: true,
    failedActions: failed ? null : "The stage has no failed actions.",
    allActions: running ? "Some actions are still in progress; retrying all actions needs none running." : null,
  };
}

export function rollbackAvailability(options: {
  pipelineType?: PipelineType;
  executionMode?: ExecutionMode;
  isSourceStage: boolean;
  stage?: StageView;
}): Availability {
  if (options.pipelineType !== "V2") return "Stage rollback needs a V2 pipeline.";
  if (options.executionMode === "PARALLEL") return "Stage rollback is not available in PARALLEL execution mode.";
  if (options.isSourceStage) return "A source stage cannot be rolled back.";
  if (isRunning(options.stage?.status)) return "The stage is running; wait for it to finish.";
  return null;
}

/** Stage names whose declaration holds a Source action: they cannot be rolled back. */
export function sourceStageNames(declaration: PipelineDeclaration | undefined): Set<string> {
  return new Set(
    (declaration?.stages ?? []).filter((s) => s.actions?.some((a) => a.actionTypeId?.category === "Source")).map((s) => s.name ?? ""),
  );
}

/** What the Retry dialog of `stageName` offers, from the live status of the stage and its declared actions. */
export function stageRetryAvailability(declaration: PipelineDeclaration | undefined, status: StatusView, stageName: string): RetryAvailability {
  const actions = declaration?.stages?.find((s) => s.name === stageName)?.actions ?? [];
  return retryAvailability(
    status.stages.get(stageNodeId(stageName)),
    actions.map((a) => status.actions.get(actionNodeId(stageName, a.name ?? ""))),
  );
}

/** Why the Roll back dialog of `stageName` cannot send right now, if it cannot. */
export function stageRollbackAvailability(declaration: PipelineDeclaration | undefined, status: StatusView, stageName: string): Availability {
  return rollbackAvailability({
    pipelineType: declaration?.pipelineType,
    executionMode: declaration?.executionMode,
    isSourceStage: sourceStageNames(declaration).has(stageName),
    stage: status.stages.get(stageNodeId(stageName)),
  });
}

/**
 * What a stage can roll back to, the one rule of both the dialog and the stage's control: an execution that
 * succeeded in it (ListPipelineExecutions' `succeededInStage`), other than the one the stage holds now.
 */
export function rollbackTargets(succeeded: readonly PipelineExecutionSummary[], currentExecutionId: string | undefined): PipelineExecutionSummary[] {
  return succeeded.filter((e) => e.pipelineExecutionId && e.pipelineExecutionId !== currentExecutionId);
}

/** A stage whose targets are worth looking up: one the pipeline may roll back, which has run (none else has succeeded). */
export interface RollbackCandidate {
  stageName: string;
  currentExecutionId: string;
}

export function rollbackCandidates(declaration: PipelineDeclaration | undefined, status: StatusView): RollbackCandidate[] {
  if (declaration?.pipelineType !== "V2" || declaration.executionMode === "PARALLEL") return [];
  const sources = sourceStageNames(declaration);
  return (declaration.stages ?? []).flatMap((stage) => {
    const stageName = stage.name ?? "";
    const currentExecutionId = status.stages.get(stageNodeId(stageName))?.executionId;
    return !sources.has(stageName) && currentExecutionId ? [{ stageName, currentExecutionId }] : [];
  });
}

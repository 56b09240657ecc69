import { ActionNotFoundException } from "../errors";
import { requireStage } from "../engine/interventions";
import { startExecution } from "../engine/lifecycle";
import type { ExecutionRecord, PipelineRecord } from "../state/records";
import { pipeline } from "./context";
import type { Handler } from "./types";

const REVISION_TYPE: Record<string, "S3_OBJECT_VERSION_ID" | "IMAGE_DIGEST" | "COMMIT_ID"> = { S3: "S3_OBJECT_VERSION_ID", ECR: "IMAGE_DIGEST" };

/** The newest execution that ran (or is about to run) the source action at this revision. */
function executionWith(p: PipelineRecord, actionName: string, revisionId: string): ExecutionRecord | undefined {
  for (let i = p.executionOrder.length - 1; i >= 0; i--) {
    const x = p.executions[p.executionOrder[i]];
    const used = x.sourceRevisions.some((s) => s.actionName === actionName && s.revisionId === revisionId);
    const pending = x.sourceRevisionOverrides.some((o) => o.actionName === actionName && o.revisionValue === revisionId);
    if (used || pending) return x;
  }
  return undefined;
}

/**
 * A revision the pipeline has not run yet starts an execution that uses it (trigger PutActionRevision);
 * one it already ran or is running answers `newRevision: false` with that execution, and starts nothing.
 */
export const handlePutActionRevision: Handler<"PutActionRevision"> = (input, ctx) => {
  const p = pipeline(ctx, input.pipelineName!);
  const action = requireStage(p, input.stageName!).actions!.find((a) => a.name === input.actionName);
  if (!action) throw new ActionNotFoundException(`Action '${input.actionName}' not found in stage '${input.stageName}' of pipeline '${p.name}'`);
  const revisionId = input.actionRevision!.revisionId!;
  const seen = executionWith(p, action.name!, revisionId);
  if (seen) return { newRevision: false, pipelineExecutionId: seen.id };
  const x = startExecution(ctx.engine, p, {
    trigger: { triggerType: "PutActionRevision", triggerDetail: ctx.caller.arn },
    sourceRevisions: [{ actionName: action.name, revisionType: REVISION_TYPE[action.actionTypeId!.provider!] ?? "COMMIT_ID", revisionValue: revisionId }],
  });
  return { newRevision: true, pipelineExecutionId: x.id };
};

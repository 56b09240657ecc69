import { ActionNotFoundException } from "../errors";
import { requireStage } from "../engine/interventions";
import { startExecution } from "../engine/lifecycle";
import { pipeline } from "./context";
import type { Handler } from "./types";

/** A new revision for a source action starts an execution that uses it (trigger PutActionRevision). */
export const handlePutActionRevision: Handler<"PutActionRevision"> = (input, ctx) => {
  const p = pipeline(ctx, input.pipelineName!);
  const action = requireStage(p, input.stageName!).actions!.find((a) => a.name === input.actionName);
  if (!action) throw new ActionNotFoundException(`Action '${input.actionName}' not found in stage '${input.stageName}' of pipeline '${p.name}'`);
  const x = startExecution(ctx.engine, p, {
    trigger: { triggerType: "PutActionRevision", triggerDetail: ctx.caller.arn },
    sourceRevisions: [{ actionName: action.name, revisionType: "COMMIT_ID", revisionValue: input.actionRevision!.revisionId }],
  });
  return { newRevision: true, pipelineExecutionId: x.id };
};

import { rollbackStage } from "../engine/interventions";
import { pipeline } from "./context";
import type { Handler } from "./types";

export const handleRollbackStage: Handler<"RollbackStage"> = (input, ctx) => {
  const x = rollbackStage(ctx.engine, pipeline(ctx, input.pipelineName!), input.stageName!, input.targetPipelineExecutionId!, ctx.caller.arn);
  return { pipelineExecutionId: x.id };
};

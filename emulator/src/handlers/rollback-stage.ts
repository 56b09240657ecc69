import { rollbackStage } from "../engine/interventions";
import { engine, pipeline } from "./context";
import type { Handler } from "./types";

export const handleRollbackStage: Handler<"RollbackStage"> = (input, ctx) => {
  const x = rollbackStage(engine(ctx), pipeline(ctx, input.pipelineName!), input.stageName!, input.targetPipelineExecutionId!, ctx.caller.arn);
  return { pipelineExecutionId: x.id };
};

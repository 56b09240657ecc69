import { stopExecution } from "../engine/interventions";
import { pipeline } from "./context";
import type { Handler } from "./types";

export const handleStopPipelineExecution: Handler<"StopPipelineExecution"> = (input, ctx) => {
  const x = stopExecution(ctx.engine, pipeline(ctx, input.pipelineName!), input.pipelineExecutionId!, input.abandon ?? false, input.reason);
  return { pipelineExecutionId: x.id };
};

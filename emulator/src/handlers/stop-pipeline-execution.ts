import { stopExecution } from "../engine/interventions";
import { engine, pipeline } from "./context";
import type { Handler } from "./types";

export const handleStopPipelineExecution: Handler<"StopPipelineExecution"> = (input, ctx) => {
  const x = stopExecution(engine(ctx), pipeline(ctx, input.pipelineName!), input.pipelineExecutionId!, input.abandon ?? false, input.reason);
  return { pipelineExecutionId: x.id };
};

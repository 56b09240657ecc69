import { retryStage } from "../engine/interventions";
import { pipeline } from "./context";
import type { Handler } from "./types";

export const handleRetryStageExecution: Handler<"RetryStageExecution"> = (input, ctx) => {
  const x = retryStage(ctx.engine, pipeline(ctx, input.pipelineName!), input.stageName!, input.pipelineExecutionId!, input.retryMode!);
  return { pipelineExecutionId: x.id };
};

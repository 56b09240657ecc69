import { startExecution } from "../engine/lifecycle";
import { pipeline } from "./context";
import type { Handler } from "./types";

/** The same clientRequestToken returns the execution it started the first time. */
export const handleStartPipelineExecution: Handler<"StartPipelineExecution"> = (input, ctx) => {
  const x = startExecution(ctx.engine, pipeline(ctx, input.name!), {
    trigger: { triggerType: "StartPipelineExecution", triggerDetail: ctx.caller.arn },
    variables: input.variables,
    sourceRevisions: input.sourceRevisions,
    clientRequestToken: input.clientRequestToken,
  });
  return { pipelineExecutionId: x.id };
};

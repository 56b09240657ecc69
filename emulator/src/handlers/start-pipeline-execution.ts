import { startExecution } from "../engine/start";
import { engine, pipeline } from "./context";
import type { Handler } from "./types";

/** The same clientRequestToken returns the execution it started the first time. */
export const handleStartPipelineExecution: Handler<"StartPipelineExecution"> = (input, ctx) => {
  const x = startExecution(engine(ctx), pipeline(ctx, input.name!), {
    trigger: { triggerType: "StartPipelineExecution", triggerDetail: ctx.caller.arn },
    variables: input.variables,
    sourceRevisions: input.sourceRevisions,
    clientRequestToken: input.clientRequestToken,
  });
  return { pipelineExecutionId: x.id };
};

import { pipelineExecution } from "../engine/views";
import { requireExecution } from "../state/world";
import { pipeline } from "./context";
import type { Handler } from "./types";

export const handleGetPipelineExecution: Handler<"GetPipelineExecution"> = (input, ctx) => {
  const p = pipeline(ctx, input.pipelineName!);
  return { pipelineExecution: pipelineExecution(p, requireExecution(p, input.pipelineExecutionId!)) };
};

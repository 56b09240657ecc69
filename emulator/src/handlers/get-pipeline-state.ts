import { pipelineState } from "../engine/views";
import { engine, pipeline } from "./context";
import type { Handler } from "./types";

export const handleGetPipelineState: Handler<"GetPipelineState"> = (input, ctx) => pipelineState(pipeline(ctx, input.name!), engine(ctx).now());

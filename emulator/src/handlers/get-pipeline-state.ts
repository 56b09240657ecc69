import { pipelineState } from "../engine/views";
import { regionOf } from "../state/world";
import { pipeline, scope } from "./context";
import type { Handler } from "./types";

export const handleGetPipelineState: Handler<"GetPipelineState"> = (input, ctx) => {
  const e = ctx.engine;
  return pipelineState(pipeline(ctx, input.name!), e.now(), regionOf(e.world, scope(ctx)).customActionTypes);
};

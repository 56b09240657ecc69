import { setTransition } from "../engine/interventions";
import { pipeline } from "./context";
import type { Handler } from "./types";

/** Releases whoever waits at the transition. */
export const handleEnableStageTransition: Handler<"EnableStageTransition"> = (input, ctx) => {
  setTransition(ctx.engine, pipeline(ctx, input.pipelineName!), input.stageName!, input.transitionType!, true, ctx.caller.arn);
  return {};
};

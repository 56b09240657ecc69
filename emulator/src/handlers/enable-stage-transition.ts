import { setTransition } from "../engine/interventions";
import { engine, pipeline } from "./context";
import type { Handler } from "./types";

/** Releases whoever waits at the transition. */
export const handleEnableStageTransition: Handler<"EnableStageTransition"> = (input, ctx) => {
  setTransition(engine(ctx), pipeline(ctx, input.pipelineName!), input.stageName!, input.transitionType!, true, ctx.caller.arn);
  return {};
};

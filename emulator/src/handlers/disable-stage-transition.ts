import { setTransition } from "../engine/interventions";
import { pipeline } from "./context";
import type { Handler } from "./types";

/** Executions arriving at a disabled transition wait in front of the stage (`inboundExecution`). */
export const handleDisableStageTransition: Handler<"DisableStageTransition"> = (input, ctx) => {
  setTransition(ctx.engine, pipeline(ctx, input.pipelineName!), input.stageName!, input.transitionType!, false, ctx.caller.arn, input.reason);
  return {};
};

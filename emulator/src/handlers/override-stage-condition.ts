import { overrideStageCondition } from "../engine/interventions";
import { pipeline } from "./context";
import type { Handler } from "./types";

export const handleOverrideStageCondition: Handler<"OverrideStageCondition"> = (input, ctx) => {
  overrideStageCondition(ctx.engine, pipeline(ctx, input.pipelineName!), input.stageName!, input.pipelineExecutionId!, input.conditionType!, ctx.caller.arn);
  return {};
};

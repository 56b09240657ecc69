import { overrideStageCondition } from "../engine/interventions";
import { engine, pipeline } from "./context";
import type { Handler } from "./types";

export const handleOverrideStageCondition: Handler<"OverrideStageCondition"> = (input, ctx) => {
  overrideStageCondition(engine(ctx), pipeline(ctx, input.pipelineName!), input.stageName!, input.pipelineExecutionId!, input.conditionType!, ctx.caller.arn);
  return {};
};

import { putApprovalResult } from "../engine/interventions";
import { pipeline } from "./context";
import type { Handler } from "./types";

export const handlePutApprovalResult: Handler<"PutApprovalResult"> = (input, ctx) => {
  const at = putApprovalResult(ctx.engine, pipeline(ctx, input.pipelineName!), input.stageName!, input.actionName!, input.result!, input.token!, ctx.caller.arn);
  return { approvedAt: new Date(at) };
};

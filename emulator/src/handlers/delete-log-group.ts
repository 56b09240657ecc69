import type { DeleteLogGroupRequest } from "@aws-sdk/client-cloudwatch-logs";
import { scopeKey } from "../state/world";
import { scope } from "./context";
import { logGroup } from "./log-groups";
import type { NoOutput } from "./operations";
import type { ServiceHandler } from "./types";

/**
 * CloudWatch Logs' DeleteLogGroup: the group and every stream in it are gone (GetLogEvents answers
 * "The specified log group does not exist.") while the builds that wrote them still name them, as on
 * AWS. CodeBuild creates the group again with the project's next build.
 */
export const handleDeleteLogGroup: ServiceHandler<DeleteLogGroupRequest, NoOutput> = (input, ctx) => {
  logGroup(ctx, input.logGroupName!);
  delete ctx.engine.world.regions[scopeKey(scope(ctx))].logStreams![input.logGroupName!];
  ctx.engine.changed();
  return {};
};

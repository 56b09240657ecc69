import type { GetLogEventsRequest, GetLogEventsResponse } from "@aws-sdk/client-cloudwatch-logs";
import { resolveRun, runLogOf } from "../engine/builds";
import { getLogEvents } from "../engine/log-queries";
import { ResourceNotFoundException } from "../errors/cloudwatch-logs";
import { logGroup, logGroupNameOf } from "./log-groups";
import type { ServiceHandler } from "./types";

/** CloudWatch Logs' GetLogEvents on one stream of a build or Commands run, paged as AWS pages it (engine/log-queries.ts). */
export const handleGetLogEvents: ServiceHandler<GetLogEventsRequest, GetLogEventsResponse> = (input, ctx) => {
  const streams = logGroup(ctx, logGroupNameOf(ctx, input));
  const name = input.logStreamName!;
  const run = resolveRun(ctx.engine.world, Object.hasOwn(streams, name) ? streams[name] : undefined);
  const stream = run && runLogOf(run, ctx.engine.now());
  if (!stream) throw new ResourceNotFoundException("The specified log stream does not exist.");
  return getLogEvents(stream, input);
};

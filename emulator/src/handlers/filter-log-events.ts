import type { FilterLogEventsRequest, FilterLogEventsResponse } from "@aws-sdk/client-cloudwatch-logs";
import { resolveRun, runLogOf } from "../engine/builds";
import { filterLogEvents } from "../engine/log-queries";
import type { LogStreamView } from "../engine/run-logs";
import { InvalidParameterException } from "../errors/cloudwatch-logs";
import { logGroup, logGroupNameOf } from "./log-groups";
import type { ServiceHandler } from "./types";

/**
 * CloudWatch Logs' FilterLogEvents over a log group's streams (all, `logStreamNames`, or those named
 * with `logStreamNamePrefix`), interleaved by time and filtered by the pattern (engine/log-queries.ts).
 * Streams named but not there are skipped, as AWS skips them.
 */
export const handleFilterLogEvents: ServiceHandler<FilterLogEventsRequest, FilterLogEventsResponse> = (input, ctx) => {
  if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined) {
    throw new InvalidParameterException("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
  }
  const streams = logGroup(ctx, logGroupNameOf(ctx, input));
  const names = input.logStreamNames ?? Object.keys(streams).filter((name) => name.startsWith(input.logStreamNamePrefix ?? ""));
  const now = ctx.engine.now();
  const views: LogStreamView[] = [];
  for (const name of new Set(names)) {
    const run = resolveRun(ctx.engine.world, Object.hasOwn(streams, name) ? streams[name] : undefined);
    const view = run && runLogOf(run, now);
    if (view) views.push(view);
  }
  return filterLogEvents(views, input);
};

import type { BatchGetBuildsInput, BatchGetBuildsOutput, Build } from "@aws-sdk/client-codebuild";
import { buildAt, resolveRun } from "../engine/builds";
import { scopeKey } from "../state/world";
import { scope } from "./context";
import type { ServiceHandler } from "./types";

/**
 * CodeBuild's BatchGetBuilds: the builds of the caller's account and region by id (`PROJECT:uuid`) or
 * ARN, as they stand now (engine/builds.ts); ids it does not know come back in `buildsNotFound`, in
 * the order asked, each once.
 */
export const handleBatchGetBuilds: ServiceHandler<BatchGetBuildsInput, BatchGetBuildsOutput> = (input, ctx) => {
  const here = scope(ctx);
  const builds = ctx.engine.world.regions[scopeKey(here)]?.builds ?? {};
  const arnPrefix = `arn:aws:codebuild:${here.region}:${here.accountId}:build/`;
  const found: Build[] = [];
  const buildsNotFound: string[] = [];
  for (const asked of new Set(input.ids)) {
    const id = asked.startsWith("arn:") ? (asked.startsWith(arnPrefix) ? asked.slice(arnPrefix.length) : "") : asked;
    const run = resolveRun(ctx.engine.world, Object.hasOwn(builds, id) ? builds[id] : undefined);
    if (run) found.push(buildAt(run, ctx.engine.now()));
    else buildsNotFound.push(asked);
  }
  return { builds: found, buildsNotFound };
};

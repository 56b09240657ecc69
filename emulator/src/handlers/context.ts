import { type Scope, requirePipeline } from "../state/world";
import type { RequestContext } from "./types";

/** Pipelines live per account and region, as the caller's credentials scope them. */
export const scope = (ctx: RequestContext): Scope => ({ accountId: ctx.caller.accountId, region: ctx.caller.region });

export const pipeline = (ctx: RequestContext, name: string) => requirePipeline(ctx.engine.world, scope(ctx), name);

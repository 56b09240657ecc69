import { engineOf } from "../engine/core";
import type { Engine } from "../engine/engine";
import { type Scope, requirePipeline } from "../state/world";
import type { RequestContext } from "./types";

/** The engine behind the request's core. The handler table brings it up to the clock first. */
export const engine = (ctx: RequestContext): Engine => engineOf(ctx.core);

/** Pipelines live per account and region, as the caller's credentials scope them. */
export const scope = (ctx: RequestContext): Scope => ({ accountId: ctx.caller.accountId, region: ctx.caller.region });

export const pipeline = (ctx: RequestContext, name: string) => requirePipeline(engine(ctx).world, scope(ctx), name);

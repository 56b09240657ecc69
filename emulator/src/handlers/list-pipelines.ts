import { paginate } from "../state/pagination";
import { pipelineSummary } from "../engine/views";
import { scope } from "./context";
import type { Handler } from "./types";
import { scopeKey } from "../state/world";

/** AWS documents no default page size; the maximum (1000) is used. */
const DEFAULT_MAX_RESULTS = 1000;

export const handleListPipelines: Handler<"ListPipelines"> = (input, ctx) => {
  const pipelines = Object.values(ctx.engine.world.regions[scopeKey(scope(ctx))]?.pipelines ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  const { page, nextToken } = paginate(pipelines, "ListPipelines", input.nextToken, input.maxResults ?? DEFAULT_MAX_RESULTS);
  return { pipelines: page.map(pipelineSummary), ...(nextToken && { nextToken }) };
};

import { createPipeline } from "../engine/pipelines";
import { startExecution } from "../engine/lifecycle";
import { scope } from "./context";
import type { Handler } from "./types";

/** Creates the pipeline and, as AWS does, starts its first execution (trigger CreatePipeline). */
export const handleCreatePipeline: Handler<"CreatePipeline"> = (input, ctx) => {
  const e = ctx.engine;
  const p = createPipeline(e, scope(ctx), input.pipeline!, input.tags ?? []);
  startExecution(e, p, { trigger: { triggerType: "CreatePipeline", triggerDetail: ctx.caller.arn } });
  return { pipeline: structuredClone(p.versions[0]), ...(p.tags.length && { tags: p.tags.map((t) => ({ ...t })) }) };
};

import { updatePipeline } from "../engine/pipelines";
import { scope } from "./context";
import type { Handler } from "./types";

/** A new version; executions still running on the old one become Cancelled. */
export const handleUpdatePipeline: Handler<"UpdatePipeline"> = (input, ctx) => {
  const p = updatePipeline(ctx.engine, scope(ctx), input.pipeline!);
  return { pipeline: structuredClone(p.versions[p.versions.length - 1]) };
};

import { deletePipeline } from "../engine/pipelines";
import { scope } from "./context";
import type { Handler } from "./types";

/** The model has no PipelineNotFoundException here: deleting a missing pipeline succeeds. */
export const handleDeletePipeline: Handler<"DeletePipeline"> = (input, ctx) => {
  deletePipeline(ctx.engine, scope(ctx), input.name!);
  return {};
};

import { customActionType } from "../engine/action-types";
import { registerCustomActionType } from "../engine/pipelines";
import { scope } from "./context";
import type { Handler } from "./types";

/** Registers the type (it can then be used in pipelines); its runs queue jobs for a job worker. */
export const handleCreateCustomActionType: Handler<"CreateCustomActionType"> = (input, ctx) => {
  const record = registerCustomActionType(ctx.engine, scope(ctx), input);
  return { actionType: customActionType(record), ...(record.tags.length && { tags: record.tags }) };
};

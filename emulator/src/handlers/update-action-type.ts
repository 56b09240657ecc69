import { updateActionType } from "../engine/declared-action-types";
import { scope } from "./context";
import type { Handler } from "./types";

/** Replaces the whole declaration of an existing integration-model action type; GetActionType and ListActionTypes show it. */
export const handleUpdateActionType: Handler<"UpdateActionType"> = (input, ctx) => {
  updateActionType(ctx.engine, scope(ctx), input.actionType!);
  return {};
};

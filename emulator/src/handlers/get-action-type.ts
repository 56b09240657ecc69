import { requireDeclaredActionType } from "../engine/declared-action-types";
import { scope } from "./context";
import type { Handler } from "./types";

/** Integration-model action types (owner AWS or ThirdParty) this account provides; the model refuses owner Custom. */
export const handleGetActionType: Handler<"GetActionType"> = (input, ctx) => ({
  actionType: structuredClone(requireDeclaredActionType(ctx.engine, scope(ctx), input)),
});

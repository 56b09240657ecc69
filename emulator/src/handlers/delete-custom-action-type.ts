import { regionOf } from "../state/world";
import { scope } from "./context";
import type { Handler } from "./types";

export const handleDeleteCustomActionType: Handler<"DeleteCustomActionType"> = (input, ctx) => {
  const e = ctx.engine;
  const region = regionOf(e.world, scope(ctx));
  region.customActionTypes = region.customActionTypes.filter((t) => !(t.category === input.category && t.provider === input.provider && t.version === input.version));
  e.changed();
  return {};
};

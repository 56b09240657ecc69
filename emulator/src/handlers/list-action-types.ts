import { awsActionTypes, customActionType } from "../engine/action-types";
import { declaredActionType } from "../engine/declared-action-types";
import { paginate } from "../state/pagination";
import { scopeKey } from "../state/world";
import { scope } from "./context";
import type { Handler } from "./types";

/** The catalog is small, so it fits one page; the token is still checked like AWS does. */
const PAGE_SIZE = 1000;

export const handleListActionTypes: Handler<"ListActionTypes"> = (input, ctx) => {
  const region = ctx.engine.world.regions[scopeKey(scope(ctx))];
  const declared = (region?.actionTypeDeclarations ?? []).map(declaredActionType);
  const all = [...awsActionTypes(), ...declared, ...(region?.customActionTypes ?? []).map(customActionType)].filter((t) => !input.actionOwnerFilter || t.id!.owner === input.actionOwnerFilter);
  const { page, nextToken } = paginate(all, "ListActionTypes", input.nextToken, PAGE_SIZE);
  return { actionTypes: page, ...(nextToken && { nextToken }) };
};

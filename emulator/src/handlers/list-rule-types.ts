import { ruleTypes } from "../engine/action-types";
import type { Handler } from "./types";

export const handleListRuleTypes: Handler<"ListRuleTypes"> = (input) => ({
  ruleTypes: ruleTypes().filter((t) => !input.ruleOwnerFilter || t.id!.owner === input.ruleOwnerFilter),
});

import { setRegistered } from "../engine/webhooks";
import { scope } from "./context";
import type { Handler } from "./types";

export const handleDeregisterWebhookWithThirdParty: Handler<"DeregisterWebhookWithThirdParty"> = (input, ctx) => {
  setRegistered(ctx.engine, scope(ctx), input.webhookName, false);
  return {};
};

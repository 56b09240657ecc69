import { setRegistered } from "../engine/webhooks";
import { scope } from "./context";
import type { Handler } from "./types";

/** On AWS this configures GitHub to call the webhook's URL; the emulator records it (see engine/webhooks.ts). */
export const handleRegisterWebhookWithThirdParty: Handler<"RegisterWebhookWithThirdParty"> = (input, ctx) => {
  setRegistered(ctx.engine, scope(ctx), input.webhookName, true);
  return {};
};

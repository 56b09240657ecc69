import { putWebhook, webhookItem } from "../engine/webhooks";
import { scope } from "./context";
import type { Handler } from "./types";

/** Defines (or redefines) a webhook for a pipeline's source action; the answer carries its URL and ARN. */
export const handlePutWebhook: Handler<"PutWebhook"> = (input, ctx) => ({
  webhook: webhookItem(putWebhook(ctx.engine, scope(ctx), input.webhook!, input.tags ?? [])),
});

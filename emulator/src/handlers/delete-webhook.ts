import { deleteWebhook } from "../engine/webhooks";
import { scope } from "./context";
import type { Handler } from "./types";

export const handleDeleteWebhook: Handler<"DeleteWebhook"> = (input, ctx) => {
  deleteWebhook(ctx.engine, scope(ctx), input.name!);
  return {};
};

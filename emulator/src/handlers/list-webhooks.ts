import { listWebhooks, webhookItem } from "../engine/webhooks";
import { paginate } from "../state/pagination";
import { scope } from "./context";
import type { Handler } from "./types";

const DEFAULT_MAX_RESULTS = 100;

/** Webhooks by name; this operation alone spells its paging members `NextToken` and `MaxResults`. */
export const handleListWebhooks: Handler<"ListWebhooks"> = (input, ctx) => {
  const { page, nextToken } = paginate(listWebhooks(ctx.engine, scope(ctx)), "ListWebhooks", input.NextToken, input.MaxResults ?? DEFAULT_MAX_RESULTS);
  return { webhooks: page.map(webhookItem), ...(nextToken && { NextToken: nextToken }) };
};

import { paginate } from "../state/pagination";
import { taggable } from "./tags";
import type { Handler } from "./types";

const DEFAULT_MAX_RESULTS = 50;

export const handleListTagsForResource: Handler<"ListTagsForResource"> = (input, ctx) => {
  const resource = taggable(ctx, input.resourceArn!);
  const { page, nextToken } = paginate(resource.tags, `ListTagsForResource/${resource.arn}`, input.nextToken, input.maxResults ?? DEFAULT_MAX_RESULTS);
  return { tags: page.map((t) => ({ ...t })), ...(nextToken && { nextToken }) };
};

import { InvalidTagsException } from "../errors";
import { taggable } from "./tags";
import type { Handler } from "./types";

export const handleUntagResource: Handler<"UntagResource"> = (input, ctx) => {
  const resource = taggable(ctx, input.resourceArn!);
  const keys = new Set(input.tagKeys ?? []);
  if ([...keys].some((k) => k.startsWith("aws:"))) {
    throw new InvalidTagsException("Not allowed to modify system tags. System tags start with 'aws:'. msg=[Caller is an end user and not allowed to mutate system tags]");
  }
  resource.setTags(resource.tags.filter((t) => !keys.has(t.key!)));
  return {};
};

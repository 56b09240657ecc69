import { checkTags, mergeTags } from "../engine/pipelines";
import { taggable } from "./tags";
import type { Handler } from "./types";

export const handleTagResource: Handler<"TagResource"> = (input, ctx) => {
  const resource = taggable(ctx, input.resourceArn!);
  checkTags(resource.arn, resource.tags, input.tags ?? []);
  resource.setTags(mergeTags(resource.tags, input.tags ?? []));
  return {};
};

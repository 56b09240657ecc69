import { LimitExceededException } from "../errors";
import { customActionType } from "../engine/action-types";
import { checkTags, mergeTags } from "../engine/pipelines";
import { regionOf } from "../state/world";
import { engine, scope } from "./context";
import type { Handler } from "./types";

const MAX_CUSTOM_ACTION_TYPES = 50;

/** Registers the type (it can then be used in pipelines); its runs wait for a job worker. */
export const handleCreateCustomActionType: Handler<"CreateCustomActionType"> = (input, ctx) => {
  const e = engine(ctx);
  const region = regionOf(e.world, scope(ctx));
  const same = (t: { category: string; provider: string; version: string }) => t.category === input.category && t.provider === input.provider && t.version === input.version;
  const arn = `arn:aws:codepipeline:${region.region}:${region.accountId}:actiontype:Custom/${input.category}/${input.provider}/${input.version}`;
  checkTags(arn, [], input.tags ?? []);
  const existing = region.customActionTypes.find(same);
  if (!existing && region.customActionTypes.length >= MAX_CUSTOM_ACTION_TYPES) {
    throw new LimitExceededException(`The account has reached the limit of ${MAX_CUSTOM_ACTION_TYPES} custom action types in this Region.`);
  }
  const record = {
    category: input.category!,
    provider: input.provider!,
    version: input.version!,
    settings: input.settings as Record<string, string> | undefined,
    configurationProperties: input.configurationProperties,
    inputArtifactDetails: { minimumCount: input.inputArtifactDetails!.minimumCount!, maximumCount: input.inputArtifactDetails!.maximumCount! },
    outputArtifactDetails: { minimumCount: input.outputArtifactDetails!.minimumCount!, maximumCount: input.outputArtifactDetails!.maximumCount! },
    tags: mergeTags(existing?.tags ?? [], input.tags ?? []),
  };
  region.customActionTypes = [...region.customActionTypes.filter((t) => !same(t)), record];
  e.changed();
  return { actionType: customActionType(record), ...(record.tags.length && { tags: record.tags }) };
};

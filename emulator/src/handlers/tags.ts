import type { Tag } from "@aws-sdk/client-codepipeline";
import { InvalidArnException, ResourceNotFoundException } from "../errors";
import { findPipeline, scopeKey } from "../state/world";
import { scope } from "./context";
import type { RequestContext } from "./types";

const ARN = /^arn:aws[a-z-]*:codepipeline:([a-z0-9-]+):(\d{12}):(.+)$/;

/** The taggable resource an ARN names (pipelines, webhooks and custom action types), in the caller's account and region. */
export function taggable(ctx: RequestContext, arn: string): { arn: string; tags: Tag[]; setTags(tags: Tag[]): void } {
  const match = ARN.exec(arn);
  if (!match) throw new InvalidArnException(`The ARN ${arn} is not a valid CodePipeline resource ARN`);
  const [, region, account, resource] = match;
  const s = scope(ctx);
  const notFound = () => new ResourceNotFoundException(`The account with id '${s.accountId}' does not include a resource with the ARN '${arn}'`);
  if (region !== s.region || account !== s.accountId) throw notFound();
  const e = ctx.engine;
  if (resource.startsWith("webhook:")) {
    const webhook = e.world.regions[scopeKey(s)]?.webhooks?.[resource.slice("webhook:".length)];
    if (!webhook) throw notFound();
    return { arn, tags: webhook.tags, setTags: (tags) => ((webhook.tags = tags), e.changed()) };
  }
  if (resource.startsWith("actiontype:")) {
    const [category, provider, version] = resource.slice("actiontype:Custom/".length).split("/");
    const type = e.world.regions[scopeKey(s)]?.customActionTypes.find((t) => t.category === category && t.provider === provider && t.version === version);
    if (!type) throw notFound();
    return { arn, tags: type.tags, setTags: (tags) => ((type.tags = tags), e.changed()) };
  }
  const p = findPipeline(e.world, s, resource);
  if (!p) throw new ResourceNotFoundException(`The account with id '${s.accountId}' does not include a pipeline with the name '${resource}'`);
  return { arn, tags: p.tags, setTags: (tags) => ((p.tags = tags), e.changed()) };
}

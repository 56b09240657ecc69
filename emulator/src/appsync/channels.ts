/*
 * AppSync Events channels: `/namespace/segment/...`, at most 5 segments (the namespace included),
 * each 1–50 characters of letters, digits and dashes; a subscription may end in `/*`, which matches
 * the channel itself and every channel below it. CodePipeline names allow `.`, `@`, `_` and 100
 * characters, which no segment takes, and EventBridge's input transformer can only copy values, not
 * encode them: so the dashboard's rule publishes on one channel per account and region, and
 * subscribers keep the events of the pipelines they show (see docs/live-updates.md).
 */

/** The one namespace the dashboard's Event API has (deploy/lib/live-updates.ts). */
export const NAMESPACE = "codepipeline";

const SEGMENT = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$/;
const MAX_SEGMENTS = 5;

/** The channel's segments, or why it is not one. */
export function parseChannel(channel: unknown, { wildcard }: { wildcard: boolean }): string[] | string {
  if (typeof channel !== "string" || !channel.startsWith("/")) return "Channel must be a string starting with '/'.";
  const segments = channel.slice(1).split("/");
  if (segments.length > MAX_SEGMENTS) return `Channel has more than ${MAX_SEGMENTS} segments.`;
  for (const [index, segment] of segments.entries()) {
    if (segment === "*" && wildcard && index === segments.length - 1 && index > 0) continue;
    if (!SEGMENT.test(segment)) return `Invalid channel segment '${segment}': 1 to 50 letters, digits and dashes, not starting or ending with a dash.`;
  }
  if (segments[0] !== NAMESPACE) return `Channel namespace '${segments[0]}' does not exist.`;
  return segments;
}

/** Whether a subscription's channel (maybe ending in `/*`) receives what is published on `channel`. */
export function channelMatches(subscription: string, channel: string): boolean {
  if (!subscription.endsWith("/*")) return subscription === channel;
  const prefix = subscription.slice(0, -2);
  return channel === prefix || channel.startsWith(`${prefix}/`);
}

/** Where the dashboard's rule publishes a CodePipeline event of this account and region. */
export const regionChannel = (account: string, region: string): string => `/${NAMESPACE}/${account}/${region}`;

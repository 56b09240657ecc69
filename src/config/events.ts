import type { EventsConfig } from "./schema.ts";
import type { SourceConfig } from "./sources.ts";

/**
 * The AppSync Events channel a source's CodePipeline events arrive on: one per account and region, since
 * pipeline names may hold characters (`.`, `@`, `_`, up to 100 of them) that no channel segment takes and
 * EventBridge's input transformer cannot encode (docs/live-updates.md, "Channels").
 */
export function eventsChannel(events: EventsConfig, source: SourceConfig): string {
  const fromRole = source.credentials.type === "assumeRole" ? source.credentials.roleArn.split(":")[4] : undefined;
  const account = fromRole ?? events.accountId;
  return `/codepipeline/${account}/${source.region}`;
}

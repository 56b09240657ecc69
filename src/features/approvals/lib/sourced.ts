import type { Source } from "../../../lib/aws/source";

/**
 * A pipeline name or approval key is unique only within one account and region: the same `checkout` can wait
 * in dev and prod. Everything the inbox keys by (React keys, retained items, state lookups) goes through here.
 * Source ids are `[a-z0-9-]` (schema), so the space cannot be part of one.
 */
export function sourcedKey(sourceId: string, key: string): string {
  return `${sourceId} ${key}`;
}

/** A pipeline of one source: what the recent-decisions list and the known-pipelines memory hold. */
export interface SourcedPipeline {
  source: Source;
  name: string;
}

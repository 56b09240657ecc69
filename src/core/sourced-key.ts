/**
 * A pipeline name or approval key is unique only within one account and region: the same `checkout` can wait
 * in dev and prod. Everything keyed across sources (React keys, retained items, state lookups, favourites'
 * snapshot, wall tiles) goes through here. Source ids are `[a-z0-9-]` or `region@host` and pipeline names
 * `[A-Za-z0-9.@_-]`, so the space cannot be part of either.
 */
export function sourcedKey(sourceId: string, key: string): string {
  return `${sourceId} ${key}`;
}

/** The source id and key a sourced key was made of; undefined for a key without a source. */
export function splitSourcedKey(sourced: string): { sourceId: string; key: string } | undefined {
  const space = sourced.indexOf(" ");
  return space < 0 ? undefined : { sourceId: sourced.slice(0, space), key: sourced.slice(space + 1) };
}

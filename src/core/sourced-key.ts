/**
 * A pipeline name or approval key is unique only within one account and region: the same `checkout` can wait
 * in dev and prod. Everything keyed across sources (React keys, retained items, state lookups, favourites'
 * snapshot, wall tiles) goes through here. Source ids are `[a-z0-9-]` or `region@host` and pipeline names
 * `[A-Za-z0-9.@_-]`, so the space cannot be part of either.
 */
export function sourcedKey(sourceId: string, key: string): string {
  return `${sourceId} ${key}`;
}

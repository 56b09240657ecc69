import { formatDuration } from "./format";

/**
 * How current the data on screen is, said the same way on every page that shows many pipelines (the overview,
 * the approvals inbox, the wall): by its oldest part, never its newest, so a header cannot say "Updated 0 s
 * ago" beside rows marked stale.
 *
 * A page lists what it shows (`ShownRead`): the reads behind the items on screen (overview rows in view, inbox
 * cards, wall tiles), every read of it that is failing (a source's pipeline list, rows out of view), and, with no
 * items, each source's list. Reads never answered show nothing yet and are left out (the error banner speaks for
 * them).
 */
export interface ShownRead {
  /** When it was last read successfully; 0 = never. */
  updatedAt: number;
  /** Its data is not current: its latest read failed (or the page's own rule says so, as the wall's does). */
  stale: boolean;
  /** The source (account and region) it comes from. */
  sourceId: string;
}

export type Freshness =
  /** Nothing shown has been read yet. */
  | { kind: "loading" }
  /** Everything shown is current; `since` is when its oldest part was read. */
  | { kind: "current"; since: number }
  /**
   * Some of it is stale, since `since` (its oldest stale part). `by`: "sources" when whole sources are stale while
   * others are current (a region down), else "pipelines" (a few reads failing here and there).
   */
  | { kind: "partly-stale"; since: number; by: "sources" | "pipelines" }
  /** All of it is stale; `since` as above. */
  | { kind: "stale"; since: number };

/** `staleAfterMs`: data older than this counts as stale even if its last read did not fail (polling stopped). */
export function freshnessOf(reads: readonly ShownRead[], now: number, staleAfterMs = Infinity): Freshness {
  const shown = reads.filter((r) => r.updatedAt > 0).map((r) => ({ ...r, stale: r.stale || now - r.updatedAt > staleAfterMs }));
  if (shown.length === 0) return { kind: "loading" };
  const oldest = (of: typeof shown) => Math.min(...of.map((r) => r.updatedAt));
  const stale = shown.filter((r) => r.stale);
  if (stale.length === 0) return { kind: "current", since: oldest(shown) };
  if (stale.length === shown.length) return { kind: "stale", since: oldest(shown) };
  const current = new Set(shown.filter((r) => !r.stale).map((r) => r.sourceId));
  const wholeSourceStale = stale.some((r) => !current.has(r.sourceId));
  return { kind: "partly-stale", since: oldest(stale), by: wholeSourceStale ? "sources" : "pipelines" };
}

/** "Updated 12 s ago", "Some sources are 2 min old", "Stale: updated 5 min ago". */
export function describeFreshness(freshness: Freshness, now: number): string {
  if (freshness.kind === "loading") return "Loading…";
  const age = formatDuration(Math.max(0, now - freshness.since));
  switch (freshness.kind) {
    case "current":
      return `Updated ${age} ago`;
    case "partly-stale":
      return `Some ${freshness.by} are ${age} old`;
    case "stale":
      return `Stale: updated ${age} ago`;
  }
}

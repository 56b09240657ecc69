import type { ShownRead } from "../../core/freshness";
import type { OverviewRow, SourceList } from "./use-overview";

/**
 * What the overview's "Updated N ago" speaks of (core/freshness.ts): the rows in view, every failing read (rows
 * out of view, pipeline lists), and, with no row in view, the pipeline lists. Rows out of view that work are
 * left out: they are read every few minutes by design and are not on screen. Which rows are in view is what
 * their source's limiter knows (`isVisible`), so call this anew with every tick of the clock.
 */
export function overviewReads(rows: readonly OverviewRow[], lists: readonly SourceList[]): ShownRead[] {
  const inView = rows.filter((row) => row.source.isVisible(row.name));
  return [
    ...rows.filter((row) => row.error || inView.includes(row)).map((row) => ({ updatedAt: row.updatedAt, stale: row.error !== null, sourceId: row.source.id })),
    ...lists.filter((list) => list.error || inView.length === 0).map((list) => ({ updatedAt: list.dataUpdatedAt, stale: list.error !== null, sourceId: list.source.id })),
  ];
}

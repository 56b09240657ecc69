import { Freshness } from "../../components/freshness";
import { useNow } from "../../components/use-now";
import type { OverviewRow, SourceList } from "./use-overview";

/**
 * The overview's "Updated N ago" (core/freshness.ts): of the rows in view, of every failing read (rows out of
 * view, pipeline lists), and, with no row in view, of the pipeline lists; the oldest of them, never the newest.
 * Rows out of view are read every few minutes by design and are not on screen. Which rows are in view is what
 * their source's limiter knows (`isVisible`), read anew with every tick of the clock.
 */
export function OverviewFreshness({ rows, lists, staleAfterMs }: { rows: OverviewRow[]; lists: SourceList[]; staleAfterMs: number }) {
  useNow();
  const inView = rows.filter((row) => row.source.isVisible(row.name));
  const reads = [
    ...rows.filter((row) => row.error || inView.includes(row)).map((row) => ({ updatedAt: row.updatedAt, stale: row.error !== null, sourceId: row.source.id })),
    ...lists.filter((list) => list.error || inView.length === 0).map((list) => ({ updatedAt: list.dataUpdatedAt, stale: list.error !== null, sourceId: list.source.id })),
  ];
  return <Freshness reads={reads} staleAfterMs={staleAfterMs} />;
}

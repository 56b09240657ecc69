import { useMemo } from "react";
import { Freshness } from "../../components/freshness";
import type { ShownRead } from "../../core/freshness";
import { useKeysInView, type RowsInView } from "./rows-in-view";
import type { OverviewRow, SourceList } from "./use-overview";

/**
 * The overview's "Updated N ago": of the rows in view, of every failing read (rows out of view, pipeline lists),
 * and, with no row in view, of the pipeline lists; the oldest of them, never the newest (core/freshness.ts).
 */
export function OverviewFreshness({ rows, lists, rowsInView, staleAfterMs }: { rows: OverviewRow[]; lists: SourceList[]; rowsInView: RowsInView; staleAfterMs: number }) {
  const inView = useKeysInView(rowsInView);
  const reads = useMemo((): ShownRead[] => {
    const shown = rows
      .filter((row) => row.error || inView.has(row.key))
      .map((row) => ({ updatedAt: row.updatedAt, stale: row.error !== null, sourceId: row.source.id }));
    const anyInView = rows.some((row) => inView.has(row.key));
    const listed = lists
      .filter((list) => list.error || !anyInView)
      .map((list) => ({ updatedAt: list.dataUpdatedAt, stale: list.error !== null, sourceId: list.source.id }));
    return [...shown, ...listed];
  }, [rows, lists, inView]);
  return <Freshness reads={reads} staleAfterMs={staleAfterMs} />;
}

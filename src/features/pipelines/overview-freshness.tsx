import { Freshness } from "../../components/freshness";
import { useNow } from "../../components/use-now";
import { overviewReads } from "./overview-reads";
import type { OverviewRow, SourceList } from "./use-overview";

/** The overview's "Updated N ago": of the oldest of what is on screen or failing (`overviewReads`). */
export function OverviewFreshness({ rows, lists, staleAfterMs }: { rows: OverviewRow[]; lists: SourceList[]; staleAfterMs: number }) {
  // Which rows are in view is read anew at every tick, so scrolling moves the age within a second.
  useNow();
  return <Freshness reads={overviewReads(rows, lists)} staleAfterMs={staleAfterMs} />;
}

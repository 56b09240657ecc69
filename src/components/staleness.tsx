import { Freshness } from "./freshness";

/** One read's freshness (a pipeline or an execution page): "Updated 12 s ago", "Stale: updated 2 min ago". */
export function Staleness({ updatedAt, staleAfterMs }: { updatedAt: number; staleAfterMs: number }) {
  return <Freshness reads={[{ updatedAt, stale: false, sourceId: "" }]} staleAfterMs={staleAfterMs} />;
}

import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { useSources } from "../../../lib/sources/source-context";
import type { Source } from "../../../lib/aws/source";

/**
 * `?source=ID` narrows the inbox to one source, so a shared link shows the same view. An unknown id (a source
 * removed from the config) falls back to all sources rather than an empty page. Returns a stable array.
 */
export function useSourceFilter(): { selected: Source | undefined; scope: readonly Source[]; select(id: string): void } {
  const sources = useSources();
  const [params, setParams] = useSearchParams();
  const selected = sources.length > 1 ? sources.find((s) => s.id === params.get("source")) : undefined;
  const scope = useMemo(() => (selected ? [selected] : sources), [selected, sources]);
  const select = (id: string) => {
    const next = new URLSearchParams(params);
    if (id) next.set("source", id);
    else next.delete("source");
    setParams(next, { replace: true });
  };
  return { selected, scope, select };
}

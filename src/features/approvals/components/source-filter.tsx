import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { useSources } from "../../../app/source-context";
import type { Source } from "../../../lib/aws/source";

const field =
  "rounded-md border border-zinc-400 bg-white px-3 py-1.5 text-sm dark:border-zinc-600 dark:bg-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-700";

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

/** The "Source" select; nothing with a single source, where there is nothing to choose. */
export function SourceFilter({ selected, onSelect }: { selected: Source | undefined; onSelect(id: string): void }) {
  const sources = useSources();
  if (sources.length < 2) return null;
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      Source
      <select value={selected?.id ?? ""} onChange={(e) => onSelect(e.target.value)} className={field}>
        <option value="">All sources</option>
        {sources.map((source) => (
          <option key={source.id} value={source.id}>
            {source.label}
          </option>
        ))}
      </select>
    </label>
  );
}

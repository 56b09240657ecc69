import { useSources } from "../lib/sources/source-context";

const field =
  "rounded-md border border-zinc-400 bg-white px-3 py-1.5 text-sm dark:border-zinc-600 dark:bg-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-700";

/** The "Source" select of the overview and the inbox; nothing with a single source, where there is nothing to choose. */
export function SourceFilter({ value, onSelect }: { value: string; onSelect(id: string): void }) {
  const sources = useSources();
  if (sources.length < 2) return null;
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      Source
      <select value={value} onChange={(e) => onSelect(e.target.value)} className={field}>
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

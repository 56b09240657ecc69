import { useSources } from "../lib/sources/source-context";
import { fieldClass } from "./styles";


/** The "Source" select of the overview and the inbox; nothing with a single source, where there is nothing to choose. */
export function SourceFilter({ value, onSelect }: { value: string; onSelect(id: string): void }) {
  const sources = useSources();
  if (sources.length < 2) return null;
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      Source
      <select value={value} onChange={(e) => onSelect(e.target.value)} className={fieldClass}>
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

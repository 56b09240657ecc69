import { useSource, useSources } from "../../../lib/sources/source-context";

/**
 * The account label and region an item belongs to, shown only when there is more than one source: with one,
 * it would repeat the header on every card. Reads the subtree's source (the card's own SourceContext).
 */
export function SourceBadge({ id }: { id?: string }) {
  const source = useSource();
  const many = useSources().length > 1;
  if (!many) return null;
  return (
    <span
      id={id}
      className="inline-flex rounded-full bg-sky-50 px-2 py-0.5 text-xs font-semibold text-sky-950 ring-1 ring-inset ring-sky-700/30 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-300/30"
    >
      <span className="sr-only">Source: </span>
      {source.label}
    </span>
  );
}

/** True when items need their source named (more than one configured). */
export function useManySources(): boolean {
  return useSources().length > 1;
}

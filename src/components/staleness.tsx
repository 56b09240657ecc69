import { formatAge } from "../core/format";
import { useNow } from "./use-now";

/** "Updated 12 s ago"; once data is older than `staleAfterMs` it says so in words, not just in colour. */
export function Staleness({ updatedAt, staleAfterMs }: { updatedAt: number; staleAfterMs: number }) {
  const now = useNow();
  if (!updatedAt) return <span className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</span>;
  const age = now.getTime() - updatedAt;
  const stale = age > staleAfterMs;
  return (
    <span
      role="status"
      className={`text-sm tabular-nums ${stale ? "font-semibold text-amber-800 dark:text-amber-300" : "text-zinc-600 dark:text-zinc-400"}`}
    >
      {stale ? "Stale: updated " : "Updated "}
      {formatAge(new Date(updatedAt), now)} ago
    </span>
  );
}

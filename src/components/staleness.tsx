import { useQuery } from "@tanstack/react-query";
import { formatAge } from "../core/format";
import { LIVE_MODE_KEY } from "../lib/live/live-health";
import { useNow } from "./use-now";

/** "Updated 12 s ago"; once data is older than `staleAfterMs` it says so in words, not just in colour. */
export function Staleness({ updatedAt, staleAfterMs }: { updatedAt: number; staleAfterMs: number }) {
  const now = useNow();
  // Which mode brings the data, set by live updates (src/lib/live/live-updates.ts); never fetched.
  const { data: mode } = useQuery<string>({ queryKey: LIVE_MODE_KEY, enabled: false });
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
      {mode && <span className={mode.includes("paused") ? "font-semibold text-amber-800 dark:text-amber-300" : undefined}> · {mode}</span>}
    </span>
  );
}

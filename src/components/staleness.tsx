import { useSyncExternalStore } from "react";
import { formatAge } from "../core/format";
import { useSources } from "../lib/sources/source-context";
import { useNow } from "./use-now";

/**
 * Which mode brings the data, with live updates configured: "live" while every source's socket is up, "live
 * updates paused, polling" while one is not (polling at the normal cadence), "polling" while connecting.
 * Without an `events` block nothing is said: polling is all there is.
 */
function useLiveMode(): string | undefined {
  const sources = useSources();
  return useSyncExternalStore(
    (listener) => {
      const stops = sources.map((source) => source.live.subscribe(listener));
      return () => stops.forEach((stop) => stop());
    },
    () => {
      const modes = sources.map((source) => source.live.state()?.mode);
      if (modes.every((mode) => mode === undefined)) return undefined;
      if (modes.includes("paused")) return "live updates paused, polling";
      return modes.every((mode) => mode === "live" || mode === undefined) ? "live" : "polling";
    },
  );
}

/** "Updated 12 s ago"; once data is older than `staleAfterMs` it says so in words, not just in colour. */
export function Staleness({ updatedAt, staleAfterMs }: { updatedAt: number; staleAfterMs: number }) {
  const now = useNow();
  const mode = useLiveMode();
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
      {mode && (
        <span className={mode === "live updates paused, polling" ? "font-semibold text-amber-800 dark:text-amber-300" : undefined}>
          {" · "}
          {mode === "live" ? "Live" : mode === "polling" ? "Polling" : "Live updates paused, polling"}
        </span>
      )}
    </span>
  );
}

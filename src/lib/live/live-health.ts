import { queryOptions } from "@tanstack/react-query";
import type { LiveMode } from "../../core/live/connection";

/**
 * One source's live-updates state as the polling policy reads it: plain fields the live client (./live-updates,
 * loaded only with an `events` block) sets. The header reads the page's mode from the query cache
 * (LIVE_MODE_KEY), which re-renders it; kept this small because it is in the first page's script.
 */
export interface LiveHealth {
  mode: LiveMode | undefined;
  /** config events.safetyIntervalSeconds, in ms (undefined without live updates). */
  readonly safetyMs: number | undefined;
}

export const createLiveHealth = (safetySeconds: number | undefined): LiveHealth => ({ mode: undefined, safetyMs: safetySeconds && safetySeconds * 1000 });

/** The page's mode for the freshness indicator: "Live", "Polling" (connecting), "Live updates paused, polling", or nothing (no events). */
export const LIVE_MODE_KEY = ["live-mode"] as const;

/** Never fetched: only live updates set it (setQueryData). */
export const liveModeQuery = queryOptions<string>({ queryKey: LIVE_MODE_KEY, enabled: false });

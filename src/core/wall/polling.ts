/**
 * Polling cadence for a screen nobody watches over: the configured interval while things work, capped
 * exponential backoff with jitter while they fail (throttling, outages, expired credentials), back to normal
 * on the first success. React Query keeps the last good data meanwhile.
 */

export const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Next poll delay after `failures` consecutive failures. The first failure is retried at the next refresh (one
 * failure may be a blip; two make data stale, `isStale`), then the delay doubles per failure. `random` in [0,1)
 * spreads the pipelines' retries so they do not hit a recovering API in one burst (±20 %). Never below the base
 * interval.
 */
export function pollDelay(baseMs: number, failures: number, random = 0.5): number {
  if (failures <= 1) return baseMs;
  const backedOff = Math.min(Math.max(baseMs, MAX_BACKOFF_MS), baseMs * 2 ** Math.min(failures - 1, 16));
  const jitter = 1 + (random - 0.5) * 0.4;
  return Math.max(baseMs, Math.round(backedOff * jitter));
}

/**
 * A jitter draw in [0,1) that is the same every time it is asked for the same query and failure count. React
 * Query re-evaluates `refetchInterval` on every render and restarts its timer whenever the value differs, so a
 * fresh `Math.random()` per call would keep pushing a failing query's next poll away while the screen re-renders
 * (its clock ticks every second), and it would never retry. Different queries still get different draws.
 */
export function stableJitter(queryHash: string, failures: number): number {
  // FNV-1a: tiny, and spreads similar keys (pipelines differing by one letter) apart.
  let hash = 0x811c9dc5;
  for (const ch of `${queryHash}#${failures}`) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

/** ListPipelines runs slower than state polling (the set of pipelines changes rarely): ≥ 4 × refresh, ≥ 1 min. */
export function listIntervalMs(refreshMs: number, configuredListMs: number): number {
  return Math.max(configuredListMs, 4 * refreshMs, 60_000);
}

/** Rarely changing data: tags (only with a tag filter) and execution history for the expected duration. */
export const TAGS_INTERVAL_MS = 30 * 60_000;
export const HISTORY_INTERVAL_MS = 30 * 60_000;
/** Executions read for the expected duration (median of the successful ones, see core/durations). */
export const HISTORY_SIZE = 20;

/**
 * When the wall calls data stale. Apart from its polling cadences (./polling.ts), which the first page loads with
 * the polling policy: only the wall needs this.
 */

/** Failed refreshes in a row after which the wall calls a pipeline's data stale. */
export const STALE_AFTER_FAILURES = 2;

/**
 * Whether data the wall shows is stale: two refreshes in a row have failed (about 20 s after the last good read
 * at a 10 s refresh, 60 s at 30 s, plus the SDK's retries of each read), or, as a safety net for a read that never answers at all (a hung connection fails
 * nothing), it is older than max(3 × refresh, 30 s). Never-read data is not stale: it is loading.
 */
export function isStale(read: { updatedAt: number; failures: number }, now: number, refreshMs: number): boolean {
  return read.updatedAt > 0 && (read.failures >= STALE_AFTER_FAILURES || now - read.updatedAt > unansweredAfterMs(refreshMs));
}

/** How long without any answer, failed or not, before data is stale anyway: three refreshes, at least 30 s. */
export function unansweredAfterMs(refreshMs: number): number {
  return Math.max(3 * refreshMs, 30_000);
}

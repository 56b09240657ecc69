import { describe, expect, it } from "vitest";
import { isStale, listIntervalMs, MAX_BACKOFF_MS, pollDelay, stableJitter, unansweredAfterMs } from "./polling";

describe("pollDelay", () => {
  it("is the interval while all is well", () => {
    expect(pollDelay(30_000, 0)).toBe(30_000);
  });
  it("retries a first failure at the next refresh, then doubles per failure, capped, never below the interval", () => {
    expect(pollDelay(30_000, 1)).toBe(30_000);
    expect(pollDelay(30_000, 2)).toBe(60_000);
    expect(pollDelay(30_000, 3)).toBe(120_000);
    expect(pollDelay(30_000, 20)).toBe(MAX_BACKOFF_MS);
    expect(pollDelay(30_000, 2, 0)).toBe(48_000);
    expect(pollDelay(30_000, 2, 0.999)).toBeLessThanOrEqual(72_000);
    // An interval beyond the cap is kept as is.
    expect(pollDelay(600_000, 3)).toBe(600_000);
  });
});

describe("thresholds", () => {
  for (const refreshMs of [10_000, 30_000]) {
    it(`calls data stale once two refreshes in a row have failed, at a ${refreshMs / 1000} s refresh`, () => {
      const now = 1_000_000;
      // Last good read, then a failed refresh at each interval; with the first failure retried at once (pollDelay).
      const after = (failures: number) => ({ updatedAt: now - failures * refreshMs - 500, failures });
      expect(isStale(after(0), now, refreshMs)).toBe(false);
      expect(isStale(after(1), now, refreshMs)).toBe(false);
      expect(isStale(after(2), now, refreshMs)).toBe(true);
      // Stale after two refresh intervals, not after max(3 × refresh, 30 s) as it used to be.
      expect(after(2).updatedAt).toBeGreaterThan(now - unansweredAfterMs(refreshMs));
    });
  }
  it("calls data stale anyway when nothing answered, failure or not, for three refreshes (at least 30 s)", () => {
    expect(unansweredAfterMs(30_000)).toBe(90_000);
    expect(unansweredAfterMs(5_000)).toBe(30_000);
    expect(isStale({ updatedAt: 1, failures: 0 }, 90_002, 30_000)).toBe(true);
    expect(isStale({ updatedAt: 0, failures: 5 }, 90_002, 30_000)).toBe(false);
  });
  it("lists pipelines at least four times slower than it polls states, and at most once a minute", () => {
    expect(listIntervalMs(30_000, 60_000)).toBe(120_000);
    expect(listIntervalMs(5_000, 5_000)).toBe(60_000);
    expect(listIntervalMs(5_000, 300_000)).toBe(300_000);
  });
});

describe("stableJitter", () => {
  it("gives the same draw for the same query and failure count, so a re-render does not move the next retry", () => {
    expect(stableJitter('["codepipeline","prod","pipeline","web","state"]', 2)).toBe(stableJitter('["codepipeline","prod","pipeline","web","state"]', 2));
  });
  it("spreads queries and failure counts over [0, 1)", () => {
    const draws = ["web", "wen", "api", "orders"].flatMap((name) => [1, 2, 3].map((f) => stableJitter(name, f)));
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    expect(new Set(draws).size).toBe(draws.length);
  });
});

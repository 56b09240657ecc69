import { describe, expect, it } from "vitest";
import { isStale, unansweredAfterMs } from "./staleness";

describe("isStale", () => {
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
});

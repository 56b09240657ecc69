import { describe, expect, it } from "vitest";
import { listIntervalMs, MAX_BACKOFF_MS, pollDelay, stableJitter } from "./polling";

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

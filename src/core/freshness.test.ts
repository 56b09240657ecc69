import { describe, expect, it } from "vitest";
import { describeFreshness, freshnessOf, type ShownRead } from "./freshness";

const NOW = 1_000_000;
const read = (ageSeconds: number, sourceId = "dev", stale = false): ShownRead => ({ updatedAt: NOW - ageSeconds * 1000, stale, sourceId });
const say = (reads: ShownRead[], staleAfterMs?: number) => describeFreshness(freshnessOf(reads, NOW, staleAfterMs), NOW);

describe("freshness of what a page shows", () => {
  it("gives the age of the oldest part, not the newest", () => {
    expect(say([read(0), read(25), read(3)])).toBe("Updated 25 s ago");
    expect(freshnessOf([read(0), read(25)], NOW)).toEqual({ kind: "current", since: NOW - 25_000 });
  });

  it("says some pipelines are old when a few reads fail among current ones of the same source", () => {
    expect(say([read(0), read(2), read(70, "dev", true)])).toBe("Some pipelines are 1 min 10 s old");
    // Failing reads in every source, each beside current ones: still pipelines, not whole sources.
    expect(say([read(0, "dev"), read(40, "dev", true), read(1, "prod"), read(30, "prod", true)])).toBe("Some pipelines are 40 s old");
  });

  it("says some sources are old when a source has nothing current while another has", () => {
    expect(say([read(1, "dev"), read(2, "dev"), read(95, "prod-eu", true), read(60, "prod-eu", true)])).toBe("Some sources are 1 min 35 s old");
  });

  it("says all of it is stale, from the oldest part, when nothing is current", () => {
    expect(say([read(30, "dev", true), read(90, "prod", true)])).toBe("Stale: updated 1 min 30 s ago");
  });

  it("counts data older than the page's threshold as stale, failing or not", () => {
    expect(say([read(1), read(200)], 120_000)).toBe("Some pipelines are 3 min 20 s old");
    expect(say([read(200)], 120_000)).toBe("Stale: updated 3 min 20 s ago");
    expect(say([read(100)], 120_000)).toBe("Updated 1 min 40 s ago");
  });

  it("leaves out what was never read, and is loading until something was", () => {
    expect(say([])).toBe("Loading…");
    expect(say([{ updatedAt: 0, stale: true, sourceId: "broken" }])).toBe("Loading…");
    expect(say([read(4), { updatedAt: 0, stale: true, sourceId: "broken" }])).toBe("Updated 4 s ago");
  });

  it("never says a negative age (a clock slightly behind the data's)", () => {
    expect(say([read(-3)])).toBe("Updated 0 s ago");
  });
});

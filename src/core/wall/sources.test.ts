import { describe, expect, it } from "vitest";
import { combineProblems, selectSources, sourceProblems, wallSourceId, type SourceFeed } from "./sources";

const dev = { id: "us-east-1@host", isDefault: true };
const prod = { id: "prod", isDefault: false };
const prodEu = { id: "prod-eu", isDefault: false };
const all = [dev, prod, prodEu];

describe("selectSources", () => {
  it("shows every source unless some are named, in config order", () => {
    expect(selectSources(all, [])).toEqual(all);
    expect(selectSources(all, ["prod-eu", "default"])).toEqual([dev, prodEu]);
  });
  it("names the top-level source `default` and falls back to all when nothing named exists", () => {
    expect(wallSourceId(dev)).toBe("default");
    expect(selectSources(all, ["us-east-1@host"])).toEqual(all);
  });
});

describe("sourceProblems", () => {
  const NOW = 1_000_000;
  const STALE = 30_000;
  const feed = (id: string, over: Partial<SourceFeed> = {}): SourceFeed => ({
    id,
    label: id.toUpperCase(),
    listed: true,
    listFailing: false,
    listUpdatedAt: NOW - 1000,
    ...over,
  });

  it("says nothing while every source answers", () => {
    expect(sourceProblems([feed("a"), feed("b")], [{ sourceId: "a", stale: false, updatedAt: NOW }], NOW, STALE)).toEqual([]);
  });

  it("reports a source that never answered, and only that one", () => {
    expect(sourceProblems([feed("a"), feed("broken", { listed: false, listFailing: true })], [], NOW, STALE)).toEqual([
      { id: "broken", label: "BROKEN", kind: "unreachable" },
    ]);
    // Still loading is not a problem.
    expect(sourceProblems([feed("slow", { listed: false })], [], NOW, STALE)).toEqual([]);
  });

  it("reports a source whose tiles went stale, with its oldest data, leaving the others alone", () => {
    const tiles = [
      { sourceId: "eu", stale: true, updatedAt: NOW - 60_000 },
      { sourceId: "eu", stale: false, updatedAt: NOW - 20_000 },
      { sourceId: "us", stale: false, updatedAt: NOW - 1000 },
    ];
    expect(sourceProblems([feed("us"), feed("eu", { listFailing: true })], tiles, NOW, STALE)).toEqual([
      { id: "eu", label: "EU", kind: "stale", since: NOW - 60_000 },
    ]);
  });

  it("reports a failing list past the stale threshold even without tiles", () => {
    const failing = feed("eu", { listFailing: true, listUpdatedAt: NOW - 40_000 });
    expect(sourceProblems([failing], [], NOW, STALE)).toEqual([{ id: "eu", label: "EU", kind: "stale", since: NOW - 40_000 }]);
    expect(sourceProblems([{ ...failing, listUpdatedAt: NOW - 10_000 }], [], NOW, STALE)).toEqual([]);
  });

  it("trusts fresh state reads over a list failure the slow list poll has not yet cleared", () => {
    const failing = feed("eu", { listFailing: true, listUpdatedAt: NOW - 400_000 });
    expect(sourceProblems([failing], [{ sourceId: "eu", stale: false, updatedAt: NOW - 1000 }], NOW, STALE)).toEqual([]);
  });
});

describe("combineProblems", () => {
  const stale = (id: string, since: number) => ({ id, label: id.toUpperCase(), kind: "stale" as const, since });
  const down = (id: string) => ({ id, label: id.toUpperCase(), kind: "unreachable" as const });
  it("leaves a single problem its own note", () => {
    expect(combineProblems([], 4)).toBeUndefined();
    expect(combineProblems([stale("prod", 5)], 4)).toBeUndefined();
  });
  it("says how many of how many, since the oldest data shown from them, naming each in order", () => {
    expect(combineProblems([stale("prod", 500), down("broken"), stale("prod-eu", 300)], 4)).toEqual({
      count: 3,
      total: 4,
      since: 300,
      labels: ["PROD", "BROKEN", "PROD-EU"],
    });
  });
  it("has no time when none of them ever answered", () => {
    expect(combineProblems([down("a"), down("b")], 2)?.since).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { compileNameFilter, isDimmed, matchesTags, parseWallOptions, wallSearch, WALL_DEFAULTS } from "./options";

const parse = (q: string) => parseWallOptions(new URLSearchParams(q));

describe("parseWallOptions", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parse("")).toEqual({ options: WALL_DEFAULTS, ignored: [] });
  });

  it("reads every option", () => {
    const { options, ignored } = parse(
      "filter=web-*&tag=team%3Dweb&tag=pci&hideHealthy=1&columns=4&rotate=30&theme=light&refresh=15&dim=22-7",
    );
    expect(ignored).toEqual([]);
    expect(options).toEqual({
      filter: "web-*",
      tags: [{ key: "team", value: "web" }, { key: "pci" }],
      hideHealthy: true,
      columns: 4,
      rotateSeconds: 30,
      theme: "light",
      refreshSeconds: 15,
      dim: { from: 22, to: 7 },
      sources: [],
    });
  });

  it("falls back to the default for each bad value and says why", () => {
    const { options, ignored } = parse("refresh=1&columns=99&theme=pink&rotate=abc&dim=25-3&filter=/(/&colour=red");
    expect(options).toEqual(WALL_DEFAULTS);
    expect(ignored).toHaveLength(7);
    expect(ignored.join("\n")).toMatch(/refresh=1: must be at least 5/);
    expect(ignored.join("\n")).toMatch(/columns=99: must be at most 12/);
    expect(ignored.join("\n")).toMatch(/filter=\/\(\/: not a valid regular expression/);
    expect(ignored.join("\n")).toMatch(/colour: unknown parameter/);
  });

  it("accepts auto columns, rotation off and bare hideHealthy", () => {
    const { options } = parse("columns=auto&rotate=off&hideHealthy");
    expect(options).toMatchObject({ columns: 0, rotateSeconds: 0, hideHealthy: true });
  });

  it("round-trips through wallSearch, leaving defaults out", () => {
    expect(wallSearch(WALL_DEFAULTS)).toBe("");
    const q = "filter=%2F%5Eweb%2Fi&tag=team%3Dweb&hideHealthy=1&columns=3&rotate=0&theme=light&refresh=10&dim=20-6";
    const { options } = parse(q);
    expect(parse(wallSearch(options).slice(1)).options).toEqual(options);
  });
});

describe("the sources option", () => {
  const ids = ["default", "prod", "prod-eu"];
  it("keeps the known ids and names the unknown ones in the ignored note", () => {
    const { options, ignored } = parseWallOptions(new URLSearchParams("sources=prod,nope prod-eu,prod"), ids);
    expect(options.sources).toEqual(["prod", "prod-eu"]);
    expect(ignored).toEqual(['sources=prod,nope prod-eu,prod: unknown source "nope" (known: default, prod, prod-eu)']);
  });
  it("falls back to every source when none is known, and without a config naming any", () => {
    expect(parseWallOptions(new URLSearchParams("sources=x"), ids)).toMatchObject({ options: { sources: [] }, ignored: [expect.stringContaining('"x"')] });
    expect(parse("sources=prod")).toMatchObject({ options: { sources: [] }, ignored: ['sources=prod: unknown source "prod"'] });
  });
  it("round-trips through wallSearch", () => {
    const { options } = parseWallOptions(new URLSearchParams("sources=prod-eu,default"), ids);
    expect(wallSearch(options)).toBe("?sources=prod-eu%2Cdefault");
    expect(parseWallOptions(new URLSearchParams(wallSearch(options).slice(1)), ids).options).toEqual(options);
  });
});

describe("compileNameFilter", () => {
  it("matches globs over the whole name, case-insensitively, several at once", () => {
    const match = compileNameFilter("web-* *-API");
    expect(["web-storefront", "orders-api", "api-gateway", "checkout-api-v2"].map(match)).toEqual([true, true, false, false]);
    expect(compileNameFilter("?rders-api")("orders-api")).toBe(true);
    expect(compileNameFilter("a.b")("axb")).toBe(false);
  });

  it("treats /…/flags as a regular expression", () => {
    expect(compileNameFilter("/^(orders|checkout)-/")("orders-api")).toBe(true);
    expect(compileNameFilter("/API$/i")("orders-api")).toBe(true);
    expect(compileNameFilter("/API$/")("orders-api")).toBe(false);
  });

  it("matches everything when blank", () => {
    expect(compileNameFilter("  ")("x")).toBe(true);
  });
});

describe("matchesTags", () => {
  const tags = [
    { key: "team", value: "web" },
    { key: "env", value: "prod" },
  ];
  it("needs every filter to hold", () => {
    expect(matchesTags(tags, [{ key: "team", value: "web" }, { key: "env" }])).toBe(true);
    expect(matchesTags(tags, [{ key: "team", value: "web" }, { key: "env", value: "dev" }])).toBe(false);
    expect(matchesTags(tags, [{ key: "compliance" }])).toBe(false);
  });
});

describe("isDimmed", () => {
  const at = (h: number) => new Date(2025, 0, 1, h, 30);
  it("wraps midnight", () => {
    const dim = { from: 22, to: 7 };
    expect([21, 22, 23, 0, 6, 7].map((h) => isDimmed(dim, at(h)))).toEqual([false, true, true, true, true, false]);
  });
  it("handles a daytime range and none", () => {
    expect(isDimmed({ from: 12, to: 13 }, at(12))).toBe(true);
    expect(isDimmed(undefined, at(12))).toBe(false);
  });
});

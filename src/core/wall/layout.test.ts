import { describe, expect, it } from "vitest";
import { burnInOffset, gridFor, MAX_COLUMNS, MAX_ROWS, pageOf } from "./layout";

describe("gridFor", () => {
  it("gives one big tile for one pipeline", () => {
    expect(gridFor(1, 1920, 1000)).toEqual({ columns: 1, rows: 1, perPage: 1 });
  });

  it("fits everything on one screen when it can, keeping tiles as large as possible", () => {
    const g = gridFor(14, 1920, 1000);
    expect(g.columns * g.rows).toBeGreaterThanOrEqual(14);
    expect(g.columns).toBeLessThanOrEqual(MAX_COLUMNS);
    expect(g.rows).toBeLessThanOrEqual(MAX_ROWS);
    // 14 on a 16:9 screen: 4 × 4 or 5 × 3, not 14 × 1.
    expect(g.columns).toBeGreaterThanOrEqual(4);
  });

  it("caps the grid for readability, so more tiles mean pages", () => {
    const g = gridFor(500, 3840, 2000);
    expect(g.perPage).toBeLessThanOrEqual(MAX_COLUMNS * MAX_ROWS);
    expect(g.perPage).toBeGreaterThanOrEqual(20);
  });

  it("honours a fixed column count", () => {
    const g = gridFor(9, 1920, 1000, 3);
    expect(g).toMatchObject({ columns: 3, rows: 3 });
  });
});

describe("pageOf", () => {
  const items = Array.from({ length: 10 }, (_, i) => i);
  it("shows all on one page when they fit", () => {
    expect(pageOf(items, 12, 10_000, 0)).toEqual({ items, page: 0, pages: 1, hidden: [] });
  });
  it("rotates pages by the clock", () => {
    expect(pageOf(items, 4, 10_000, 0)).toMatchObject({ items: [0, 1, 2, 3], page: 0, pages: 3 });
    expect(pageOf(items, 4, 10_000, 10_000)).toMatchObject({ items: [4, 5, 6, 7], page: 1 });
    expect(pageOf(items, 4, 10_000, 25_000)).toMatchObject({ items: [8, 9], page: 2 });
    expect(pageOf(items, 4, 10_000, 30_000)).toMatchObject({ page: 0 });
  });
  it("keeps the last slot for '+N more' without rotation", () => {
    expect(pageOf(items, 4, 0, 0)).toEqual({ items: [0, 1, 2], page: 0, pages: 1, hidden: [3, 4, 5, 6, 7, 8, 9] });
  });
});

describe("burnInOffset", () => {
  it("moves a few pixels per step and comes back", () => {
    const step = 60_000;
    const offsets = Array.from({ length: 9 }, (_, i) => burnInOffset(i * step, step, 4));
    expect(offsets[0]).toEqual({ x: 0, y: 0 });
    expect(offsets[8]).toEqual({ x: 0, y: 0 });
    expect(new Set(offsets.map((o) => `${o.x},${o.y}`)).size).toBe(8);
    expect(offsets.every((o) => Math.abs(o.x) <= 4 && Math.abs(o.y) <= 4)).toBe(true);
  });
});

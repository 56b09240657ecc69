import { describe, expect, it } from "vitest";
import { describeFreshness, freshnessOf } from "../../core/freshness";
import type { Source } from "../../lib/aws/source";
import { overviewReads } from "./overview-reads";
import type { OverviewRow, SourceList } from "./use-overview";

/** A source of which only `inView` is on screen. */
const source = (id: string, inView: string[]) => ({ id, isVisible: (name: string) => inView.includes(name) }) as Partial<Source> as Source;
const row = (src: Source, name: string, updatedAt: number, error: Error | null = null) => ({ key: `${src.id}/${name}`, name, source: src, updatedAt, error }) as Partial<OverviewRow> as OverviewRow;
const list = (src: Source, dataUpdatedAt: number, error: Error | null = null): SourceList => ({ source: src, dataUpdatedAt, error, isPending: false });

const now = 1_000_000;
const header = (rows: OverviewRow[], lists: SourceList[]) => describeFreshness(freshnessOf(overviewReads(rows, lists), now), now);

describe("the overview's freshness", () => {
  it("speaks of the rows in view, not of working rows out of view, which are read every few minutes", () => {
    const dev = source("dev", ["orders"]);
    const rows = [row(dev, "orders", now - 5_000), row(dev, "billing", now - 240_000)];
    expect(header(rows, [list(dev, now - 50_000)])).toBe("Updated 5 s ago");
  });

  it("counts a failing row out of view and a failing list, whatever is in view", () => {
    const dev = source("dev", ["orders"]);
    const prod = source("prod", []);
    const rows = [row(dev, "orders", now - 5_000), row(prod, "orders", now - 70_000, new Error("down"))];
    expect(header(rows, [list(dev, now - 30_000), list(prod, now - 90_000, new Error("down"))])).toBe("Some sources are 1 min 30 s old");
  });

  it("speaks of the pipeline lists while no row is in view", () => {
    const dev = source("dev", []);
    expect(header([row(dev, "orders", now - 5_000)], [list(dev, now - 40_000)])).toBe("Updated 40 s ago");
  });
});

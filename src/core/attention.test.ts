import { describe, expect, it } from "vitest";
import { sortPipelines, type SortablePipeline } from "./attention";

const at = (minutesAgo: number) => new Date(Date.UTC(2025, 0, 10, 12, 0) - minutesAgo * 60_000);
const p = (name: string, health: SortablePipeline["health"], minutesAgo?: number, favourite = false): SortablePipeline => ({
  name,
  health,
  lastChangedAt: minutesAgo === undefined ? undefined : at(minutesAgo),
  favourite,
});

const names = (list: SortablePipeline[]) => list.map((x) => x.name);

describe("sortPipelines", () => {
  const pipelines = [
    p("green-old", "succeeded", 300),
    p("running", "in-progress", 2),
    p("never-ran", "unknown"),
    p("broken", "failed", 50),
    p("approve-me", "waiting-for-approval", 10),
    p("green-new", "succeeded", 1),
    p("broken-recent", "failed", 5),
    p("halted", "stopped", 20),
  ];

  it("puts failed, then waiting for approval, then in progress first; newest first within a status", () => {
    expect(names(sortPipelines(pipelines, "attention"))).toEqual([
      "broken-recent",
      "broken",
      "approve-me",
      "running",
      "halted",
      "green-new",
      "green-old",
      "never-ran",
    ]);
  });

  it("sorts by name naturally and case-insensitively", () => {
    const list = [p("svc-10", "failed"), p("Svc-2", "succeeded"), p("alpha", "unknown")];
    expect(names(sortPipelines(list, "name"))).toEqual(["alpha", "Svc-2", "svc-10"]);
  });

  it("sorts by last change, newest first, never-changed last", () => {
    expect(names(sortPipelines(pipelines, "last-change")).slice(0, 3)).toEqual(["green-new", "running", "broken-recent"]);
    expect(names(sortPipelines(pipelines, "last-change")).at(-1)).toBe("never-ran");
  });

  it("pins favourites on top in every order", () => {
    const withFavourite = [...pipelines, p("my-service", "succeeded", 1000, true)];
    expect(names(sortPipelines(withFavourite, "attention"))[0]).toBe("my-service");
    expect(names(sortPipelines(withFavourite, "name"))[0]).toBe("my-service");
  });

  it("does not mutate its input", () => {
    const copy = [...pipelines];
    sortPipelines(pipelines, "name");
    expect(pipelines).toEqual(copy);
  });
});

import { describe, expect, it } from "vitest";
import { countHealth, filterPipelines } from "./filter";
import type { PipelineHealth } from "./status";

const list: { name: string; health: PipelineHealth }[] = [
  { name: "web-frontend", health: "failed" },
  { name: "Web-API", health: "succeeded" },
  { name: "billing", health: "waiting-for-approval" },
  { name: "search-indexer", health: "in-progress" },
];

describe("filterPipelines", () => {
  it("matches a name substring regardless of case", () => {
    expect(filterPipelines(list, { search: " WEB ", statuses: [] }).map((p) => p.name)).toEqual(["web-frontend", "Web-API"]);
  });
  it("keeps only the chosen statuses", () => {
    expect(filterPipelines(list, { search: "", statuses: ["failed", "in-progress"] }).map((p) => p.name)).toEqual([
      "web-frontend",
      "search-indexer",
    ]);
  });
  it("combines search and status", () => {
    expect(filterPipelines(list, { search: "web", statuses: ["succeeded"] }).map((p) => p.name)).toEqual(["Web-API"]);
  });
});

describe("countHealth", () => {
  it("counts failing, in progress and waiting separately", () => {
    expect(countHealth(list)).toEqual({ failed: 1, inProgress: 1, waitingForApproval: 1, total: 4 });
  });
});

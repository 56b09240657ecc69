import type { PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { describeRun, failingFor, failingSince, stripRuns } from "./recent-runs";
import { runHealth } from "./status";

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));
/** Newest first, as ListPipelineExecutions answers; each run ends 5 minutes after it starts. */
function runs(...statuses: string[]): PipelineExecutionSummary[] {
  return statuses.map((status, i) => ({
    pipelineExecutionId: `e${statuses.length - i}`,
    status: status as PipelineExecutionSummary["status"],
    startTime: at((statuses.length - i) * 10),
    lastUpdateTime: at((statuses.length - i) * 10 + 5),
  }));
}

describe("failingSince", () => {
  it("dates the red from the oldest failure after the last success, across stopped and superseded runs", () => {
    expect(failingSince(runs("Failed", "Superseded", "Failed", "Stopped", "Succeeded", "Failed"))).toEqual({
      executionId: "e4",
      since: at(45),
      atLeast: false,
    });
  });

  it("keeps a pipeline red while a newer run is still going", () => {
    expect(failingSince(runs("InProgress", "Failed", "Succeeded"))).toMatchObject({ executionId: "e2", since: at(25) });
  });

  it("says 'at least' when no success is among the runs read", () => {
    expect(failingSince(runs("Failed", "Failed"))).toEqual({ executionId: "e1", since: at(15), atLeast: true });
  });

  it("is nothing when the newest finished run did not fail", () => {
    expect(failingSince(runs("Succeeded", "Failed"))).toBeUndefined();
    expect(failingSince(runs("Stopped", "Failed"))).toBeUndefined();
    expect(failingSince([])).toBeUndefined();
    expect(failingSince(undefined)).toBeUndefined();
  });
});

describe("stripRuns", () => {
  it("keeps the newest `limit` runs, oldest first", () => {
    expect(stripRuns(runs("Failed", "Succeeded", "Stopped"), 2).map((r) => r.pipelineExecutionId)).toEqual(["e2", "e3"]);
  });
});

describe("runHealth", () => {
  it("names each execution status as a health, unknown for the unexpected", () => {
    expect(["Succeeded", "Failed", "Stopping", "Superseded", "Weird", undefined].map(runHealth)).toEqual([
      "succeeded",
      "failed",
      "in-progress",
      "superseded",
      "unknown",
      "unknown",
    ]);
  });
});

describe("describeRun and failingFor", () => {
  const now = at(60);
  it("says status, start, duration and trigger", () => {
    const [run] = runs("Failed");
    const text = describeRun({ ...run, trigger: { triggerType: "WebhookV2" } }, now);
    expect(text).toMatch(/^Failed · started .+ · took 5 min · trigger WebhookV2$/);
    expect(describeRun({ ...run, status: "InProgress" }, now)).toContain("running for 50 min");
  });

  it("counts the red from the failure", () => {
    expect(failingFor({ executionId: "e1", since: at(0), atLeast: false }, new Date(at(0).getTime() + 192 * 60_000))).toBe("failing for 3 h 12 min");
    expect(failingFor({ executionId: "e1", since: at(0), atLeast: true }, at(30))).toBe("failing for at least 30 min");
  });

  it("a failure stamped after the browser's clock reads as just failed, not as a dash", () => {
    expect(failingFor({ executionId: "e1", since: at(1), atLeast: false }, at(0))).toBe("failing for 0 s");
    const [run] = runs("InProgress");
    expect(describeRun(run, new Date(run.startTime!.getTime() - 3_000))).toContain("running for 0 s");
  });
});

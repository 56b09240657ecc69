import { describe, expect, it } from "vitest";
import type { ActionExecutionDetail } from "@aws-sdk/client-codepipeline";
import {
  actionKey,
  elapsedStatus,
  expectedActionDurations,
  expectedPipelineDuration,
  expectedStageDurations,
  median,
  overdueThreshold,
} from "./durations";

const t0 = Date.UTC(2025, 0, 1);
const run = (
  exec: string,
  stage: string,
  action: string,
  startS: number,
  durS: number,
  status: ActionExecutionDetail["status"] = "Succeeded",
): ActionExecutionDetail => ({
  pipelineExecutionId: exec,
  stageName: stage,
  actionName: action,
  startTime: new Date(t0 + startS * 1000),
  lastUpdateTime: new Date(t0 + (startS + durS) * 1000),
  status,
});

describe("median", () => {
  it("handles odd, even and empty inputs", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe("expectedActionDurations", () => {
  it("takes the median of successful runs only and ignores a slow outlier", () => {
    const details = [
      run("e1", "Build", "Compile", 0, 100),
      run("e2", "Build", "Compile", 1000, 110),
      run("e3", "Build", "Compile", 2000, 900), // outlier
      run("e4", "Build", "Compile", 3000, 105),
      run("e5", "Build", "Compile", 4000, 5, "Failed"),
    ];
    const est = expectedActionDurations(details).get(actionKey("Build", "Compile"));
    expect(est).toEqual({ expectedMs: 107_500, samples: 4 });
  });

  it("gives no estimate below three successful runs", () => {
    expect(expectedActionDurations([run("e1", "S", "A", 0, 10), run("e2", "S", "A", 100, 10)]).size).toBe(0);
  });

  it("uses only the ten most recent runs", () => {
    const details = [
      ...Array.from({ length: 10 }, (_, i) => run(`new${i}`, "S", "A", 10_000 + i * 100, 60)),
      ...Array.from({ length: 20 }, (_, i) => run(`old${i}`, "S", "A", i * 100, 600)),
    ];
    expect(expectedActionDurations(details).get(actionKey("S", "A"))).toEqual({ expectedMs: 60_000, samples: 10 });
  });
});

describe("expectedStageDurations", () => {
  it("spans first start to last end per execution, skipping executions where the stage failed", () => {
    const details = [
      ...["e1", "e2", "e3"].flatMap((e, i) => [run(e, "Deploy", "A", i * 1000, 30), run(e, "Deploy", "B", i * 1000 + 30, 60)]),
      run("e4", "Deploy", "A", 5000, 30),
      run("e4", "Deploy", "B", 5030, 5, "Failed"),
    ];
    expect(expectedStageDurations(details).get("Deploy")).toEqual({ expectedMs: 90_000, samples: 3 });
  });
});

describe("expectedPipelineDuration", () => {
  it("uses succeeded summaries", () => {
    const s = (st: number, d: number, status: "Succeeded" | "Failed" = "Succeeded") => ({
      pipelineExecutionId: String(st),
      status,
      startTime: new Date(t0 + st * 1000),
      lastUpdateTime: new Date(t0 + (st + d) * 1000),
    });
    expect(expectedPipelineDuration([s(0, 300), s(1000, 320), s(2000, 10, "Failed"), s(3000, 310)])).toEqual({
      expectedMs: 310_000,
      samples: 3,
    });
  });
});

describe("overdue", () => {
  it("uses 1.5× expected for long runs and expected + 2 min for short ones", () => {
    expect(overdueThreshold(40 * 60_000)).toBe(60 * 60_000);
    expect(overdueThreshold(20_000)).toBe(140_000);
  });

  it("flags only past the threshold", () => {
    const start = new Date(t0);
    const expected = { expectedMs: 600_000, samples: 5 };
    expect(elapsedStatus(start, t0 + 800_000, expected)).toMatchObject({ overdue: false, elapsedMs: 800_000 });
    expect(elapsedStatus(start, t0 + 900_001, expected)).toMatchObject({ overdue: true, overdueAfterMs: 900_000 });
    expect(elapsedStatus(start, t0 + 10_000_000)).toEqual({ elapsedMs: 10_000_000, overdue: false });
    expect(elapsedStatus(undefined, t0)).toBeUndefined();
  });
});

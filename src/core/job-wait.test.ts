import { describe, expect, it } from "vitest";
import { awaitsJobWorkerReport, JOB_WORKER_WAIT_THRESHOLD_MS, jobWorkerWait, type JobActionExecution } from "./job-wait";

const queuedAt = new Date("2025-03-01T10:00:00Z");
const after = (ms: number) => new Date(queuedAt.getTime() + ms);
const waiting: JobActionExecution = { status: "InProgress", lastStatusChange: queuedAt };
const threshold = JOB_WORKER_WAIT_THRESHOLD_MS;

describe("jobWorkerWait", () => {
  it("flags a custom or third-party job with nothing reported once the threshold has passed", () => {
    expect(jobWorkerWait("Custom", waiting, after(threshold))).toEqual({ since: queuedAt, waitedMs: threshold });
    expect(jobWorkerWait("ThirdParty", waiting, after(10 * 60_000))).toEqual({ since: queuedAt, waitedMs: 10 * 60_000 });
  });

  it("gives a fresh job time to be picked up", () => {
    expect(jobWorkerWait("Custom", waiting, after(threshold - 1000))).toBeUndefined();
    expect(jobWorkerWait("Custom", waiting, after(5 * 60_000), 10 * 60_000)).toBeUndefined();
  });

  it("never flags AWS actions, which run inside CodePipeline", () => {
    expect(jobWorkerWait("AWS", waiting, after(60 * 60_000))).toBeUndefined();
    expect(jobWorkerWait(undefined, waiting, after(60 * 60_000))).toBeUndefined();
  });

  it("stops as soon as a worker reports anything", () => {
    const late = after(60 * 60_000);
    expect(jobWorkerWait("Custom", { ...waiting, summary: "Step 1 of 3 done" }, late)).toBeUndefined();
    expect(jobWorkerWait("Custom", { ...waiting, percentComplete: 0 }, late)).toBeUndefined();
    expect(jobWorkerWait("Custom", { ...waiting, externalExecutionId: "run-1" }, late)).toBeUndefined();
    expect(jobWorkerWait("Custom", { ...waiting, externalExecutionUrl: "https://ci.example.com/runs/1" }, late)).toBeUndefined();
  });

  it("only applies to actions in progress with a known status change", () => {
    const late = after(60 * 60_000);
    for (const status of ["Succeeded", "Failed", "Abandoned"] as const) expect(jobWorkerWait("Custom", { ...waiting, status }, late)).toBeUndefined();
    expect(jobWorkerWait("Custom", undefined, late)).toBeUndefined();
    expect(jobWorkerWait("Custom", { status: "InProgress" }, late)).toBeUndefined();
  });
});

describe("awaitsJobWorkerReport", () => {
  it("is true for a job action in progress with nothing reported, whatever the time", () => {
    expect(awaitsJobWorkerReport("Custom", waiting)).toBe(true);
    expect(awaitsJobWorkerReport("ThirdParty", { status: "InProgress" })).toBe(true);
    expect(awaitsJobWorkerReport("Custom", { ...waiting, percentComplete: 10 })).toBe(false);
    expect(awaitsJobWorkerReport("AWS", waiting)).toBe(false);
  });
});

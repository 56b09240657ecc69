import { describe, expect, it } from "vitest";
import { OFFSCREEN_LIVE_SAFETY_MS, onWall, pollingPolicy, type Cadence } from "./policy";

const polling = { activeSeconds: 5, idleSeconds: 30, listSeconds: 60, offscreenSeconds: 300, maxConcurrentRequests: 4 };

/** The interval a cadence gives a query holding `data` after `failures` failed reads in a row (never a success). */
function every<T>(cadence: Cadence<T>, data?: T, failures = 0, status = failures > 0 ? "error" : "success") {
  const interval = cadence.refetchInterval;
  return typeof interval === "function" ? interval({ queryHash: '["q"]', state: { data, status, errorUpdateCount: failures } }) : interval;
}

const running = { stageStates: [{ latestExecution: { pipelineExecutionId: "x", status: "InProgress" as const } }] };
const idle = { stageStates: [{ latestExecution: { pipelineExecutionId: "x", status: "Succeeded" as const } }] };

describe("pollingPolicy.state", () => {
  it("polls a pipeline on screen fast while it runs and at the idle cadence otherwise", () => {
    expect(every(pollingPolicy.state(polling, "on-screen"), running)).toBe(5_000);
    expect(every(pollingPolicy.state(polling, "on-screen"), idle)).toBe(30_000);
  });

  it("reads a pipeline off screen at the off-screen cadence, and never again when that is 0", () => {
    const offScreen = pollingPolicy.state(polling, "off-screen");
    expect([every(offScreen), offScreen.staleTime]).toEqual([300_000, 300_000]);
    expect(pollingPolicy.state({ ...polling, offscreenSeconds: 0 }, "off-screen")).toEqual({ refetchInterval: false, staleTime: Infinity });
  });

  it("never polls a state the approvals read from the cache, and does not refetch it on focus", () => {
    expect(pollingPolicy.state(polling, "cached")).toEqual({ refetchInterval: false, refetchOnWindowFocus: false, staleTime: 300_000 });
  });

  it("polls the wall at its refresh while the tab is hidden, backing off while reads fail", () => {
    const wall = pollingPolicy.state(polling, onWall(15_000));
    expect(wall.refetchIntervalInBackground).toBe(true);
    expect(wall.retry).toBe(false);
    expect(every(wall, running)).toBe(15_000);
    // The first failure is retried at the next refresh (two failures make a tile stale), then it backs off.
    expect(every(wall, running, 1)).toBe(15_000);
    expect(every(wall, running, 3)).toBeGreaterThan(15_000 * 3);
    expect(every(wall, running, 3)).toBe(every(wall, running, 3));
  });
});

describe("pollingPolicy for the pipeline page", () => {
  it("reads one execution fast while it runs and four idle rounds apart once it is over", () => {
    expect(every(pollingPolicy.execution(polling), { status: "InProgress" })).toBe(5_000);
    expect(every(pollingPolicy.execution(polling), { status: "Succeeded" })).toBe(120_000);
  });

  it("keeps reading action runs until none is in progress, and after a failed read", () => {
    const done = [{ status: "Succeeded" as const }];
    expect(every(pollingPolicy.actionRuns(polling, false), done)).toBe(false);
    expect(every(pollingPolicy.actionRuns(polling, false), [{ status: "InProgress" as const }])).toBe(5_000);
    expect(every(pollingPolicy.actionRuns(polling, false), done, 1, "error")).toBe(5_000);
    expect(every(pollingPolicy.actionRuns(polling, true), done)).toBe(5_000);
  });
});

describe("pollingPolicy.declaration", () => {
  it("never re-reads a version, and on the wall retries only a failed read, backing off", () => {
    expect(pollingPolicy.declaration("on-screen", 3)).toEqual({ staleTime: Infinity });
    expect(pollingPolicy.declaration("on-screen", undefined)).toEqual({ staleTime: 30_000 });
    const wall = pollingPolicy.declaration(onWall(15_000), 3);
    expect(every(wall, { pipeline: {} })).toBe(false);
    expect(every(wall, undefined, 1)).toBeGreaterThanOrEqual(60_000);
    expect(every(wall, undefined, 4)).toBeGreaterThan(every(wall, undefined, 1) as number);
  });
});

describe("pollingPolicy.sweep", () => {
  const sweep = pollingPolicy.sweep(polling);
  it("re-reads lively pipelines at the idle cadence only while someone is eager for approvals", () => {
    expect(sweep.stateMs(true, true)).toBe(30_000);
    expect(sweep.stateMs(true, false)).toBe(300_000);
    expect(sweep.stateMs(false, true)).toBe(300_000);
    expect(sweep.tickMs).toBe(5_000);
  });
});

describe("pollingPolicy with live updates", () => {
  const live = (on: boolean) => ({ mode: on ? "live" : "paused", safetyMs: 60_000 });

  it("slows what polls on screen to the safety interval while the socket is live, and is back to normal the moment it is not", () => {
    const health = { mode: "live", safetyMs: 60_000 };
    const state = pollingPolicy.state(polling, "on-screen", health);
    expect(every(state, running)).toBe(60_000);
    expect(every(state, idle)).toBe(60_000);
    health.mode = "paused";
    expect(every(state, running)).toBe(5_000);
    expect(every(pollingPolicy.recentExecutions(polling, live(true)), [{ status: "InProgress" as const }])).toBe(60_000);
    expect(every(pollingPolicy.execution(polling, live(true)), { status: "InProgress" as const })).toBe(60_000);
    expect(every(pollingPolicy.latestExecution(polling, "on-screen", live(true)))).toBe(60_000);
    expect(every(pollingPolicy.actionRuns(polling, true, live(true)), [])).toBe(60_000);
  });

  it("never polls faster than it would without events, keeps repeating failed reads at the active cadence", () => {
    const slowIdle = { ...polling, idleSeconds: 120 };
    expect(every(pollingPolicy.state(slowIdle, "on-screen", live(true)), idle)).toBe(120_000);
    expect(every(pollingPolicy.actionRuns(polling, true, live(true)), undefined, 1, "error")).toBe(5_000);
    expect(every(pollingPolicy.state(polling, onWall(15_000), live(true)), running)).toBe(60_000);
    expect(every(pollingPolicy.state(polling, onWall(15_000), live(false)), running)).toBe(15_000);
  });
  it("the approvals sweep, too, leaves the reads to the events while live", () => {
    expect([pollingPolicy.sweep(polling, live(true)).stateMs(true, true), pollingPolicy.sweep(polling, live(true)).stateMs(false, false)]).toEqual([60_000, OFFSCREEN_LIVE_SAFETY_MS]);
    expect([pollingPolicy.sweep(polling, live(false)).stateMs(true, true), pollingPolicy.sweep(polling, live(false)).stateMs(false, false)]).toEqual([30_000, 300_000]);
  });

  it("off screen, leaves the reads to the events while live (a timer only as a safety net), at the off-screen cadence otherwise", () => {
    for (const read of [pollingPolicy.state, pollingPolicy.latestExecution]) {
      expect(every(read(polling, "off-screen", live(true)))).toBe(OFFSCREEN_LIVE_SAFETY_MS);
      expect(every(read(polling, "off-screen", live(false)))).toBe(300_000);
      // A longer off-screen cadence than the safety net stays.
      expect(every(read({ ...polling, offscreenSeconds: 3600 }, "off-screen", live(true)))).toBe(3_600_000);
      expect(read(polling, "off-screen", live(true)).staleTime).toBe(300_000);
    }
  });
});

describe("pollingPolicy.build", () => {
  it("polls a build while its action runs, and after the action ended for as long as the build itself has not completed", () => {
    expect(every(pollingPolicy.build(polling, true), { buildComplete: false })).toBe(5_000);
    // CodePipeline said the action is over before the last poll of the build saw it end: read on.
    expect(every(pollingPolicy.build(polling, false), { buildComplete: false })).toBe(5_000);
    expect(every(pollingPolicy.build(polling, false), { buildComplete: true })).toBe(false);
    expect(every(pollingPolicy.build(polling, false), null)).toBe(false);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { HintBatcher, interestIn, parseLiveEvent, type LiveEvent } from "./live-event";

const event = (fields: Partial<LiveEvent> = {}) =>
  JSON.stringify({ account: "123456789012", region: "us-east-1", pipeline: "web", executionId: "x1", stage: "Build", action: "Build", category: "Build", state: "STARTED", time: "2026-12-02T10:00:00Z", detailType: "CodePipeline Action Execution State Change", ...fields });

afterEach(() => vi.useRealTimers());

describe("live events", () => {
  it("reads what the rule publishes, and drops what is not one (a hostile or broken message never becomes a read)", () => {
    expect(parseLiveEvent(event())).toMatchObject({ pipeline: "web", state: "STARTED", category: "Build" });
    // Pipeline-level events carry empty stage and action, as EventBridge fills absent paths.
    expect(parseLiveEvent(event({ stage: "", action: "", category: "" }))).toMatchObject({ stage: "", action: "" });
    expect(parseLiveEvent("not json")).toBeUndefined();
    expect(parseLiveEvent(event({ pipeline: "../../etc" }))).toBeUndefined();
    expect(parseLiveEvent(event({ account: "me" }))).toBeUndefined();
    expect(parseLiveEvent(JSON.stringify(["web"]))).toBeUndefined();
    expect(parseLiveEvent(42)).toBeUndefined();
  });

  it("on screen, any change is worth a read; off screen only an approval starting or ending (for the approvals count)", () => {
    const build = parseLiveEvent(event())!;
    const approval = parseLiveEvent(event({ category: "Approval", action: "Approve" }))!;
    const stage = parseLiveEvent(event({ action: "", category: "", detailType: "CodePipeline Stage Execution State Change" }))!;
    expect([interestIn(build, true), interestIn(stage, true), interestIn(approval, true)]).toEqual(["on-screen", "on-screen", "on-screen"]);
    expect([interestIn(build, false), interestIn(stage, false), interestIn(approval, false)]).toEqual(["none", "none", "approvals"]);
    // A run starting or ending off screen waits for the next off-screen refresh: the row's rank may move.
    const run = parseLiveEvent(event({ stage: "", action: "", category: "", state: "FAILED", detailType: "CodePipeline Pipeline Execution State Change" }))!;
    expect([interestIn(run, true), interestIn(run, false)]).toEqual(["on-screen", "off-screen"]);
  });

  it("a burst of hints, duplicates and out-of-order ones included, costs one read per pipeline; later hints make another", () => {
    vi.useFakeTimers();
    const flushed: string[][] = [];
    const batcher = new HintBatcher<{ name: string }>(200, (keys) => flushed.push(keys.map((k) => k.name)), (k) => k.name);
    for (const name of ["web", "api", "web", "web", "api"]) batcher.add({ name });
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(flushed).toEqual([["web", "api"]]);
    batcher.add({ name: "web" });
    vi.advanceTimersByTime(200);
    expect(flushed).toEqual([["web", "api"], ["web"]]);
    const merged: { name: string; actions: boolean }[][] = [];
    const merging = new HintBatcher<{ name: string; actions: boolean }>(200, (keys) => merged.push(keys), (k) => k.name, (a, b) => ({ ...b, actions: a.actions || b.actions }));
    merging.add({ name: "web", actions: true });
    merging.add({ name: "web", actions: false });
    vi.advanceTimersByTime(200);
    expect(merged).toEqual([[{ name: "web", actions: true }]]);
    batcher.add({ name: "gone" });
    batcher.cancel();
    vi.advanceTimersByTime(500);
    expect(flushed).toHaveLength(2);
  });

  it("reads a pipeline read less than the spacing ago once more when the spacing is over, whatever came meanwhile", () => {
    vi.useFakeTimers();
    const flushed: string[][] = [];
    const batcher = new HintBatcher<{ name: string }>(150, (keys) => flushed.push(keys.map((k) => k.name)), (k) => k.name, undefined, 1000);
    batcher.add({ name: "web" });
    vi.advanceTimersByTime(150);
    expect(flushed).toEqual([["web"]]);
    // Three more events for web within the second (EventBridge spreads one change's events), one for api.
    vi.advanceTimersByTime(100);
    batcher.add({ name: "web" });
    batcher.add({ name: "api" });
    vi.advanceTimersByTime(300);
    batcher.add({ name: "web" });
    expect(flushed).toEqual([["web"], ["api"]]);
    vi.advanceTimersByTime(599);
    expect(flushed).toEqual([["web"], ["api"]]);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([["web"], ["api"], ["web"]]);
    // Long after: only the window again.
    vi.advanceTimersByTime(5000);
    batcher.add({ name: "web" });
    vi.advanceTimersByTime(150);
    expect(flushed).toHaveLength(4);
  });
});

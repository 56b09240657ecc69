import { afterEach, describe, expect, it, vi } from "vitest";
import { createEmulatorCore } from "../src/engine/core";
import { Random } from "../src/engine/random";
import { TimerQueue } from "../src/engine/timers";
import { simple } from "./fixtures";

afterEach(() => vi.useRealTimers());

describe("engine building blocks", () => {
  it("the timer queue hands out events by due time, same-time events in insertion order", () => {
    const q = new TimerQueue();
    const at = (due: number, pipeline: string) => q.push(due, { kind: "traffic", scope: "s", pipeline });
    at(30, "c");
    at(10, "a1");
    at(20, "b");
    at(10, "a2");
    const order: string[] = [];
    for (let t = q.pop(); t; t = q.pop()) order.push((t.event as { pipeline: string }).pipeline);
    expect(order).toEqual(["a1", "a2", "b", "c"]);
  });

  it("the generator repeats for a seed and makes v4-shaped UUIDs", () => {
    const a = new Random(7);
    const b = new Random(7);
    expect([a.uuid(), a.hex(40), a.next()]).toEqual([b.uuid(), b.hex(40), b.next()]);
    expect(new Random(7).uuid()).not.toBe(new Random(8).uuid());
  });
});

describe("the real clock", () => {
  it("runs due events from one armed timeout, scaled by speed", () => {
    vi.useFakeTimers({ now: new Date("2025-03-01T10:00:00Z") });
    const core = createEmulatorCore({ clock: "real", speed: 10 });
    core.loadScenario({ pipelines: [{ declaration: simple(), actions: { "Source.Source": { durationSeconds: 5 }, "Build.Build": { durationSeconds: 100 } }, timeline: [{ at: 1, type: "start" }] }] });
    const p = () => core.engine.world.regions["123456789012/us-east-1"].pipelines.simple;
    // 1 s of simulated time is 100 ms of real time at speed 10.
    vi.advanceTimersByTime(150);
    expect(p().executionOrder).toHaveLength(1);
    vi.advanceTimersByTime(10_000);
    expect(p().executions[p().executionOrder[0]].status).toBe("InProgress");
    vi.advanceTimersByTime(1_000);
    expect(p().executions[p().executionOrder[0]].status).toBe("Succeeded");
    core.close();
  });
});

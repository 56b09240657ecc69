import { notifyManager } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

describe("when query answers reach the screen", () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    vi.resetModules();
    // Installs the app's scheduler on React Query's notify manager.
    await import("./query-client");
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Schedules `count` notifications now; resolves each one's flush time (ms since the test began). */
  const notify = (count: number, flushed: number[]) => {
    for (let i = 0; i < count; i++) notifyManager.schedule(() => flushed.push(performance.now()));
  };

  it("renders each of a few answers in a row 50 ms after it arrived (an approval's state, then its execution)", () => {
    const flushed: number[] = [];
    const start = performance.now();
    notify(2, flushed);
    vi.advanceTimersByTime(60);
    notify(2, flushed);
    vi.advanceTimersByTime(60);
    expect(flushed.map((t) => Math.round(t - start))).toEqual([50, 50, 110, 110]);
  });

  it("after a burst of answers, renders at most every 250 ms", () => {
    const flushed: number[] = [];
    const start = performance.now();
    notify(30, flushed);
    vi.advanceTimersByTime(60);
    notify(1, flushed);
    vi.advanceTimersByTime(400);
    expect(Math.round(flushed[0] - start)).toBe(50);
    expect(Math.round(flushed.at(-1)! - start)).toBe(300);
  });
});

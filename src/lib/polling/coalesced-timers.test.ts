import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { COALESCE_FROM_MS, coalescedTimers, GRID_MS } from "./coalesced-timers";

describe("coalescedTimers", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // On the grid, so which deadlines share a tick does not depend on when the test runs.
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setUp = () => {
    const platform = {
      setTimeout: vi.fn((callback: () => void, delay: number) => setTimeout(callback, delay)),
      clearTimeout: vi.fn((id: unknown) => clearTimeout(id as ReturnType<typeof setTimeout>)),
      setInterval: vi.fn((callback: () => void, delay: number) => setInterval(callback, delay)),
      clearInterval: vi.fn((id: unknown) => clearInterval(id as ReturnType<typeof setInterval>)),
    };
    return { platform, timers: coalescedTimers(platform, () => Date.now()) };
  };

  it("a hundred observers' timers due together cost one platform timer, and each fires once, never early", () => {
    const { platform, timers } = setUp();
    const fired: number[] = [];
    const start = Date.now();
    for (let i = 0; i < 100; i++) timers.setTimeout(() => fired.push(Date.now() - start), 5_010 + (i % 3));
    expect(platform.setTimeout).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(5_011);
    expect(fired).toHaveLength(0);
    vi.advanceTimersByTime(GRID_MS);
    expect(fired).toHaveLength(100);
    expect(Math.min(...fired)).toBeGreaterThanOrEqual(5_012);
    expect(Math.max(...fired)).toBeLessThanOrEqual(5_010 + GRID_MS);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a cleared timer never fires, and the platform timer goes once nothing else waits for its tick", () => {
    const { platform, timers } = setUp();
    const kept = vi.fn();
    const cleared = vi.fn();
    const a = timers.setTimeout(cleared, 3_000);
    timers.setTimeout(kept, 3_000);
    timers.clearTimeout(a);
    expect(platform.clearTimeout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3_000 + GRID_MS);
    expect(cleared).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledTimes(1);

    const b = timers.setTimeout(cleared, 3_000);
    timers.clearTimeout(b);
    expect(platform.clearTimeout).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(cleared).not.toHaveBeenCalled();
  });

  it("an interval repeats at its period without the grid's delay adding up, until cleared", () => {
    const { timers } = setUp();
    const start = Date.now();
    const at: number[] = [];
    const id = timers.setInterval(() => at.push(Date.now() - start), 5_050);
    vi.advanceTimersByTime(10 * 5_050 + GRID_MS);
    expect(at).toHaveLength(10);
    at.forEach((t, i) => {
      expect(t).toBeGreaterThanOrEqual((i + 1) * 5_050);
      expect(t).toBeLessThanOrEqual((i + 1) * 5_050 + GRID_MS);
    });
    timers.clearInterval(id);
    vi.advanceTimersByTime(60_000);
    expect(at).toHaveLength(10);
  });

  it("short timers (retries, the notification window) go straight to the platform, to the millisecond", () => {
    const { platform, timers } = setUp();
    const callback = vi.fn();
    const id = timers.setTimeout(callback, COALESCE_FROM_MS - 1);
    expect(platform.setTimeout).toHaveBeenCalledWith(callback, COALESCE_FROM_MS - 1);
    timers.clearTimeout(id);
    expect(platform.clearTimeout).toHaveBeenCalledWith(id);
    timers.setTimeout(callback, 50);
    vi.advanceTimersByTime(50);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("a callback that throws leaves the others of its tick to run, and its error still surfaces", async () => {
    const { timers } = setUp();
    const after = vi.fn();
    timers.setTimeout(() => {
      throw new Error("observer gone wrong");
    }, 2_000);
    timers.setTimeout(after, 2_000);
    const thrown = vi.fn();
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (task) =>
      original(() => {
        try {
          task();
        } catch (error) {
          thrown(error);
        }
      });
    try {
      vi.advanceTimersByTime(2_000 + GRID_MS);
    } finally {
      globalThis.queueMicrotask = original;
    }
    expect(after).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(thrown).toHaveBeenCalledWith(new Error("observer gone wrong"));
  });
});

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

  /** Schedules notifications as answers would; `flushed()` says when each reached the screen (ms since the test began). */
  function answers() {
    const start = performance.now();
    const times: number[] = [];
    return {
      notify: (count: number) => {
        for (let i = 0; i < count; i++) notifyManager.schedule(() => times.push(performance.now()));
      },
      flushed: () => times.map((t) => Math.round(t - start)),
    };
  }

  it("renders each of a few answers in a row 50 ms after it arrived (an approval's state, then its execution)", () => {
    const { notify, flushed } = answers();
    notify(2);
    vi.advanceTimersByTime(60);
    notify(2);
    vi.advanceTimersByTime(60);
    expect(flushed()).toEqual([50, 50, 110, 110]);
  });

  it("after a burst of answers, renders at most every 250 ms", () => {
    const { notify, flushed } = answers();
    notify(30);
    vi.advanceTimersByTime(60);
    notify(1);
    vi.advanceTimersByTime(400);
    expect(flushed()[0]).toBe(50);
    expect(flushed().at(-1)).toBe(300);
  });
});

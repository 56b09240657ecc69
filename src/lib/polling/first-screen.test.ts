// @vitest-environment happy-dom
import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useAfterPaint, useCountHeld, useHoldCount } from "./first-screen";

afterEach(() => {
  vi.useRealTimers();
});

describe("holding the approvals count back", () => {
  it("holds the count while a page's first screen is not painted, and lets it go when it is", () => {
    const count = renderHook(() => useCountHeld());
    expect(count.result.current).toBe(false);
    const page = renderHook((holding: boolean) => useHoldCount(holding), { initialProps: true });
    expect(count.result.current).toBe(true);
    page.rerender(false);
    expect(count.result.current).toBe(false);
  });

  it("lets the count go when the page leaves before its first screen, and waits for every page that holds it", () => {
    const count = renderHook(() => useCountHeld());
    const first = renderHook(() => useHoldCount(true));
    const second = renderHook(() => useHoldCount(true));
    first.unmount();
    expect(count.result.current).toBe(true);
    second.unmount();
    expect(count.result.current).toBe(false);
  });
});

describe("useAfterPaint", () => {
  /** Frames paint when the test says so: the callbacks given to requestAnimationFrame wait for `paintFrame`. */
  let frames: (() => void)[] = [];
  const paintFrame = () => {
    const due = frames;
    frames = [];
    due.forEach((run) => run());
  };
  beforeEach(() => {
    frames = [];
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    vi.stubGlobal("requestAnimationFrame", (run: () => void) => frames.push(run));
    vi.stubGlobal("cancelAnimationFrame", () => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("turns true only after the frame that follows `ready`, and stays true", () => {
    const { result, rerender } = renderHook((ready: boolean) => useAfterPaint(ready), { initialProps: false });
    act(() => paintFrame());
    expect(result.current).toBe(false);
    rerender(true);
    act(() => paintFrame());
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(0));
    expect(result.current).toBe(true);
    rerender(false);
    expect(result.current).toBe(true);
  });

  it("goes ahead after a second in a hidden tab, which paints no frame", () => {
    const { result } = renderHook(() => useAfterPaint(true));
    act(() => vi.advanceTimersByTime(999));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
  });
});

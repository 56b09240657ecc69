import { useEffect, useState, useSyncExternalStore } from "react";

/*
 * An approval opened from a notification on a phone waited for the navigation's approvals count: that count
 * reads every pipeline's state (and a PARALLEL pipeline's approval runs), and on a slow link those answers shared
 * the bandwidth with the page's own few reads, about 350 KB ahead of a card that needs 20. Such a page holds the
 * count back until its first screen is painted; the count says "…" meanwhile.
 */
const holds = new Set<symbol>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function changed() {
  for (const listener of listeners) listener();
}

/** Holds the approvals count back while `holding`, and lets it go when `holding` turns false or the page leaves. */
export function useHoldCount(holding: boolean) {
  useEffect(() => {
    if (!holding) return;
    const hold = Symbol("count held");
    holds.add(hold);
    changed();
    return () => {
      holds.delete(hold);
      changed();
    };
  }, [holding]);
}

/** Some page holds the approvals count back: its observers and its sweep (approvals-sweep.ts) read nothing. */
export const isCountHeld = () => holds.size > 0;

export function useCountHeld(): boolean {
  return useSyncExternalStore(subscribe, isCountHeld);
}

/** A hidden tab paints no frame: after this long, what waits for the paint goes ahead anyway. */
const HIDDEN_TAB_MS = 1000;

/**
 * True from the frame after `ready` was first committed on: what waits for it (more reads, the history below the
 * card) starts once the first screen is on the glass, not in the same task.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    const done = () => setPainted(true);
    let afterFrame: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs just before the frame is painted; a timeout from there runs after it.
    const frame = requestAnimationFrame(() => {
      afterFrame = setTimeout(done);
    });
    const hidden = setTimeout(done, HIDDEN_TAB_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(afterFrame);
      clearTimeout(hidden);
    };
  }, [ready, painted]);
  return painted;
}

import type { ManagedTimerId, TimeoutCallback, TimeoutProvider } from "@tanstack/react-query";

/**
 * TanStack Query gives every observer its own stale timer and refetch interval and every query its own GC timer.
 * The overview's first answers mount an observer per pipeline for the list, another for the approvals count and
 * one per row on screen: hundreds of platform timers set, cleared and set again in one task, and as many wake-ups
 * later. TanStack leaves coalescing to the app (its `timeoutManager` takes a provider; it ships none that
 * coalesces), so this one is ours: timers of a second or more share one platform timer per GRID_MS tick of their
 * deadline. Shorter ones (retries, the notification window) are latency-sensitive and go straight to the platform.
 */
export const GRID_MS = 100;
export const COALESCE_FROM_MS = 1000;

interface Timer {
  callback: TimeoutCallback;
  due: number;
  /** An interval's period; a timeout has none. */
  every?: number;
}

const tickOf = (due: number) => Math.ceil(due / GRID_MS) * GRID_MS;

export function coalescedTimers(platform: TimeoutProvider, now: () => number = () => performance.now()): TimeoutProvider {
  const timers = new Map<number, Timer>();
  const ticks = new Map<number, { handle: ManagedTimerId; ids: Set<number> }>();
  // Ours are negative: the platform's ids are positive, so a clear always knows whose timer it was given.
  let lastId = 0;

  const schedule = (id: number, timer: Timer) => {
    timers.set(id, timer);
    const tick = tickOf(timer.due);
    const entry = ticks.get(tick);
    if (entry) entry.ids.add(id);
    else ticks.set(tick, { handle: platform.setTimeout(() => fire(tick), Math.max(0, tick - now())), ids: new Set([id]) });
  };

  const fire = (tick: number) => {
    const entry = ticks.get(tick);
    ticks.delete(tick);
    for (const id of entry?.ids ?? []) {
      const timer = timers.get(id);
      if (!timer) continue;
      if (timer.every === undefined) timers.delete(id);
      // Next period from the last deadline, not from now: the grid's delay does not add up period after period.
      else schedule(id, { ...timer, due: Math.max(timer.due + timer.every, now()) });
      try {
        timer.callback();
      } catch (error) {
        // One failing callback must not cancel the others of its tick; the error still reaches the console.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  const add = (callback: TimeoutCallback, delay: number, every?: number): number => {
    const id = --lastId;
    schedule(id, { callback, due: now() + delay, every });
    return id;
  };

  const cancel = (id: ManagedTimerId | undefined, clearPlatform: (id: ManagedTimerId | undefined) => void) => {
    if (typeof id !== "number" || id >= 0) return clearPlatform(id);
    const timer = timers.get(id);
    if (!timer) return;
    timers.delete(id);
    const tick = tickOf(timer.due);
    const entry = ticks.get(tick);
    if (!entry) return;
    entry.ids.delete(id);
    if (entry.ids.size === 0) {
      platform.clearTimeout(entry.handle);
      ticks.delete(tick);
    }
  };

  return {
    setTimeout: (callback, delay) => (delay >= COALESCE_FROM_MS ? add(callback, delay) : platform.setTimeout(callback, delay)),
    setInterval: (callback, delay) => (delay >= COALESCE_FROM_MS ? add(callback, delay, delay) : platform.setInterval(callback, delay)),
    clearTimeout: (id) => cancel(id, platform.clearTimeout),
    clearInterval: (id) => cancel(id, platform.clearInterval),
  };
}

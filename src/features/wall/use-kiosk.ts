import { useEffect, useState, type RefObject } from "react";

interface WakeLockSentinelLike {
  released: boolean;
  release(): Promise<void>;
}
type WakeLockNavigator = Navigator & { wakeLock?: { request(type: "screen"): Promise<WakeLockSentinelLike> } };

/**
 * Keeps the screen on: the screen wake lock, taken again whenever the page becomes visible (the browser drops it
 * when the tab is hidden). Quietly does nothing where the API is missing or refused (plain HTTP, some TVs): the
 * OS power settings are the fallback, documented in docs/wall.md.
 */
export function useWakeLock(): void {
  useEffect(() => {
    const nav = navigator as WakeLockNavigator;
    if (!nav.wakeLock) return;
    let sentinel: WakeLockSentinelLike | undefined;
    let disposed = false;
    const acquire = async () => {
      if (document.visibilityState !== "visible" || (sentinel && !sentinel.released)) return;
      try {
        const next = await nav.wakeLock!.request("screen");
        if (disposed) void next.release();
        else sentinel = next;
      } catch {
        // refused (no user activation on some browsers, insecure origin): the next visibility change retries
      }
    };
    void acquire();
    document.addEventListener("visibilitychange", acquire);
    return () => {
      disposed = true;
      document.removeEventListener("visibilitychange", acquire);
      void sentinel?.release().catch(() => {});
    };
  }, []);
}

/** Size of an element, following resizes (window, TV resolution change, devtools). */
export function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const { width, height } = element.getBoundingClientRect();
      setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

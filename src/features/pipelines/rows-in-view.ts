import { createContext, useContext, useEffect, useSyncExternalStore } from "react";

/**
 * The overview rows in the viewport now, by key: what the header's freshness describes along with what is
 * failing (rows out of view are read only every few minutes, by design, and are not on screen). Rows report
 * themselves; only the header listens, so scrolling re-renders nothing else.
 */
export class RowsInView {
  private readonly counts = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private snapshot: ReadonlySet<string> = new Set();

  /** Counted, since a row can remount before the old one unmounts. */
  mark(key: string, inView: boolean) {
    const count = (this.counts.get(key) ?? 0) + (inView ? 1 : -1);
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
    this.snapshot = new Set(this.counts.keys());
    this.listeners.forEach((listener) => listener());
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  keys = () => this.snapshot;
}

export const RowsInViewContext = createContext<RowsInView | null>(null);

/** A row says whether it is in the viewport. */
export function useReportInView(key: string, inView: boolean) {
  const rows = useContext(RowsInViewContext);
  useEffect(() => {
    if (!rows || !inView) return;
    rows.mark(key, true);
    return () => rows.mark(key, false);
  }, [rows, key, inView]);
}

/** The keys in view now, re-rendering the caller as they change. */
export function useKeysInView(rows: RowsInView): ReadonlySet<string> {
  return useSyncExternalStore(rows.subscribe, rows.keys);
}

import { clear, createStore, delMany, entries, get, keys, set, type UseStore } from "idb-keyval";

/**
 * The browser cache of execution history (IndexedDB through idb-keyval): one entry per source, pipeline and
 * kind, under a version prefix so a change of shape drops what an older build wrote. Bounded: past
 * MAX_ENTRIES the least recently written go. It holds CodePipeline's answers, slimmed (slim.ts), and never
 * credentials. Any IndexedDB failure (private mode, quota) degrades to no cache: history is then read again.
 */
export const CACHE_VERSION = 1;
export const MAX_ENTRIES = 4000;

export interface CachedList<T> {
  version: typeof CACHE_VERSION;
  items: T[];
  /** When the list was read (this browser's clock): the oldest reads go first when the cache is full. */
  readAt: number;
  /** The oldest start time the list covers (it was read back to here). */
  coveredFrom: number;
}

let store: UseStore | undefined;
const db = () => (store ??= createStore("codepipeline-dashboard-insights", "history"));
const prefix = `v${CACHE_VERSION}|`;

export const cacheKey = (sourceId: string, pipeline: string, kind: "executions" | "actions") => `${prefix}${sourceId}|${pipeline}|${kind}`;

export async function readCached<T>(key: string): Promise<CachedList<T> | undefined> {
  try {
    const value = await get<CachedList<T>>(key, db());
    return value?.version === CACHE_VERSION ? value : undefined;
  } catch {
    return undefined;
  }
}

let pruned = false;
export async function writeCached<T>(key: string, value: CachedList<T>): Promise<void> {
  try {
    await set(key, value, db());
    if (!pruned) {
      pruned = true;
      await prune();
    }
  } catch {
    // No cache: the next visit reads again.
  }
}

/**
 * Once a page load: drops other versions' entries and, past the bound, the oldest reads. By keys first: reading
 * every entry (a thousand pipelines' histories) only when there are too many.
 */
async function prune() {
  const all = (await keys<string>(db())).map(String);
  const stale = all.filter((key) => !key.startsWith(prefix));
  let excess: string[] = [];
  if (all.length - stale.length > MAX_ENTRIES) {
    const current = (await entries<string, CachedList<unknown>>(db())).filter(([key]) => String(key).startsWith(prefix));
    current.sort((a, b) => (a[1]?.readAt ?? 0) - (b[1]?.readAt ?? 0));
    excess = current.slice(0, current.length - MAX_ENTRIES).map(([key]) => String(key));
  }
  await delMany([...stale, ...excess], db());
}

/** What the cache holds now, for the page's "cached history" line. */
export async function cacheSummary(): Promise<{ entries: number; pipelines: number }> {
  try {
    const mine = (await keys<string>(db())).map(String).filter((key) => key.startsWith(prefix));
    return { entries: mine.length, pipelines: new Set(mine.map((key) => key.split("|").slice(1, 3).join("|"))).size };
  } catch {
    return { entries: 0, pipelines: 0 };
  }
}

export async function clearHistoryCache(): Promise<void> {
  try {
    await clear(db());
  } catch {
    // Nothing to clear.
  }
}

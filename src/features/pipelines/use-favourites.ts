import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { Source } from "../../lib/aws/source";

/** Favourites per source in localStorage (names only, nothing sensitive); other tabs follow via `storage`. */
const changed = new Set<() => void>();

function subscribe(listener: () => void) {
  changed.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    changed.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): string {
  try {
    return localStorage.getItem(key) ?? "[]";
  } catch {
    return "[]";
  }
}

function parse(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

const keyOf = (source: Pick<Source, "id">) => `codepipeline-dashboard:favourites:${source.id}`;

/** Favourites of every source, each source under its own key (names repeat across accounts). */
export function useFavourites(sources: readonly Source[]) {
  // The raw strings, joined, are the snapshot: stable between changes, so React does not loop.
  const raw = useSyncExternalStore(subscribe, () => sources.map((source) => read(keyOf(source))).join("\u0000"));
  const isFavourite = useMemo(() => {
    const sets = new Map(raw.split("\u0000").map((one, i) => [sources[i]?.id, new Set(parse(one))]));
    return (source: Pick<Source, "id">, name: string) => sets.get(source.id)?.has(name) ?? false;
  }, [raw, sources]);
  const toggle = useCallback((source: Pick<Source, "id">, name: string) => {
    const key = keyOf(source);
    const next = new Set(parse(read(key)));
    if (next.has(name)) next.delete(name);
    else next.add(name);
    try {
      localStorage.setItem(key, JSON.stringify([...next].sort()));
    } catch {
      // storage full or disabled: the star just does not stick
    }
    changed.forEach((l) => l());
  }, []);
  return { isFavourite, toggle };
}

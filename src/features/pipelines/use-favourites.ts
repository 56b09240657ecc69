import { useCallback, useMemo, useSyncExternalStore } from "react";

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

export function useFavourites(sourceId: string) {
  const key = `codepipeline-dashboard:favourites:${sourceId}`;
  // The raw string is the snapshot: stable between changes, so React does not loop.
  const raw = useSyncExternalStore(subscribe, () => read(key));
  const favourites = useMemo(() => new Set(parse(raw)), [raw]);
  const toggle = useCallback(
    (name: string) => {
      const next = new Set(parse(read(key)));
      if (next.has(name)) next.delete(name);
      else next.add(name);
      try {
        localStorage.setItem(key, JSON.stringify([...next].sort()));
      } catch {
        // storage full or disabled: the star just does not stick
      }
      changed.forEach((l) => l());
    },
    [key],
  );
  return { favourites, toggle };
}

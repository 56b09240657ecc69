import { useSyncExternalStore } from "react";
import type { LocalDecision } from "../../../core/approvals/aftermath";

/** Decisions made in this tab, kept 30 minutes so the item shows what happened next instead of vanishing. */
const KEY = "codepipeline-dashboard:approval-decisions";
const KEEP_MS = 30 * 60_000;
const listeners = new Set<() => void>();
let cache: LocalDecision[] | undefined;

function read(): LocalDecision[] {
  if (cache) return cache;
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
    cache = Array.isArray(parsed) ? (parsed as LocalDecision[]).filter((d) => Date.now() - d.at < KEEP_MS) : [];
  } catch {
    cache = [];
  }
  return cache;
}

export function recordDecision(decision: LocalDecision) {
  cache = [decision, ...read().filter((d) => d.key !== decision.key && Date.now() - d.at < KEEP_MS)].slice(0, 50);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(cache));
  } catch {
    // kept in memory only
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const empty: LocalDecision[] = [];

export function useLocalDecisions(): LocalDecision[] {
  return useSyncExternalStore(subscribe, read, () => empty);
}

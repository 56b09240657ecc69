import { useSyncExternalStore } from "react";
import type { LocalDecision } from "../../core/approvals/aftermath";

/** A decision made here and the source it was sent to; decisions from before sources have none (the default's). */
export interface SourcedDecision extends LocalDecision {
  sourceId?: string;
}

/** Decisions made in this tab, kept 30 minutes so the item shows what happened next instead of vanishing. */
const KEY = "codepipeline-dashboard:approval-decisions";
const KEEP_MS = 30 * 60_000;
const listeners = new Set<() => void>();
let cache: SourcedDecision[] | undefined;

function read(): SourcedDecision[] {
  if (cache) return cache;
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
    cache = Array.isArray(parsed) ? (parsed as SourcedDecision[]).filter((d) => Date.now() - d.at < KEEP_MS) : [];
  } catch {
    cache = [];
  }
  return cache;
}

const same = (a: SourcedDecision, b: SourcedDecision) => a.key === b.key && a.sourceId === b.sourceId;

export function recordDecision(decision: SourcedDecision) {
  cache = [decision, ...read().filter((d) => !same(d, decision) && Date.now() - d.at < KEEP_MS)].slice(0, 50);
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

const empty: SourcedDecision[] = [];

export function useLocalDecisions(): SourcedDecision[] {
  return useSyncExternalStore(subscribe, read, () => empty);
}

/** Where a stored decision was sent: none stored means the default source; a source no longer configured, none. */
export function sourceOfDecision<S extends { id: string }>(decision: SourcedDecision, sources: readonly S[]): S | undefined {
  return decision.sourceId === undefined ? sources[0] : sources.find((s) => s.id === decision.sourceId);
}

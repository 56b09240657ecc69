import type { Source } from "../../../lib/aws/source";
import { sourcedKey, splitSourcedKey } from "../../../core/sourced-key";

/** A pipeline of one source: what the recent-decisions list and the known-pipelines memory hold. */
export interface SourcedPipeline {
  source: Source;
  name: string;
}

/**
 * Pipelines seen with a manual approval this session: the "recently decided" list reads their action runs.
 * Stored as `sourcedKey(sourceId, name)`; a bare name (stored before sources existed) is the default source's.
 */
const KEY = "codepipeline-dashboard:approval-pipelines";
let known: Set<string> | undefined;

function load(): Set<string> {
  if (known) return known;
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
    known = new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : []);
  } catch {
    known = new Set();
  }
  return known;
}

function resolve(entry: string, sources: readonly Source[]): SourcedPipeline | undefined {
  const sourced = splitSourcedKey(entry);
  if (!sourced) return sources[0] ? { source: sources[0], name: entry } : undefined;
  const source = sources.find((s) => s.id === sourced.sourceId);
  return source ? { source, name: sourced.key } : undefined;
}

/** Idempotent; returns every known pipeline of a configured source, sorted by name then source order. */
export function rememberApprovalPipelines(pipelines: Iterable<SourcedPipeline>, sources: readonly Source[]): SourcedPipeline[] {
  const set = load();
  const before = set.size;
  for (const { source, name } of pipelines) set.add(source.isDefault ? name : sourcedKey(source.id, name));
  if (set.size !== before) {
    try {
      sessionStorage.setItem(KEY, JSON.stringify([...set].slice(-50)));
    } catch {
      // memory only
    }
  }
  return [...set]
    .map((entry) => resolve(entry, sources))
    .filter((p): p is SourcedPipeline => p !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name) || sources.indexOf(a.source) - sources.indexOf(b.source));
}

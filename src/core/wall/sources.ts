/**
 * The wall across several sources (accounts/regions): which ones it shows, and what it must say about one that
 * fails. A failing source never blanks the wall; it gets its own note while the others keep updating.
 */

/** The name a URL uses for a source: the top-level one is `default` (its real id holds region and host). */
export const DEFAULT_WALL_SOURCE = "default";

export interface SourceRef {
  id: string;
  isDefault: boolean;
}

export function wallSourceId(source: SourceRef): string {
  return source.isDefault ? DEFAULT_WALL_SOURCE : source.id;
}

/** The sources a wall shows, in config order: the ones named (by wall id), or all when none are. */
export function selectSources<S extends SourceRef>(all: readonly S[], wanted: readonly string[]): S[] {
  if (wanted.length === 0) return [...all];
  const picked = all.filter((s) => wanted.includes(wallSourceId(s)));
  return picked.length > 0 ? picked : [...all];
}

/** What the wall knows about one source's reads. */
export interface SourceFeed {
  id: string;
  label: string;
  /** ListPipelines answered at least once. */
  listed: boolean;
  /** The latest ListPipelines failed. */
  listFailing: boolean;
  listUpdatedAt: number;
}

export type SourceProblem =
  /** Never answered: its pipelines are missing from the wall. */
  | { id: string; label: string; kind: "unreachable" }
  /** Answered before, failing now: its tiles show old data (`since` = its oldest shown data). */
  | { id: string; label: string; kind: "stale"; since: number };

/**
 * One note per failing source. A source is stale once any of its tiles is, or its pipeline list has failed for
 * longer than the stale threshold while no tile of it proves otherwise (a source with no tiles would otherwise
 * fail silently; the slow list poll may still hold an old failure once fresh state reads are back).
 */
export function sourceProblems(
  feeds: readonly SourceFeed[],
  tiles: readonly { sourceId?: string; stale: boolean; updatedAt: number }[],
  now: number,
  staleAfterMs: number,
): SourceProblem[] {
  return feeds.flatMap((feed): SourceProblem[] => {
    if (!feed.listed) return feed.listFailing ? [{ id: feed.id, label: feed.label, kind: "unreachable" }] : [];
    const own = tiles.filter((t) => t.sourceId === feed.id);
    const reachable = own.some((t) => !t.stale && t.updatedAt > 0);
    const listStale = feed.listFailing && now - feed.listUpdatedAt > staleAfterMs && !reachable;
    if (!listStale && !own.some((t) => t.stale)) return [];
    const times = own.map((t) => t.updatedAt).filter((t) => t > 0);
    const since = times.length > 0 ? Math.min(...times) : feed.listUpdatedAt;
    return [{ id: feed.id, label: feed.label, kind: "stale", since }];
  });
}

/** Several sources failing at once, said in one note, so the footer keeps to one line whatever their number. */
export interface CombinedProblem {
  count: number;
  /** Sources the wall shows. */
  total: number;
  /** The oldest data shown from them; undefined when none of them ever answered. */
  since?: number;
  labels: string[];
}

/** One note for two or more problems; a single one keeps its own note (undefined). */
export function combineProblems(problems: readonly SourceProblem[], total: number): CombinedProblem | undefined {
  if (problems.length < 2) return undefined;
  const times = problems.flatMap((p) => (p.kind === "stale" && p.since > 0 ? [p.since] : []));
  return { count: problems.length, total, since: times.length > 0 ? Math.min(...times) : undefined, labels: problems.map((p) => p.label) };
}

/** `arn:aws:codepipeline:<region>:<account>:<name>` from any pipeline's ARN, so one GetPipeline serves all. */
export function pipelineArn(sampleArn: string | undefined, name: string): string | undefined {
  const match = sampleArn ? /^arn:([^:]+):codepipeline:([^:]*):(\d+):/.exec(sampleArn) : null;
  return match ? `arn:${match[1]}:codepipeline:${match[2]}:${match[3]}:${name}` : undefined;
}

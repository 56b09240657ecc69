import type { PipelineHealth } from "./status";

export interface PipelineFilter {
  /** Case-insensitive substring of the name; blank matches all. */
  search: string;
  /** Empty = every status. */
  statuses: readonly PipelineHealth[];
}

export function filterPipelines<T extends { name: string; health: PipelineHealth }>(
  pipelines: readonly T[],
  { search, statuses }: PipelineFilter,
): T[] {
  const needle = search.trim().toLocaleLowerCase();
  return pipelines.filter(
    (p) =>
      (needle === "" || p.name.toLocaleLowerCase().includes(needle)) &&
      (statuses.length === 0 || statuses.includes(p.health)),
  );
}

export interface HealthCounts {
  failed: number;
  inProgress: number;
  waitingForApproval: number;
  total: number;
}

/** The header counters; "in progress" excludes what waits for approval, which has its own count. */
export function countHealth(pipelines: readonly { health: PipelineHealth }[]): HealthCounts {
  const counts: HealthCounts = { failed: 0, inProgress: 0, waitingForApproval: 0, total: pipelines.length };
  for (const { health } of pipelines) {
    if (health === "failed") counts.failed++;
    else if (health === "in-progress") counts.inProgress++;
    else if (health === "waiting-for-approval") counts.waitingForApproval++;
  }
  return counts;
}

import type { PipelineHealth } from "./status";

/**
 * Failed first, then what waits for a person, then what moves; the quiet rest after, a pipeline that never ran
 * last. The one order of every page that ranks pipelines (the overview, the wall).
 */
export const ATTENTION_RANK: Record<PipelineHealth, number> = {
  failed: 0,
  "waiting-for-approval": 1,
  "in-progress": 2,
  stopped: 3,
  cancelled: 4,
  superseded: 5,
  succeeded: 6,
  unknown: 7,
};

export type SortOrder = "attention" | "name" | "last-change";
export const SORT_ORDERS: readonly SortOrder[] = ["attention", "name", "last-change"];

export interface SortablePipeline {
  name: string;
  health: PipelineHealth;
  lastChangedAt?: Date;
  favourite: boolean;
}

const byName = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function compareName(a: SortablePipeline, b: SortablePipeline): number {
  return byName.compare(a.name, b.name);
}

/** Newest first; pipelines that never changed go last. */
function compareLastChange(a: SortablePipeline, b: SortablePipeline): number {
  const at = a.lastChangedAt?.getTime() ?? -Infinity;
  const bt = b.lastChangedAt?.getTime() ?? -Infinity;
  if (at === bt) return 0;
  return bt > at ? 1 : -1;
}

const COMPARATORS: Record<SortOrder, (a: SortablePipeline, b: SortablePipeline) => number> = {
  attention: (a, b) =>
    ATTENTION_RANK[a.health] - ATTENTION_RANK[b.health] || compareLastChange(a, b) || compareName(a, b),
  name: compareName,
  "last-change": (a, b) => compareLastChange(a, b) || compareName(a, b),
};

/** Favourites stay pinned on top; each group follows the chosen order. Returns a new array. */
export function sortPipelines<T extends SortablePipeline>(pipelines: readonly T[], order: SortOrder): T[] {
  const compare = COMPARATORS[order];
  return [...pipelines].sort((a, b) => Number(b.favourite) - Number(a.favourite) || compare(a, b));
}

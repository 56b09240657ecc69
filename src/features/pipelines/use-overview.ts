import type { PipelineExecutionSummary, PipelineSummary, GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import type { SortablePipeline } from "../../core/attention";
import { sourcedKey } from "../../core/sourced-key";
import { rollUpStatus, type PipelineStatusSummary } from "../../core/status";
import { pipelineStateQuery, pipelinesQuery, recentRunsQuery } from "../../lib/aws/pipeline-queries";
import type { Source } from "../../lib/aws/source";
import { slices, type QuerySlice } from "../../lib/query-slices";

export interface OverviewRow extends SortablePipeline {
  /** Unique across sources: the same name can live in two accounts. */
  key: string;
  source: Source;
  summary: PipelineSummary;
  status: PipelineStatusSummary;
  /** The newest executions, newest first (up to OVERVIEW_RUNS): the recent-runs strip and "failing for". */
  runs: PipelineExecutionSummary[];
  /** Both the state and the latest execution have arrived at least once. */
  loaded: boolean;
  /** The last refresh failed; what is shown is from `updatedAt`. */
  error: Error | null;
  /**
   * When what the row shows was last known current: its state's last read; while a read fails, the last
   * success of the failing read(s). 0 = nothing read yet.
   */
  updatedAt: number;
}

/**
 * A row object changes only when its own inputs do, so memoized rows skip re-rendering while others update.
 * Keyed by the ListPipelines entry, which React Query keeps identical between unchanged refreshes.
 */
const EMPTY_RUNS: PipelineExecutionSummary[] = [];

const rowCache = new WeakMap<PipelineSummary, { inputs: unknown[]; row: OverviewRow }>();

/** One source's ListPipelines, for the banner that names a source that cannot be read. */
export interface SourceList {
  source: Source;
  error: Error | null;
  isPending: boolean;
  dataUpdatedAt: number;
}

/**
 * Every pipeline of every source with its rolled-up status, read "off-screen" (slowly: the counters and the
 * attention order); rows in the viewport add their own on-screen observer (usePollOnScreen). A source that
 * cannot be read leaves the others untouched.
 */
export function useOverview(sources: readonly Source[], isFavourite: (source: Source, name: string) => boolean) {
  // Structurally shared by React Query: the same array while no list changes, so `entries` stays put.
  const listSlices = useQueries({ queries: sources.map((source) => pipelinesQuery(source)), combine: slices<PipelineSummary[]> });
  const lists: SourceList[] = sources.map((source, i) => ({ source, ...listSlices[i] }));
  const entries = useMemo(
    () => sources.flatMap((source, i) => (listSlices[i]?.data ?? []).filter((p) => p.name).map((summary) => ({ source, summary }))),
    [sources, listSlices],
  );

  const states = useQueries({
    queries: entries.map(({ source, summary }) => pipelineStateQuery(source, summary.name!, "off-screen")),
    combine: slices<GetPipelineStateOutput>,
  });
  const executions = useQueries({
    queries: entries.map(({ source, summary }) => recentRunsQuery(source, summary.name!, "off-screen")),
    combine: slices<PipelineExecutionSummary[]>,
  });

  const rows = useMemo<OverviewRow[]>(
    () =>
      entries.map(({ source, summary }, i) => {
      const name = summary.name!;
      const state = states[i];
      const execution = executions[i];
      const favourite = isFavourite(source, name);
      const inputs = [summary, state?.data, execution?.data, state?.error, execution?.error, favourite];
      const cached = rowCache.get(summary);
      if (cached && cached.inputs.every((value, j) => value === inputs[j])) return cached.row;
      const runs = execution?.data ?? EMPTY_RUNS;
      const status = rollUpStatus(state?.data, runs[0]);
      const row: OverviewRow = {
        key: sourcedKey(source.id, name),
        source,
        name,
        summary,
        status,
        runs,
        health: status.health,
        lastChangedAt: status.lastChangedAt,
        favourite,
        loaded: state?.data !== undefined && execution?.data !== undefined,
        error: state?.error ?? execution?.error ?? null,
        updatedAt: knownCurrentAt(state, execution),
      };
      rowCache.set(summary, { inputs, row });
      return row;
    }),
    [entries, states, executions, isFavourite],
  );

  return { lists, rows };
}

function knownCurrentAt(state: QuerySlice<unknown> | undefined, execution: QuerySlice<unknown> | undefined): number {
  const failing = [state, execution].filter((q) => q?.error && q.dataUpdatedAt > 0).map((q) => q!.dataUpdatedAt);
  return failing.length > 0 ? Math.min(...failing) : (state?.dataUpdatedAt ?? 0);
}

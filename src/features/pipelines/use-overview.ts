import type { PipelineExecutionSummary, PipelineSummary, GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import { useQueries, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import type { SortablePipeline } from "../../core/attention";
import { rollUpStatus, type PipelineStatusSummary } from "../../core/status";
import { latestExecutionQuery, pipelineStateQuery, pipelinesQuery } from "../../lib/aws/codepipeline-queries";
import type { Source } from "../../lib/aws/source";

export interface OverviewRow extends SortablePipeline {
  summary: PipelineSummary;
  status: PipelineStatusSummary;
  /** Both the state and the latest execution have arrived at least once. */
  loaded: boolean;
  /** The last refresh failed; what is shown is from `updatedAt`. */
  error: Error | null;
  updatedAt: number;
}

interface Slice<T> {
  data: T | undefined;
  error: Error | null;
  dataUpdatedAt: number;
}

function slices<T>(results: UseQueryResult<T>[]): Slice<T>[] {
  return results.map(({ data, error, dataUpdatedAt }) => ({ data, error, dataUpdatedAt }));
}

/**
 * A row object changes only when its own inputs do, so memoized rows skip re-rendering while others update.
 * Keyed by the ListPipelines entry, which React Query keeps identical between unchanged refreshes.
 */
const rowCache = new WeakMap<PipelineSummary, { inputs: unknown[]; row: OverviewRow }>();

/**
 * Every pipeline with its rolled-up status. Pipelines off screen are refreshed on the slow `offscreenSeconds`
 * cadence only, to keep the counters and the attention order honest; rows on screen add their own fast polling.
 */
export function useOverview(source: Source, favourites: Set<string>) {
  const list = useQuery(pipelinesQuery(source));
  const summaries = useMemo(() => (list.data ?? []).filter((p) => p.name), [list.data]);
  const offscreenMs = source.polling.offscreenSeconds * 1000;
  const background = {
    refetchInterval: offscreenMs > 0 ? offscreenMs : false,
    staleTime: offscreenMs > 0 ? offscreenMs : Infinity,
  } as const;

  const states = useQueries({
    queries: summaries.map((p) => ({ ...pipelineStateQuery(source, p.name!), ...background })),
    combine: slices<GetPipelineStateOutput>,
  });
  const executions = useQueries({
    queries: summaries.map((p) => ({ ...latestExecutionQuery(source, p.name!), ...background })),
    combine: slices<PipelineExecutionSummary | null>,
  });

  const rows = useMemo<OverviewRow[]>(
    () =>
      summaries.map((summary, i) => {
      const name = summary.name!;
      const state = states[i];
      const execution = executions[i];
      const inputs = [summary, state?.data, execution?.data, state?.error, execution?.error, favourites.has(name)];
      const cached = rowCache.get(summary);
      if (cached && cached.inputs.every((value, j) => value === inputs[j])) return cached.row;
      const status = rollUpStatus(state?.data, execution?.data ?? undefined);
      const row: OverviewRow = {
        name,
        summary,
        status,
        health: status.health,
        lastChangedAt: status.lastChangedAt,
        favourite: favourites.has(name),
        loaded: state?.data !== undefined && execution?.data !== undefined,
        error: state?.error ?? execution?.error ?? null,
        updatedAt: Math.min(state?.dataUpdatedAt ?? 0, execution?.dataUpdatedAt ?? 0),
      };
      rowCache.set(summary, { inputs, row });
      return row;
    }),
    [summaries, states, executions, favourites],
  );

  const failedRows = rows.filter((row) => row.error);
  const updatedAt = Math.max(list.dataUpdatedAt, ...states.map((s) => s.dataUpdatedAt), ...executions.map((e) => e.dataUpdatedAt));
  return { list, rows, failedRows, updatedAt };
}

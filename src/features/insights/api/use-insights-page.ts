import type { GetPipelineOutput, PipelineSummary, Tag } from "@aws-sdk/client-codepipeline";
import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import type { TagFilter } from "../../../core/wall/options";
import { matchesTags } from "../../../core/wall/options";
import { pipelineArn } from "../../../core/wall/sources";
import { sourcedKey } from "../../../core/sourced-key";
import { pipelineDeclarationQuery, pipelineTagsQuery } from "../../../lib/aws/declaration-queries";
import { pipelinesQuery } from "../../../lib/aws/pipeline-queries";
import type { Source } from "../../../lib/aws/source";
import { actionHistoryQuery, executionHistoryQuery, type HistoryRead } from "../../../lib/insights/history-queries";
import { slices } from "../../../lib/query-slices";
import type { ActionExecutionDetail, PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";

/** At most this many pipelines get their action runs read at once (the four keys in full, cost). */
export const MAX_DETAILED = 25;

export interface InsightsFilter {
  source: string;
  name: string;
  tag?: TagFilter;
}

export interface InsightsPipeline {
  key: string;
  source: Source;
  summary: PipelineSummary;
  executions?: HistoryRead<PipelineExecutionSummary>;
  actions?: HistoryRead<ActionExecutionDetail>;
  error: Error | null;
  /** Answered (with data or an error). */
  settled: boolean;
}

const EMPTY: never[] = [];

/**
 * The pipelines the Insights page shows and their history: every source's list, filtered by source, name
 * (contains, as on the overview) and one tag (`key` or `key=value`, read as the wall reads tags: one GetPipeline
 * per source for the account, then ListTagsForResource per name-matched pipeline). Executions are read for every
 * pipeline shown; action runs only when `detailed`, for the first MAX_DETAILED.
 */
export function useInsightsPage(sources: readonly Source[], filter: InsightsFilter, days: number, detailed: boolean) {
  const shown = useMemo(() => sources.filter((s) => !filter.source || s.id === filter.source), [sources, filter.source]);
  const lists = useQueries({ queries: shown.map((s) => pipelinesQuery(s, "off-screen")), combine: slices<PipelineSummary[]> });
  const needle = filter.name.trim().toLowerCase();
  const named = useMemo(
    () =>
      shown.flatMap((source, i) =>
        (lists[i]?.data ?? EMPTY).flatMap((summary) =>
          summary.name && summary.name.toLowerCase().includes(needle) ? [{ key: sourcedKey(source.id, summary.name), source, summary }] : [],
        ),
      ),
    [shown, lists, needle],
  );

  const tag = filter.tag;
  const samples = shown.map((source) => (tag ? named.find((p) => p.source === source) : undefined));
  const sampleDeclarations = useQueries({
    queries: shown.map((source, i) => ({
      ...pipelineDeclarationQuery(source, samples[i]?.summary.name ?? "", samples[i]?.summary.version, "off-screen"),
      enabled: samples[i] !== undefined,
    })),
    combine: slices<GetPipelineOutput>,
  });
  const arns = named.map((p) => (tag ? pipelineArn(sampleDeclarations[shown.indexOf(p.source)]?.data?.metadata?.pipelineArn, p.summary.name!) : undefined));
  // Observers only where they may read: a thousand disabled ones still cost every render (1,000 pipelines).
  const tags = useQueries({
    queries: (tag ? named : EMPTY).map((p, i) => ({ ...pipelineTagsQuery(p.source, p.summary.name!, arns[i], "off-screen"), enabled: arns[i] !== undefined })),
    combine: slices<Tag[]>,
  });
  const pipelines = useMemo(
    () => (tag ? named.filter((_, i) => tags[i]?.data !== undefined && matchesTags(tags[i].data!, [tag])) : named),
    [tag, named, tags],
  );
  const tagsPending = tag !== undefined && named.some((_, i) => tags[i]?.data === undefined && !tags[i]?.error);

  const executions = useQueries({
    queries: pipelines.map((p) => executionHistoryQuery(p.source, p.summary.name!, days)),
    combine: slices<HistoryRead<PipelineExecutionSummary>>,
  });
  const actions = useQueries({
    queries: (detailed ? pipelines.slice(0, MAX_DETAILED) : EMPTY).map((p) => actionHistoryQuery(p.source, p.summary.name!, days)),
    combine: slices<HistoryRead<ActionExecutionDetail>>,
  });

  const rows = useMemo<InsightsPipeline[]>(
    () =>
      pipelines.map((p, i) => ({
        ...p,
        executions: executions[i]?.data,
        actions: actions[i]?.data,
        error: executions[i]?.error ?? actions[i]?.error ?? null,
        settled: executions[i]?.data !== undefined || executions[i]?.error !== null,
      })),
    [pipelines, executions, actions],
  );

  const failedSources = shown.flatMap((source, i) => (lists[i]?.error ? [{ source, error: lists[i].error! }] : []));
  return {
    rows,
    listing: lists.some((l) => l.isPending) || tagsPending,
    failedSources,
    read: rows.filter((r) => r.settled).length,
    readingActions: actions.filter((a) => a.isPending).length,
  };
}

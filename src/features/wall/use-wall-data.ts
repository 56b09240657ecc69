import type { GetPipelineOutput, GetPipelineStateOutput, PipelineExecutionSummary, PipelineSummary, Tag } from "@aws-sdk/client-codepipeline";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { compileNameFilter, matchesTags, type WallOptions } from "../../core/wall/options";
import { sourcedKey } from "../../core/sourced-key";
import { pipelineArn, type SourceFeed } from "../../core/wall/sources";
import type { TileInput } from "../../core/wall/tile";
import { wallExecutionsQuery } from "../../lib/aws/execution-queries";
import { pipelineStateQuery, pipelinesQuery } from "../../lib/aws/pipeline-queries";
import { pipelineDeclarationQuery, pipelineTagsQuery } from "../../lib/aws/declaration-queries";
import type { Source } from "../../lib/aws/source";
import { onWall } from "../../lib/polling/policy";
import { failuresInRow } from "../../lib/polling/read-failures";
import { slices, type QuerySlice } from "../../lib/query-slices";

const EMPTY: never[] = [];

/** A query that has answered: with data, or with an error (the wall's reads do not retry on their own). */
const answered = (q: QuerySlice<unknown> | undefined) => q !== undefined && (q.data !== undefined || q.error !== null);

/** One pipeline of one source: the unit everything below is read for. */
interface WallPipeline {
  source: Source;
  name: string;
  key: string;
  version?: number;
}

/**
 * Everything the wall reads, for every source it shows, and nothing for pipelines it filters out. Each source
 * has its own client and request limiter, so each keeps this budget on its own:
 * - ListPipelines at a slow cadence (at least 4 × the refresh interval);
 * - with a tag filter: one GetPipeline (for the account in the ARN) and ListTagsForResource per name-matched
 *   pipeline every 30 minutes; pipelines are shown once their tags are known to match;
 * - GetPipelineState once per refresh interval per matching pipeline (backing off while failing);
 * - ListPipelineExecutions only when that state changed (a stage moved: followStateChanges), else every 30 minutes;
 * - GetPipeline once per pipeline version, only for pipelines that wait for an approval (its timeout).
 * All of it keeps polling while the tab is hidden, backing off while failing (the policy's `onWall` cadences).
 * `labelled`: tiles carry their source's label.
 */
export function useWallData(sources: readonly Source[], options: WallOptions, labelled: boolean) {
  const refreshMs = options.refreshSeconds * 1000;
  const wall = useMemo(() => onWall(refreshMs), [refreshMs]);

  const lists = useQueries({
    queries: sources.map((source) => pipelinesQuery(source, wall)),
    combine: slices<PipelineSummary[]>,
  });

  const matchName = useMemo(() => compileNameFilter(options.filter), [options.filter]);
  const named = useMemo(
    () =>
      sources.flatMap((source, i) =>
        (lists[i]?.data ?? EMPTY).flatMap((p): WallPipeline[] =>
          p.name && matchName(p.name) ? [{ source, name: p.name, key: sourcedKey(source.id, p.name), version: p.version }] : [],
        ),
      ),
    [sources, lists, matchName],
  );

  // Tags: per source, one GetPipeline gives the account, every ARN of that source is built from it.
  const tagFilters = options.tags;
  const filteringByTags = tagFilters.length > 0;
  const samples = sources.map((source) => (filteringByTags ? named.find((p) => p.source === source) : undefined));
  const sampleDeclarations = useQueries({
    queries: sources.map((source, i) => ({
      ...pipelineDeclarationQuery(source, samples[i]?.name ?? "", samples[i]?.version, wall),
      enabled: samples[i] !== undefined,
    })),
    combine: slices<GetPipelineOutput>,
  });
  const tagged = useMemo(() => {
    if (!filteringByTags) return EMPTY;
    const arnBySource = new Map(sources.map((s, i) => [s, sampleDeclarations[i]?.data?.metadata?.pipelineArn]));
    return named.flatMap((p) => {
      const arn = pipelineArn(arnBySource.get(p.source), p.name);
      return arn ? [{ pipeline: p, arn }] : [];
    });
  }, [filteringByTags, sources, sampleDeclarations, named]);
  const tags = useQueries({ queries: tagged.map((t) => pipelineTagsQuery(t.pipeline.source, t.pipeline.name, t.arn, wall)), combine: slices<Tag[]> });
  const tagsByKey = useMemo(() => new Map(tagged.map((t, i) => [t.pipeline.key, tags[i]?.data])), [tagged, tags]);
  const candidates = useMemo(
    () =>
      filteringByTags
        ? named.filter((p) => {
            const own = tagsByKey.get(p.key);
            return own !== undefined && matchesTags(own, tagFilters);
          })
        : named,
    [filteringByTags, named, tagsByKey, tagFilters],
  );

  const states = useQueries({
    queries: candidates.map((p) => pipelineStateQuery(p.source, p.name, wall)),
    combine: slices<GetPipelineStateOutput>,
  });

  const executions = useQueries({
    queries: candidates.map((p, i) => ({ ...wallExecutionsQuery(p.source, p.name), enabled: states[i]?.data !== undefined })),
    combine: slices<PipelineExecutionSummary[]>,
  });

  const waiting = useMemo(
    () =>
      candidates.flatMap((p, i) => {
        const state = states[i]?.data;
        const pending = state?.stageStates?.some((s) =>
          s.actionStates?.some((a) => a.latestExecution?.status === "InProgress" && a.latestExecution.token),
        );
        return pending ? [{ pipeline: p, version: state?.pipelineVersion }] : [];
      }),
    [candidates, states],
  );
  const declarations = useQueries({
    queries: waiting.map((w) => pipelineDeclarationQuery(w.pipeline.source, w.pipeline.name, w.version, wall)),
    combine: slices<GetPipelineOutput>,
  });

  const queryClient = useQueryClient();
  const inputs = useMemo<TileInput[]>(() => {
    const declarationByKey = new Map(waiting.map((w, i) => [w.pipeline.key, declarations[i]?.data?.pipeline]));
    return candidates.map((p, i) => ({
      name: p.name,
      sourceId: p.source.id,
      sourceLabel: labelled ? p.source.label : undefined,
      state: states[i]?.data,
      stateUpdatedAt: states[i]?.dataUpdatedAt ?? 0,
      // Read when the states change: each failure is a new error, so a new `states`.
      stateFailures: states[i]?.error ? failuresInRow(queryClient.getQueryCache().find({ queryKey: pipelineStateQuery(p.source, p.name, wall).queryKey, exact: true })) : 0,
      executions: executions[i]?.data,
      executionsUpdatedAt: executions[i]?.dataUpdatedAt,
      declaration: declarationByKey.get(p.key),
    }));
  }, [candidates, states, executions, waiting, declarations, labelled, queryClient, wall]);

  const feeds = useMemo<SourceFeed[]>(
    () =>
      sources.map((source, i) => ({
        id: source.id,
        label: source.label,
        listed: lists[i]?.data !== undefined,
        listFailing: !!lists[i]?.error,
        listUpdatedAt: lists[i]?.dataUpdatedAt ?? 0,
      })),
    [sources, lists],
  );

  /**
   * Waiting for tags before anything can be shown: some name-matched pipeline's tags are still unknown, and its
   * source's sample declaration has not failed (a failing source must not hold the others' tiles back).
   */
  const filtering =
    filteringByTags &&
    candidates.length === 0 &&
    named.some((p) => tagsByKey.get(p.key) === undefined && !sampleDeclarations[sources.indexOf(p.source)]?.error);

  /**
   * The first full read is in: every source listed (or failed); with a tag filter, every sample declaration and
   * every name-matched pipeline's tags; for every matching pipeline its state and, once it has a state, its
   * executions and (waiting for an approval) its declaration, each read or failed. Until then tiles would still
   * change order, colour and lines as answers arrive; the page waits for this (or a deadline) before it lays
   * them out.
   */
  const settled =
    lists.every(answered) &&
    (!filteringByTags || (samples.every((sample, i) => sample === undefined || answered(sampleDeclarations[i])) && tags.every(answered))) &&
    states.every((state, i) => (state.data === undefined ? state.error !== null : answered(executions[i]))) &&
    declarations.every(answered);

  return { feeds, named, inputs, filtering, settled, refreshMs };
}

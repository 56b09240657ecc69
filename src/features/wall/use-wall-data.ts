import type { GetPipelineOutput, GetPipelineStateOutput, PipelineExecutionSummary, PipelineSummary, Tag } from "@aws-sdk/client-codepipeline";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { compileNameFilter, matchesTags, type WallOptions } from "../../core/wall/options";
import { listIntervalMs } from "../../core/wall/polling";
import { sourcedKey } from "../../core/sourced-key";
import type { SourceFeed } from "../../core/wall/sources";
import { stateFingerprint, type TileInput } from "../../core/wall/tile";
import { pipelineStateQuery, pipelinesQuery } from "../../lib/aws/pipeline-queries";
import type { Source } from "../../lib/aws/source";
import { backoff, pipelineArn, wallDeclarationQuery, wallExecutionsQuery, wallTagsQuery } from "../../lib/aws/wall-queries";
import { codepipelineKeys } from "../../lib/aws/query-keys";
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
 * - ListPipelineExecutions only when that state changed (a stage moved), else every 30 minutes;
 * - GetPipeline once per pipeline version, only for pipelines that wait for an approval (its timeout).
 * All of it keeps polling while the tab is hidden. `labelled`: tiles carry their source's label.
 */
export function useWallData(sources: readonly Source[], options: WallOptions, labelled: boolean) {
  const refreshMs = options.refreshSeconds * 1000;
  const queryClient = useQueryClient();

  const lists = useQueries({
    queries: sources.map((source) => ({
      ...pipelinesQuery(source),
      refetchInterval: backoff(listIntervalMs(refreshMs, source.polling.listSeconds * 1000)),
      refetchIntervalInBackground: true,
      retry: false,
    })),
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
      ...wallDeclarationQuery(source, samples[i]?.name ?? "", samples[i]?.version),
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
  const tags = useQueries({ queries: tagged.map((t) => wallTagsQuery(t.pipeline.source, t.pipeline.name, t.arn)), combine: slices<Tag[]> });
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
    queries: candidates.map((p) => ({
      ...pipelineStateQuery(p.source, p.name),
      refetchInterval: backoff(refreshMs),
      refetchIntervalInBackground: true,
      // A refocused or re-mounted screen must not add requests inside the interval.
      staleTime: refreshMs - 1000,
      retry: false,
    })),
    combine: slices<GetPipelineStateOutput>,
  });

  const executions = useQueries({
    queries: candidates.map((p, i) => ({ ...wallExecutionsQuery(p.source, p.name), enabled: states[i]?.data !== undefined })),
    combine: slices<PipelineExecutionSummary[]>,
  });

  // Re-read the executions of a pipeline whose stages moved. The map holds current candidates only.
  const fingerprints = useRef(new Map<string, string>());
  useEffect(() => {
    const previous = fingerprints.current;
    const next = new Map<string, string>();
    candidates.forEach((p, i) => {
      const fingerprint = stateFingerprint(states[i]?.data);
      next.set(p.key, fingerprint);
      const before = previous.get(p.key);
      if (before && fingerprint && before !== fingerprint) {
        void queryClient.invalidateQueries({ queryKey: codepipelineKeys.wallExecutions(p.source, p.name), exact: true });
      }
    });
    fingerprints.current = next;
  }, [candidates, states, queryClient]);

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
    queries: waiting.map((w) => wallDeclarationQuery(w.pipeline.source, w.pipeline.name, w.version)),
    combine: slices<GetPipelineOutput>,
  });

  const inputs = useMemo<TileInput[]>(() => {
    const declarationByKey = new Map(waiting.map((w, i) => [w.pipeline.key, declarations[i]?.data?.pipeline]));
    return candidates.map((p, i) => ({
      name: p.name,
      sourceId: p.source.id,
      sourceLabel: labelled ? p.source.label : undefined,
      state: states[i]?.data,
      stateUpdatedAt: states[i]?.dataUpdatedAt ?? 0,
      executions: executions[i]?.data,
      executionsUpdatedAt: executions[i]?.dataUpdatedAt,
      declaration: declarationByKey.get(p.key),
    }));
  }, [candidates, states, executions, waiting, declarations, labelled]);

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

import type { GetPipelineOutput, GetPipelineStateOutput, PipelineExecutionSummary, Tag } from "@aws-sdk/client-codepipeline";
import { useQueries, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { compileNameFilter, matchesTags, type WallOptions } from "../../core/wall/options";
import { listIntervalMs } from "../../core/wall/polling";
import { stateFingerprint, type TileInput } from "../../core/wall/tile";
import { pipelineStateQuery, pipelinesQuery } from "../../lib/aws/codepipeline-queries";
import type { Source } from "../../lib/aws/source";
import { backoff, pipelineArn, wallDeclarationQuery, wallExecutionsQuery, wallKeys, wallTagsQuery } from "./api/wall-queries";

interface Slice<T> {
  data: T | undefined;
  error: Error | null;
  dataUpdatedAt: number;
}

// Module scope: a stable `combine` lets React Query hand back the same array while nothing changed.
function slices<T>(results: UseQueryResult<T>[]): Slice<T>[] {
  return results.map(({ data, error, dataUpdatedAt }) => ({ data, error, dataUpdatedAt }));
}
const stateSlices = (r: UseQueryResult<GetPipelineStateOutput>[]) => slices(r);
const executionSlices = (r: UseQueryResult<PipelineExecutionSummary[]>[]) => slices(r);
const declarationSlices = (r: UseQueryResult<GetPipelineOutput>[]) => slices(r);
const tagData = (r: UseQueryResult<Tag[]>[]) => r.map((q) => q.data);

const EMPTY: never[] = [];

/**
 * Everything the wall reads, and nothing for pipelines it filters out:
 * - ListPipelines at a slow cadence (at least 4 × the refresh interval);
 * - with a tag filter: one GetPipeline (for the account in the ARN) and ListTagsForResource per name-matched
 *   pipeline every 30 minutes; pipelines are shown once their tags are known to match;
 * - GetPipelineState once per refresh interval per matching pipeline (backing off while failing);
 * - ListPipelineExecutions only when that state changed (a stage moved), else every 30 minutes;
 * - GetPipeline once per pipeline version, only for pipelines that wait for an approval (its timeout).
 * All of it keeps polling while the tab is hidden.
 */
export function useWallData(source: Source, options: WallOptions) {
  const refreshMs = options.refreshSeconds * 1000;
  const queryClient = useQueryClient();

  const list = useQuery({
    ...pipelinesQuery(source),
    refetchInterval: backoff(listIntervalMs(refreshMs, source.polling.listSeconds * 1000)),
    refetchIntervalInBackground: true,
    retry: false,
  });

  const matchName = useMemo(() => compileNameFilter(options.filter), [options.filter]);
  const named = useMemo(
    () => (list.data ?? EMPTY).filter((p): p is typeof p & { name: string } => !!p.name && matchName(p.name)),
    [list.data, matchName],
  );

  // Tags: one GetPipeline gives the account, every ARN is built from it.
  const tagFilters = options.tags;
  const filteringByTags = tagFilters.length > 0;
  const sample = filteringByTags ? named[0] : undefined;
  const sampleDeclaration = useQuery({
    ...wallDeclarationQuery(source, sample?.name ?? "", sample?.version),
    enabled: sample !== undefined,
  });
  const sampleArn = sampleDeclaration.data?.metadata?.pipelineArn;
  const tags = useQueries({
    queries:
      filteringByTags && sampleArn
        ? named.map((p) => wallTagsQuery(source, pipelineArn(sampleArn, p.name) ?? p.name))
        : EMPTY,
    combine: tagData,
  });
  const candidates = useMemo(
    () =>
      filteringByTags
        ? named.filter((_, i) => tags[i] !== undefined && matchesTags(tags[i]!, tagFilters))
        : named,
    [filteringByTags, named, tags, tagFilters],
  );

  const states = useQueries({
    queries: candidates.map((p) => ({
      ...pipelineStateQuery(source, p.name),
      refetchInterval: backoff(refreshMs),
      refetchIntervalInBackground: true,
      // A refocused or re-mounted screen must not add requests inside the interval.
      staleTime: refreshMs - 1000,
      retry: false,
    })),
    combine: stateSlices,
  });

  const executions = useQueries({
    queries: candidates.map((p, i) => ({ ...wallExecutionsQuery(source, p.name), enabled: states[i]?.data !== undefined })),
    combine: executionSlices,
  });

  // Re-read the executions of a pipeline whose stages moved. The map holds current candidates only.
  const fingerprints = useRef(new Map<string, string>());
  useEffect(() => {
    const previous = fingerprints.current;
    const next = new Map<string, string>();
    candidates.forEach((p, i) => {
      const fingerprint = stateFingerprint(states[i]?.data);
      next.set(p.name, fingerprint);
      const before = previous.get(p.name);
      if (before && fingerprint && before !== fingerprint) {
        void queryClient.invalidateQueries({ queryKey: wallKeys.executions(source, p.name), exact: true });
      }
    });
    fingerprints.current = next;
  }, [candidates, states, queryClient, source]);

  const waiting = useMemo(
    () =>
      candidates.flatMap((p, i) => {
        const state = states[i]?.data;
        const pending = state?.stageStates?.some((s) =>
          s.actionStates?.some((a) => a.latestExecution?.status === "InProgress" && a.latestExecution.token),
        );
        return pending ? [{ name: p.name, version: state?.pipelineVersion }] : [];
      }),
    [candidates, states],
  );
  const declarations = useQueries({
    queries: waiting.map((w) => wallDeclarationQuery(source, w.name, w.version)),
    combine: declarationSlices,
  });

  const inputs = useMemo<TileInput[]>(() => {
    const declarationByName = new Map(waiting.map((w, i) => [w.name, declarations[i]?.data?.pipeline]));
    return candidates.map((p, i) => ({
      name: p.name,
      state: states[i]?.data,
      stateUpdatedAt: states[i]?.dataUpdatedAt ?? 0,
      executions: executions[i]?.data,
      executionsUpdatedAt: executions[i]?.dataUpdatedAt,
      declaration: declarationByName.get(p.name),
    }));
  }, [candidates, states, executions, waiting, declarations]);

  const errors = states.filter((s) => s.error).length;
  /** Waiting for tags before anything can be shown. */
  const filtering = filteringByTags && named.length > 0 && (!sampleArn || tags.some((t) => t === undefined));

  return { list, named, inputs, errors, filtering, refreshMs };
}

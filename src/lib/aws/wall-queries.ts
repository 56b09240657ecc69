import {
  GetPipelineCommand,
  ListPipelineExecutionsCommand,
  type GetPipelineOutput,
  type PipelineExecutionSummary,
} from "@aws-sdk/client-codepipeline";
import { queryOptions } from "@tanstack/react-query";
import { HISTORY_INTERVAL_MS, HISTORY_SIZE, pollDelay, stableJitter, TAGS_INTERVAL_MS } from "../../core/wall/polling";
import { pipelineTagsQuery } from "./pipeline-queries";
import { codepipelineKeys } from "./query-keys";
import type { Source } from "./source";

/**
 * Interval with backoff: React Query hands the query, whose `fetchFailureCount` resets on success. The jitter is
 * stable per query and failure count (see `stableJitter`): a random one would restart the timer on every render.
 */
export function backoff(baseMs: number) {
  return (query: { queryHash: string; state: { fetchFailureCount: number } }) =>
    pollDelay(baseMs, query.state.fetchFailureCount, stableJitter(query.queryHash, query.state.fetchFailureCount));
}

/**
 * Recent executions (newest first). The wall invalidates it when the state fingerprint changes (a stage moved);
 * otherwise it is re-read only at a slow safety cadence. The newest gives status, revision and start time; the
 * successful ones the expected duration.
 */
export function wallExecutionsQuery(source: Source, name: string) {
  return queryOptions({
    queryKey: codepipelineKeys.wallExecutions(source, name),
    queryFn: async ({ signal }): Promise<PipelineExecutionSummary[]> => {
      const output = await source.send(
        (client, abortSignal) =>
          client.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: HISTORY_SIZE }), { abortSignal }),
        { signal, pipelineName: name },
      );
      return output.pipelineExecutionSummaries ?? [];
    },
    staleTime: HISTORY_INTERVAL_MS,
    refetchInterval: backoff(HISTORY_INTERVAL_MS),
    refetchIntervalInBackground: true,
    retry: false,
  });
}

/** The declaration of one pipeline version: approval timeouts, and the pipeline ARN. Never changes for a version. */
export function wallDeclarationQuery(source: Source, name: string, version: number | undefined) {
  return queryOptions({
    queryKey: codepipelineKeys.declaration(source, name, version),
    queryFn: ({ signal }): Promise<GetPipelineOutput> =>
      source.send((client, abortSignal) => client.send(new GetPipelineCommand({ name, version }), { abortSignal }), {
        signal,
        pipelineName: name,
      }),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    // Only errors retry, on the backoff schedule; a loaded declaration is never polled.
    refetchInterval: (query) =>
      query.state.data ? false : pollDelay(60_000, query.state.fetchFailureCount, stableJitter(query.queryHash, query.state.fetchFailureCount)),
    refetchIntervalInBackground: true,
    retry: false,
  });
}

/** Tags change rarely: the shared tags query, read every 30 minutes, and only while a tag filter is set. */
export function wallTagsQuery(source: Source, name: string, arn: string) {
  return {
    ...pipelineTagsQuery(source, name, arn),
    staleTime: TAGS_INTERVAL_MS,
    gcTime: TAGS_INTERVAL_MS,
    refetchInterval: backoff(TAGS_INTERVAL_MS),
    refetchIntervalInBackground: true,
    retry: false,
  };
}

/** `arn:aws:codepipeline:<region>:<account>:<name>` from any pipeline's ARN, so one GetPipeline serves all. */
export function pipelineArn(sampleArn: string | undefined, name: string): string | undefined {
  const match = sampleArn ? /^arn:([^:]+):codepipeline:([^:]*):(\d+):/.exec(sampleArn) : null;
  return match ? `arn:${match[1]}:codepipeline:${match[2]}:${match[3]}:${name}` : undefined;
}

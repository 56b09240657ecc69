import {
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  type GetPipelineStateOutput,
  type PipelineExecutionSummary,
  type PipelineSummary,
} from "@aws-sdk/client-codepipeline";
import { queryOptions } from "@tanstack/react-query";
import { OVERVIEW_RUNS } from "../../core/recent-runs";
import { pollingPolicy, type Presence } from "../polling/policy";
import { codepipelineKeys } from "./query-keys";
import type { Source } from "./source";

/**
 * `$metadata` carries a fresh request id on every answer; left in, every poll would look like new data,
 * defeating structural sharing (re-renders) and followStateChanges (needless refetches).
 */
function withoutMetadata<T extends { $metadata?: unknown }>(output: T): Omit<T, "$metadata"> {
  const { $metadata: _metadata, ...data } = output;
  return data;
}

/**
 * The reads every page shares. Each takes what the page shows (`presence`, see lib/polling/policy.ts) and
 * leaves how often to read it to the polling policy.
 */

/** Every page of ListPipelines: an account can hold 1000 pipelines, more than one page. */
export function pipelinesQuery(source: Source, presence: Presence = "on-screen") {
  return queryOptions({
    queryKey: codepipelineKeys.pipelines(source),
    queryFn: async ({ signal }): Promise<PipelineSummary[]> => {
      const pipelines: PipelineSummary[] = [];
      let nextToken: string | undefined;
      do {
        const page = await source.send(
          (client, abortSignal) => client.send(new ListPipelinesCommand({ nextToken, maxResults: 1000 }), { abortSignal }),
          { signal },
        );
        pipelines.push(...(page.pipelines ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      return pipelines;
    },
    ...pollingPolicy.list(source.polling, presence),
  });
}

/** GetPipelineState: on screen, fast while something runs or waits for approval, slow when idle. */
export function pipelineStateQuery(source: Source, name: string, presence: Presence = "on-screen") {
  return queryOptions({
    queryKey: codepipelineKeys.state(source, name),
    queryFn: async ({ signal }): Promise<GetPipelineStateOutput> =>
      withoutMetadata(
        await source.send((client, abortSignal) => client.send(new GetPipelineStateCommand({ name }), { abortSignal }), {
          signal,
          pipelineName: name,
        }),
      ),
    ...pollingPolicy.state(source.polling, presence),
  });
}

/**
 * The newest executions, newest first (ListPipelineExecutions, one page of `OVERVIEW_RUNS`): the first gives the
 * row its status, all of them its recent-runs strip, in the one call a single result would cost.
 * followStateChanges re-reads it when the state moves.
 */
export function recentRunsQuery(source: Source, name: string, presence: Presence = "on-screen") {
  return queryOptions({
    queryKey: codepipelineKeys.recentRuns(source, name),
    queryFn: async ({ signal }): Promise<PipelineExecutionSummary[]> => {
      const output = await source.send(
        (client, abortSignal) =>
          client.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: OVERVIEW_RUNS }), { abortSignal }),
        { signal, pipelineName: name },
      );
      return output.pipelineExecutionSummaries ?? [];
    },
    ...pollingPolicy.latestExecution(source.polling, presence),
  });
}

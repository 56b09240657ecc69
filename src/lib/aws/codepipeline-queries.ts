import {
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  type PipelineExecutionSummary,
  type PipelineSummary,
} from "@aws-sdk/client-codepipeline";
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { isExecutionActive, isStateActive } from "../../core/status";
import type { Source } from "./source";

/**
 * Keys run general → specific and start with the source, so one prefix invalidates a pipeline, a source or
 * everything. Only the factories below build them.
 */
export const codepipelineKeys = {
  all: ["codepipeline"] as const,
  source: (source: Source) => [...codepipelineKeys.all, source.id] as const,
  pipelines: (source: Source) => [...codepipelineKeys.source(source), "pipelines"] as const,
  pipeline: (source: Source, name: string) => [...codepipelineKeys.source(source), "pipeline", name] as const,
  state: (source: Source, name: string) => [...codepipelineKeys.pipeline(source, name), "state"] as const,
  executions: (source: Source, name: string) => [...codepipelineKeys.pipeline(source, name), "executions"] as const,
  latestExecution: (source: Source, name: string) =>
    [...codepipelineKeys.executions(source, name), { maxResults: 1 }] as const,
};

const seconds = (s: number) => s * 1000;

/** Every page of ListPipelines: an account can hold 1000 pipelines, more than one page. */
export function pipelinesQuery(source: Source) {
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
    refetchInterval: seconds(source.polling.listSeconds),
  });
}

/** Fast while something runs or waits for approval, slow when idle. Hidden tabs pause (React Query default). */
export function pipelineStateQuery(source: Source, name: string) {
  return queryOptions({
    queryKey: codepipelineKeys.state(source, name),
    queryFn: ({ signal }) =>
      source.send((client, abortSignal) => client.send(new GetPipelineStateCommand({ name }), { abortSignal }), {
        signal,
        pipelineName: name,
      }),
    refetchInterval: (query) =>
      seconds(isStateActive(query.state.data) ? source.polling.activeSeconds : source.polling.idleSeconds),
  });
}

export function latestExecutionQuery(source: Source, name: string) {
  return queryOptions({
    queryKey: codepipelineKeys.latestExecution(source, name),
    queryFn: async ({ signal }): Promise<PipelineExecutionSummary | null> => {
      const output = await source.send(
        (client, abortSignal) =>
          client.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 1 }), { abortSignal }),
        { signal, pipelineName: name },
      );
      // null, not undefined: React Query refuses undefined as data, and "never ran" is an answer.
      return output.pipelineExecutionSummaries?.[0] ?? null;
    },
    refetchInterval: (query) =>
      seconds(isExecutionActive(query.state.data ?? undefined) ? source.polling.activeSeconds : source.polling.idleSeconds),
  });
}

/**
 * What a mutation changed, so it refreshes exactly that: an execution change (start, stop, retry, approve,
 * rollback) moves both state and history; a transition toggle only the state.
 */
export type PipelineChange = "execution" | "transition";

export function invalidateAfter(queryClient: QueryClient, source: Source, name: string, change: PipelineChange) {
  const keys =
    change === "execution"
      ? [codepipelineKeys.state(source, name), codepipelineKeys.executions(source, name)]
      : [codepipelineKeys.state(source, name)];
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

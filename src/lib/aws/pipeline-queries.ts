import {
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
  type GetPipelineStateOutput,
  type PipelineExecutionSummary,
  type PipelineSummary,
  type Tag,
} from "@aws-sdk/client-codepipeline";
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { GetPipelineCommand } from "@aws-sdk/client-codepipeline";
import { isStateActive } from "../../core/status";
import { codepipelineKeys, pipelineOfKey } from "./query-keys";
import type { Source } from "./source";

const seconds = (s: number) => s * 1000;

/**
 * `$metadata` carries a fresh request id on every answer; left in, every poll would look like new data,
 * defeating structural sharing (re-renders) and followStateChanges (needless refetches).
 */
function withoutMetadata<T extends { $metadata?: unknown }>(output: T): Omit<T, "$metadata"> {
  const { $metadata: _metadata, ...data } = output;
  return data;
}

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
    queryFn: async ({ signal }): Promise<GetPipelineStateOutput> =>
      withoutMetadata(
        await source.send((client, abortSignal) => client.send(new GetPipelineStateCommand({ name }), { abortSignal }), {
          signal,
          pipelineName: name,
        }),
      ),
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
    // Not polled fast: followStateChanges refetches it whenever the (polled) state changes. This is the safety net.
    refetchInterval: seconds(source.polling.idleSeconds),
  });
}

/**
 * GetPipeline for one version (from GetPipelineState.pipelineVersion): a version never changes, so
 * it is fetched once and the layout stays put while statuses poll.
 */
export function pipelineDeclarationQuery(source: Source, name: string, version: number | undefined) {
  return queryOptions({
    queryKey: codepipelineKeys.declaration(source, name, version),
    queryFn: ({ signal }) =>
      source.send((client, abortSignal) => client.send(new GetPipelineCommand({ name, version }), { abortSignal }), {
        signal,
        pipelineName: name,
      }),
    staleTime: version === undefined ? seconds(30) : Infinity,
  });
}

/**
 * The current declaration read fresh from CodePipeline: the version check before a save must not trust
 * a cached answer.
 */
export function freshDeclarationQuery(source: Source, name: string) {
  return { ...pipelineDeclarationQuery(source, name, undefined), staleTime: 0 };
}

/** ListTagsForResource, every page. Needs the ARN, which GetPipeline's metadata gives. */
export function pipelineTagsQuery(source: Source, name: string, arn: string | undefined) {
  return queryOptions({
    queryKey: codepipelineKeys.tags(source, name, arn),
    queryFn: async ({ signal }): Promise<Tag[]> => {
      const tags: Tag[] = [];
      let nextToken: string | undefined;
      do {
        const page = await source.send(
          (client, abortSignal) => client.send(new ListTagsForResourceCommand({ resourceArn: arn, nextToken }), { abortSignal }),
          { signal, pipelineName: name },
        );
        tags.push(...(page.tags ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      return tags;
    },
    enabled: arn !== undefined,
    staleTime: 60_000,
  });
}

/**
 * What the execution history depends on: which execution each stage holds and its status. Progress
 * (`percentComplete`, action summaries) changes on every poll of a running pipeline and must not count.
 */
function executionFingerprint(state: GetPipelineStateOutput | undefined): string {
  return (state?.stageStates ?? [])
    .map((stage) => `${stage.latestExecution?.pipelineExecutionId}:${stage.latestExecution?.status}`)
    .join("|");
}

/**
 * Cheap poll, targeted refresh: only GetPipelineState polls fast. When a stage's execution or its status
 * changes, the same pipeline's execution history is refreshed. Halves the requests of every visible row.
 * Returns the unsubscribe function.
 */
export function followStateChanges(queryClient: QueryClient): () => void {
  const seen = new WeakMap<object, string>();
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success") return;
    const pipeline = pipelineOfKey(event.query.queryKey, "state");
    if (!pipeline) return;
    const fingerprint = executionFingerprint(event.query.state.data as GetPipelineStateOutput | undefined);
    const before = seen.get(event.query);
    seen.set(event.query, fingerprint);
    if (before === undefined || before === fingerprint) return;
    void queryClient.invalidateQueries({ queryKey: codepipelineKeys.executions(pipeline.source, pipeline.name) });
  });
}

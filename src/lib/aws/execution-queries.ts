import {
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  type ActionExecutionDetail,
  type PipelineExecutionSummary,
} from "@aws-sdk/client-codepipeline";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { codepipelineKeys } from "./pipeline-queries";
import type { Source } from "./source";

/**
 * The pipeline page's queries, under F's key scheme. Everything execution-related sits under
 * `codepipelineKeys.executions(...)`, so `invalidateAfter(..., "execution")` refreshes it too.
 * GetPipelineState itself is F's `pipelineStateQuery` (shared with the overview's cache).
 */
export const pipelinePageKeys = {
  declaration: (source: Source, name: string, version: number | undefined) =>
    [...codepipelineKeys.pipeline(source, name), "declaration", version ?? "latest"] as const,
  recentExecutions: (source: Source, name: string) => [...codepipelineKeys.executions(source, name), "recent"] as const,
  history: (source: Source, name: string) => [...codepipelineKeys.executions(source, name), "history"] as const,
  execution: (source: Source, name: string, id: string) => [...codepipelineKeys.executions(source, name), "detail", id] as const,
  actionExecutions: (source: Source, name: string, executionId: string) =>
    [...codepipelineKeys.executions(source, name), "actions", executionId] as const,
  recentActionExecutions: (source: Source, name: string) => [...codepipelineKeys.executions(source, name), "actions", "recent"] as const,
  succeededInStage: (source: Source, name: string, stageName: string) =>
    [...codepipelineKeys.executions(source, name), "succeeded-in", stageName] as const,
};

const seconds = (s: number) => s * 1000;
const RUNNING = new Set(["InProgress", "Stopping"]);

/**
 * GetPipeline for one version (from GetPipelineState.pipelineVersion): a version never changes, so
 * it is fetched once and the layout stays put while statuses poll.
 */
export function pipelineDeclarationQuery(source: Source, name: string, version: number | undefined) {
  return queryOptions({
    queryKey: pipelinePageKeys.declaration(source, name, version),
    queryFn: ({ signal }) =>
      source.send((client, abortSignal) => client.send(new GetPipelineCommand({ name, version }), { abortSignal }), {
        signal,
        pipelineName: name,
      }),
    staleTime: version === undefined ? seconds(30) : Infinity,
  });
}

/** Newest executions (one page), polled: running ones for the picker and Stop, revisions, durations. */
export function recentExecutionsQuery(source: Source, name: string) {
  return queryOptions({
    queryKey: pipelinePageKeys.recentExecutions(source, name),
    queryFn: async ({ signal }): Promise<PipelineExecutionSummary[]> => {
      const out = await source.send(
        (client, abortSignal) => client.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 25 }), { abortSignal }),
        { signal, pipelineName: name },
      );
      return out.pipelineExecutionSummaries ?? [];
    },
    refetchInterval: (query) =>
      seconds((query.state.data ?? []).some((e) => RUNNING.has(e.status ?? "")) ? source.polling.activeSeconds : source.polling.idleSeconds),
  });
}

export const HISTORY_PAGE_SIZE = 25;

/** The history tab: ListPipelineExecutions page by page (nextToken). */
export function executionHistoryQuery(source: Source, name: string) {
  return infiniteQueryOptions({
    queryKey: pipelinePageKeys.history(source, name),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      source.send(
        (client, abortSignal) =>
          client.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: HISTORY_PAGE_SIZE, nextToken: pageParam }), {
            abortSignal,
          }),
        { signal, pipelineName: name },
      ),
    getNextPageParam: (last) => last.nextToken,
    refetchInterval: seconds(source.polling.idleSeconds),
  });
}

export function executionQuery(source: Source, name: string, executionId: string) {
  return queryOptions({
    queryKey: pipelinePageKeys.execution(source, name, executionId),
    queryFn: async ({ signal }) => {
      const out = await source.send(
        (client, abortSignal) =>
          client.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: executionId }), { abortSignal }),
        { signal, pipelineName: name },
      );
      return out.pipelineExecution ?? null;
    },
    refetchInterval: (query) => executionPollMs(source, query.state.data?.status),
  });
}

/** How often one execution is read: often while it runs, rarely once it is over (it can still be retried). */
export function executionPollMs(source: Source, status: string | undefined) {
  return seconds(RUNNING.has(status ?? "") ? source.polling.activeSeconds : source.polling.idleSeconds * 4);
}

/** Action runs of a pipeline, newest first, up to `maxPages` pages of 100 (one execution's with the filter). */
export async function allActionExecutions(
  source: Source,
  name: string,
  filter: { pipelineExecutionId?: string },
  maxPages: number,
  signal?: AbortSignal,
): Promise<ActionExecutionDetail[]> {
  const details: ActionExecutionDetail[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await source.send(
      (client, abortSignal) =>
        client.send(
          new ListActionExecutionsCommand({
            pipelineName: name,
            filter: filter.pipelineExecutionId ? { pipelineExecutionId: filter.pipelineExecutionId } : undefined,
            maxResults: 100,
            nextToken,
          }),
          { abortSignal },
        ),
      { signal, pipelineName: name },
    );
    details.push(...(page.actionExecutionDetails ?? []));
    nextToken = page.nextToken;
    pages++;
  } while (nextToken && pages < maxPages);
  return details;
}

/**
 * Every action run of one execution (the timeline, PARALLEL-mode status, running stages' start
 * times). Polled while `running`, and until its own answer shows no action in progress: the execution
 * may be seen finished before the last runs are, and a failed read must be repeated to clear its error.
 */
export function actionExecutionsQuery(source: Source, name: string, executionId: string, running: boolean, scope: "all" | "latest" = "all") {
  return queryOptions({
    queryKey: [...pipelinePageKeys.actionExecutions(source, name, executionId), scope] as const,
    // "all": 50 stages × 50 actions = 2500 runs = 25 pages (more with retries), for the timeline.
    // "latest": one page of the newest runs, enough for the running stages' start times on the live graph.
    queryFn: ({ signal }) => allActionExecutions(source, name, { pipelineExecutionId: executionId }, scope === "all" ? 40 : 1, signal),
    refetchInterval: (query) =>
      running || query.state.status === "error" || (query.state.data ?? []).some((d) => d.status === "InProgress")
        ? seconds(source.polling.activeSeconds)
        : false,
  });
}

/** Recent action runs across executions, for expected durations: two pages, refreshed slowly. */
export function recentActionExecutionsQuery(source: Source, name: string) {
  return queryOptions({
    queryKey: pipelinePageKeys.recentActionExecutions(source, name),
    queryFn: ({ signal }) => allActionExecutions(source, name, {}, 2, signal),
    staleTime: 5 * 60_000,
    refetchInterval: 5 * 60_000,
  });
}

/** Rollback targets: executions that succeeded in `stageName` (ListPipelineExecutions filter). */
export function succeededInStageQuery(source: Source, name: string, stageName: string) {
  return queryOptions({
    queryKey: pipelinePageKeys.succeededInStage(source, name, stageName),
    queryFn: async ({ signal }): Promise<PipelineExecutionSummary[]> => {
      const out = await source.send(
        (client, abortSignal) =>
          client.send(
            new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 50, filter: { succeededInStage: { stageName } } }),
            { abortSignal },
          ),
        { signal, pipelineName: name },
      );
      return out.pipelineExecutionSummaries ?? [];
    },
  });
}

/**
 * The current declaration read fresh from CodePipeline: the version check before a save must not trust
 * a cached answer.
 */
export function freshDefinitionQuery(source: Source, name: string) {
  return { ...pipelineDeclarationQuery(source, name, undefined), staleTime: 0 };
}

import {
    GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  type ActionExecutionDetail,
  type PipelineExecutionSummary,
} from "@aws-sdk/client-codepipeline";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { HISTORY_SIZE } from "../../core/wall/polling";
import { IMMUTABLE, pollingPolicy } from "../polling/policy";
import { codepipelineKeys } from "./query-keys";
import type { Source } from "./source";

/**
 * Executions and action runs, everything under `codepipelineKeys.executions(...)`: `invalidateAfter(...,
 * "execution")` and a state change (followStateChanges) refresh them all.
 */


/** Newest executions (one page), polled: running ones for the picker and Stop, revisions, durations. */
export function recentExecutionsQuery(source: Source, name: string) {
  return queryOptions({
    queryKey: codepipelineKeys.recentExecutions(source, name),
    queryFn: async ({ signal }): Promise<PipelineExecutionSummary[]> => {
      const out = await source.send(
        (client, abortSignal) => client.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 25 }), { abortSignal }),
        { signal, pipelineName: name },
      );
      return out.pipelineExecutionSummaries ?? [];
    },
    ...pollingPolicy.recentExecutions(source.polling),
  });
}

/** The wall's recent executions (newest first): the newest gives status, revision and start; the successful ones the expected duration. */
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
    ...pollingPolicy.wallExecutions(),
  });
}

export const HISTORY_PAGE_SIZE = 25;

/** The history tab: ListPipelineExecutions page by page (nextToken). */
export function executionHistoryQuery(source: Source, name: string) {
  return infiniteQueryOptions({
    queryKey: codepipelineKeys.history(source, name),
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
    ...pollingPolicy.history(source.polling),
  });
}

export function executionQuery(source: Source, name: string, executionId: string) {
  return queryOptions({
    queryKey: codepipelineKeys.execution(source, name, executionId),
    queryFn: async ({ signal }) => {
      const out = await source.send(
        (client, abortSignal) =>
          client.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: executionId }), { abortSignal }),
        { signal, pipelineName: name },
      );
      return out.pipelineExecution ?? null;
    },
    ...pollingPolicy.execution(source.polling),
  });
}

/** The waiting execution's revisions and trigger: they never change, so fetched once per execution id. */
export function approvalExecutionQuery(source: Source, name: string, executionId: string) {
  return { ...executionQuery(source, name, executionId), ...IMMUTABLE };
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
 * times), polled while `running` (see the policy's `actionRuns`).
 */
export function actionExecutionsQuery(source: Source, name: string, executionId: string, running: boolean, scope: "all" | "latest" = "all") {
  return queryOptions({
    queryKey: codepipelineKeys.actionExecutions(source, name, executionId, scope),
    // "all": 50 stages × 50 actions = 2500 runs = 25 pages (more with retries), for the timeline.
    // "latest": one page of the newest runs, enough for the running stages' start times on the live graph.
    queryFn: ({ signal }) => allActionExecutions(source, name, { pipelineExecutionId: executionId }, scope === "all" ? 40 : 1, signal),
    ...pollingPolicy.actionRuns(source.polling, running),
  });
}

/** Recent action runs across executions, for expected durations: two pages. */
export function recentActionExecutionsQuery(source: Source, name: string) {
  return queryOptions({
    queryKey: codepipelineKeys.recentActionExecutions(source, name),
    queryFn: ({ signal }) => allActionExecutions(source, name, {}, 2, signal),
    ...pollingPolicy.recentActionRuns(),
  });
}

/**
 * Executions that succeeded in `stageName` (ListPipelineExecutions' filter), for the stage's rollback targets
 * (`rollbackTargets` in core/graph/availability): one read per stage and execution it holds, see the policy.
 */
export function succeededInStageQuery(source: Source, name: string, stageName: string, currentExecutionId: string | undefined) {
  return queryOptions({
    queryKey: codepipelineKeys.rollbackTargets(source, name, stageName, currentExecutionId),
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
    ...pollingPolicy.rollbackTargets(),
  });
}

/**
 * The action runs of a waiting approval's execution (one page, newest first: the waiting run is among them), for the
 * message and link CodePipeline resolved for it (`input.resolvedConfiguration`). Read once per execution, and only
 * when the declared ones hold variables (`hasVariables`): the policy's `approvalInput`. Here, not beside approvalRunsQuery, which
 * every page loads.
 */
export function approvalInputQuery(source: Source, name: string, executionId: string) {
  return queryOptions({
    queryKey: codepipelineKeys.approvalInput(source, name, executionId),
    queryFn: ({ signal }) => allActionExecutions(source, name, { pipelineExecutionId: executionId }, 1, signal),
    ...pollingPolicy.approvalInput(),
  });
}

import { ListActionExecutionsCommand, type ActionExecutionDetail } from "@aws-sdk/client-codepipeline";
import { queryOptions } from "@tanstack/react-query";
import { codepipelineKeys } from "./pipeline-queries";
import type { Source } from "./source";

/**
 * The inbox's own queries (read on every page for the navigation's count, so nothing else lives here: deciding
 * is in decide-approval.ts, loaded only with the pages that decide), under F's key scheme: everything sits under `codepipelineKeys.executions(...)`, so
 * `invalidateAfter(..., "execution")` (any control on the pipeline page) refreshes them too.
 */
export const approvalKeys = {
  runs: (source: Source, name: string) => [...codepipelineKeys.executions(source, name), "approvals", "runs"] as const,
};

/**
 * One page of ListActionExecutions (newest 100 action runs). It serves both the PARALLEL-mode pending approvals
 * (their tokens are only here) and the "recently decided" list (`updatedBy`, summary, time). Fetched only for
 * pipelines known to have approvals; never polled by itself (the approvals poller refreshes it).
 */
export function approvalRunsQuery(source: Source, name: string) {
  return queryOptions({
    queryKey: approvalKeys.runs(source, name),
    queryFn: async ({ signal }): Promise<ActionExecutionDetail[]> => {
      const out = await source.send(
        (client, abortSignal) => client.send(new ListActionExecutionsCommand({ pipelineName: name, maxResults: 100 }), { abortSignal }),
        { signal, pipelineName: name },
      );
      return (out.actionExecutionDetails ?? []).filter((d) => d.input?.actionTypeId?.category === "Approval");
    },
    refetchInterval: false,
    refetchOnWindowFocus: false,
    staleTime: source.polling.idleSeconds * 1000,
  });
}

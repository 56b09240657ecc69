import { ListActionExecutionsCommand, type ActionExecutionDetail } from "@aws-sdk/client-codepipeline";
import { queryOptions } from "@tanstack/react-query";
import { codepipelineKeys } from "./query-keys";
import { pollingPolicy, type Presence } from "../polling/policy";
import type { Source } from "./source";

/**
 * The approvals count's own read, on every page (so nothing heavier lives here). One page of ListActionExecutions
 * (newest 100 action runs). It serves both the PARALLEL-mode pending approvals
 * (their tokens are only here) and the "recently decided" list (`updatedBy`, summary, time). Fetched only for
 * pipelines known to have approvals; never polled by itself (the approvals sweep refreshes it).
 */
export function approvalRunsQuery(source: Source, name: string, presence: Presence = "cached") {
  return queryOptions({
    queryKey: codepipelineKeys.approvalRuns(source, name),
    queryFn: async ({ signal }): Promise<ActionExecutionDetail[]> => {
      const out = await source.send(
        (client, abortSignal) => client.send(new ListActionExecutionsCommand({ pipelineName: name, maxResults: 100 }), { abortSignal }),
        { signal, pipelineName: name },
      );
      return (out.actionExecutionDetails ?? []).filter((d) => d.input?.actionTypeId?.category === "Approval");
    },
    ...pollingPolicy.approvalRuns(source.polling, presence),
  });
}

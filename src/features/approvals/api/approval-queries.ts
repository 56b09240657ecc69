import {
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  PutApprovalResultCommand,
  type ActionExecutionDetail,
} from "@aws-sdk/client-codepipeline";
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { codepipelineKeys, pipelineStateQuery } from "../../../lib/aws/codepipeline-queries";
import type { Source } from "../../../lib/aws/source";
import { executionQuery } from "../../pipeline/api/pipeline-queries";
import { freshnessFromActionExecutions, freshnessFromState, type ApprovalTarget, type Decision, type Freshness } from "../../../core/approvals/decision";

/**
 * The inbox's own queries, under F's key scheme: everything sits under `codepipelineKeys.executions(...)`, so
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

/** The waiting execution's revisions and trigger: they never change, so fetched once per execution id. */
export function approvalExecutionQuery(source: Source, name: string, executionId: string) {
  return { ...executionQuery(source, name, executionId), refetchInterval: false as const, staleTime: Infinity, refetchOnWindowFocus: false };
}

export type DecideResult = { sent: false; freshness: Exclude<Freshness, { kind: "ready" }> } | { sent: true; executionId?: string; approvedAt?: Date };

/**
 * Reads the approval again just before sending, for a fresh token and to refuse a stale decision: decided,
 * expired or superseded meanwhile → nothing is sent. PARALLEL pipelines show no token in GetPipelineState, so
 * the token comes from ListActionExecutions (`externalExecutionId`) as the API documents.
 */
export async function decideApproval(
  source: Source,
  queryClient: QueryClient,
  target: ApprovalTarget,
  decision: Decision,
  summary: string,
): Promise<DecideResult> {
  const name = target.pipelineName;
  const state = await source.send((client, abortSignal) => client.send(new GetPipelineStateCommand({ name }), { abortSignal }), {
    pipelineName: name,
  });
  queryClient.setQueryData(pipelineStateQuery(source, name).queryKey, state);
  let freshness = freshnessFromState(target, state);
  if (freshness === null) {
    const runs = await source.send(
      (client, abortSignal) =>
        client.send(
          new ListActionExecutionsCommand({
            pipelineName: name,
            filter: target.executionId ? { pipelineExecutionId: target.executionId } : undefined,
            maxResults: 100,
          }),
          { abortSignal },
        ),
      { pipelineName: name },
    );
    freshness = freshnessFromActionExecutions(target, runs.actionExecutionDetails ?? []);
  }
  if (freshness.kind !== "ready") return { sent: false, freshness };
  const out = await source.send(
    (client, abortSignal) =>
      client.send(
        new PutApprovalResultCommand({
          pipelineName: name,
          stageName: target.stageName,
          actionName: target.actionName,
          token: freshness.token,
          result: { status: decision === "approve" ? "Approved" : "Rejected", summary },
        }),
        { abortSignal },
      ),
    { pipelineName: name },
  );
  return { sent: true, executionId: freshness.executionId, approvedAt: out.approvedAt };
}

import { GetPipelineStateCommand, PutApprovalResultCommand } from "@aws-sdk/client-codepipeline";
import type { QueryClient } from "@tanstack/react-query";
import { pipelineStateQuery } from "./pipeline-queries";
import type { Source } from "./source";
import { allActionExecutions } from "./execution-queries";
import { freshnessFromActionExecutions, freshnessFromState, type ApprovalTarget, type Decision, type Settled } from "../../core/approvals/decision";

export type DecideResult = { sent: false; freshness: Settled } | { sent: true; executionId?: string; approvedAt?: Date };

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
    const runs = await allActionExecutions(source, name, { pipelineExecutionId: target.executionId }, 1);
    freshness = freshnessFromActionExecutions(target, runs);
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

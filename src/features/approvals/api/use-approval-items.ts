import type { GetPipelineOutput, GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { useSource } from "../../../app/source-context";
import { approvalDeclaration, expiresAt, sortByUrgency, type ApprovalDeclaration, type PendingApproval } from "../../../core/approvals/pending";
import { pipelineDeclarationQuery } from "../../pipeline/api/pipeline-queries";

export interface ApprovalItem {
  approval: PendingApproval;
  info?: ApprovalDeclaration;
  expiresAt?: Date;
}

function declarations(results: UseQueryResult<GetPipelineOutput>[]) {
  return results.map((r) => r.data);
}

/**
 * Pending approvals with their declaration (CustomData, link, timeout) from GetPipeline, one request per
 * pipeline version (the graph engineer's query: cached for good, shared with the pipeline page), sorted by
 * urgency: soonest to expire first.
 */
export function useApprovalItems(approvals: PendingApproval[], states: Map<string, GetPipelineStateOutput | undefined>): ApprovalItem[] {
  const source = useSource();
  const wanted = useMemo(() => {
    const seen = new Map<string, { name: string; version: number | undefined }>();
    for (const a of approvals) {
      const version = states.get(a.pipelineName)?.pipelineVersion;
      seen.set(`${a.pipelineName}@${version}`, { name: a.pipelineName, version });
    }
    return [...seen.values()];
  }, [approvals, states]);
  const results = useQueries({
    queries: wanted.map((w) => ({ ...pipelineDeclarationQuery(source, w.name, w.version), refetchOnWindowFocus: false })),
    combine: declarations,
  });
  return useMemo(() => {
    const byName = new Map(wanted.map((w, i) => [w.name, results[i]?.pipeline]));
    return sortByUrgency(
      approvals.map((approval) => {
        const info = approvalDeclaration(byName.get(approval.pipelineName), approval.stageName, approval.actionName);
        // No countdown until the declared timeout is known: a 7-day guess would mislead about a 1-hour approval.
        return { approval, info, expiresAt: info ? expiresAt(approval.waitingSince, info.timeoutMinutes) : undefined };
      }),
    );
  }, [approvals, wanted, results]);
}

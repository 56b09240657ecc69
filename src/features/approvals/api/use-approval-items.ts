import type { GetPipelineOutput, GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { approvalDeclaration, expiresAt, sortByUrgency, type ApprovalDeclaration } from "../../../core/approvals/pending";
import type { Source } from "../../../lib/aws/source";
import { pipelineDeclarationQuery } from "../../../lib/aws/declaration-queries";
import { sourcedKey } from "../../../core/sourced-key";
import type { SourcedApproval } from "./use-approvals";

export interface ApprovalItem extends SourcedApproval {
  info?: ApprovalDeclaration;
  expiresAt?: Date;
}

function declarations(results: UseQueryResult<GetPipelineOutput>[]) {
  return results.map((r) => r.data);
}

/**
 * Pending approvals with their declaration (CustomData, link, timeout) from GetPipeline, one request per
 * pipeline version of each source (cached for good, shared with the pipeline page), sorted by urgency across
 * every source: soonest to expire first.
 */
export function useApprovalItems(approvals: SourcedApproval[], states: Map<string, GetPipelineStateOutput | undefined>): ApprovalItem[] {
  const wanted = useMemo(() => {
    const seen = new Map<string, { key: string; source: Source; name: string; version: number | undefined }>();
    for (const { source, approval } of approvals) {
      const key = sourcedKey(source.id, approval.pipelineName);
      const version = states.get(key)?.pipelineVersion;
      seen.set(`${key}@${version}`, { key, source, name: approval.pipelineName, version });
    }
    return [...seen.values()];
  }, [approvals, states]);
  const results = useQueries({
    queries: wanted.map((w) => pipelineDeclarationQuery(w.source, w.name, w.version, "cached")),
    combine: declarations,
  });
  return useMemo(() => {
    const byPipeline = new Map(wanted.map((w, i) => [w.key, results[i]?.pipeline]));
    return sortByUrgency(
      approvals.map((item) => {
        const { source, approval } = item;
        const declaration = byPipeline.get(sourcedKey(source.id, approval.pipelineName));
        const info = approvalDeclaration(declaration, approval.stageName, approval.actionName);
        // No countdown until the declared timeout is known: a 7-day guess would mislead about a 1-hour approval.
        return { ...item, info, expiresAt: info ? expiresAt(approval.waitingSince, info.timeoutMinutes) : undefined };
      }),
    );
  }, [approvals, wanted, results]);
}

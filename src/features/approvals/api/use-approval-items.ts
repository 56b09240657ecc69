import type { GetPipelineOutput, GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { sortByUrgency, withDeclaration, type ReviewItem } from "../../../core/approvals/pending";
import type { Source } from "../../../lib/aws/source";
import { pipelineDeclarationQuery } from "../../../lib/aws/declaration-queries";
import { sourcedKey } from "../../../core/sourced-key";
import type { SourcedApproval } from "./use-approvals";

export type ApprovalItem = SourcedApproval & ReviewItem;

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
    return sortByUrgency(approvals.map((item) => withDeclaration(item, byPipeline.get(sourcedKey(item.source.id, item.approval.pipelineName)))));
  }, [approvals, wanted, results]);
}

import type { ExecutionTrigger, PipelineExecutionSummary, SourceRevision } from "@aws-sdk/client-codepipeline";
import { useQuery, type QueryObserverResult } from "@tanstack/react-query";
import { approvalExecutionQuery } from "../aws/execution-queries";
import { recentRunsQuery } from "../aws/pipeline-queries";
import type { Source } from "../aws/source";

type Runs = Pick<QueryObserverResult<PipelineExecutionSummary[]>, "data" | "fetchStatus">;

/**
 * GetPipelineExecution for the revisions and trigger an approval is reviewed with, unless the pipeline's newest
 * runs (ListPipelineExecutions summaries: the same revisions and trigger) have the execution or are on their
 * way. The overview's rows and the approval deep link read those: a card then costs no read of its own, and on
 * the deep link the summaries come alongside the state instead of one round trip after it.
 */
export function reviewedExecutionQuery(source: Source, name: string, executionId: string | undefined, runs: Runs) {
  const summarized = summaryOf(runs.data, executionId) !== undefined;
  const runsOnTheirWay = runs.data === undefined && runs.fetchStatus === "fetching";
  return { ...approvalExecutionQuery(source, name, executionId ?? ""), enabled: Boolean(executionId) && !summarized && !runsOnTheirWay };
}

/**
 * The execution's summary, if it has its revisions: one read while the execution's sources still ran has none
 * yet, and an approval waits only after them (GetPipelineExecution says whether there really are none).
 */
function summaryOf(runs: PipelineExecutionSummary[] | undefined, executionId: string | undefined) {
  return runs?.find((s) => s.pipelineExecutionId === executionId && (s.sourceRevisions?.length ?? 0) > 0);
}

export interface ReviewedExecution {
  revisions: SourceRevision[];
  trigger?: ExecutionTrigger;
  loading: boolean;
}

export function useReviewedExecution(source: Source, name: string, executionId: string | undefined): ReviewedExecution {
  // Reads the summaries' cache, never fetches them: only the pages that show runs do.
  const runs = useQuery({ ...recentRunsQuery(source, name, "cached"), enabled: false });
  const execution = useQuery(reviewedExecutionQuery(source, name, executionId, runs));
  const summary = summaryOf(runs.data, executionId);
  if (summary) return { revisions: summary.sourceRevisions ?? [], trigger: summary.trigger, loading: false };
  return {
    revisions: (execution.data?.artifactRevisions ?? []).map((r) => ({ actionName: r.name ?? "", revisionId: r.revisionId, revisionSummary: r.revisionSummary, revisionUrl: r.revisionUrl })),
    trigger: execution.data?.trigger,
    loading: Boolean(executionId) && execution.isPending,
  };
}

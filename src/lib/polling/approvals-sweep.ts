import type { GetPipelineStateOutput, PipelineSummary } from "@aws-sdk/client-codepipeline";
import { useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";
import { mayHideParallelApproval, pendingFromState } from "../../core/approvals/pending";
import { isStateActive } from "../../core/status";
import { pipelineStateQuery, pipelinesQuery } from "../aws/pipeline-queries";
import type { Source } from "../aws/source";
import { notificationsEnabled } from "../approvals/notification-settings";
import { pollingPolicy } from "./policy";
import { approvalRunsQuery } from "../aws/approval-queries";
import { isCountHeld } from "./first-screen";

export const isParallel = (p: PipelineSummary | undefined) => p?.executionMode === "PARALLEL";

/**
 * The approvals count and inbox read every pipeline's state from the cache; this sweep fills the gaps the pages
 * leave, never doubles them: the overview and the pipeline page poll the states they show, and this one timer
 * only re-fetches a state (or a PARALLEL pipeline's approval runs) that nobody refreshed within its window. The
 * windows are the polling policy's (`pollingPolicy.sweep`).
 *
 * One timer per client and source: each source has its own cadence settings and its own request limiter, so a
 * slow or failing account never holds back another one's rounds. A React Query interval per observer could not
 * do this: it fires whether or not another page has just read the same state.
 */
interface Poller {
  refs: number;
  eager: number;
  stop(): void;
}
const pollers = new Map<QueryClient, Map<string, Poller>>();

function startPoller(queryClient: QueryClient, source: Source, eager: boolean): () => void {
  const bySource = pollers.get(queryClient) ?? new Map<string, Poller>();
  pollers.set(queryClient, bySource);
  let poller = bySource.get(source.id);
  if (poller) {
    poller.refs++;
  } else {
    const timer = setInterval(() => tick(queryClient, source, (bySource.get(source.id)?.eager ?? 0) > 0), pollingPolicy.sweep(source.polling).tickMs);
    poller = { refs: 1, eager: 0, stop: () => clearInterval(timer) };
    bySource.set(source.id, poller);
  }
  if (eager) poller.eager++;
  return () => {
    const poller = bySource.get(source.id);
    if (!poller) return;
    poller.refs--;
    if (eager) poller.eager--;
    if (poller.refs === 0) {
      poller.stop();
      bySource.delete(source.id);
    }
  };
}

function due(queryClient: QueryClient, queryKey: QueryKey, windowMs: number, now: number): boolean {
  const state = queryClient.getQueryState(queryKey);
  if (!state) return true;
  if (state.fetchStatus === "fetching") return false;
  return now - Math.max(state.dataUpdatedAt, state.errorUpdatedAt) >= windowMs;
}

function tick(queryClient: QueryClient, source: Source, eagerPages: boolean) {
  // A hidden tab without notifications has nobody to tell: let it rest like React Query's own polling.
  if (typeof document !== "undefined" && document.hidden && !notificationsEnabled(source.id)) return;
  // An approval's page on a slow phone can take longer than a tick to show its card: the sweep waits for it too.
  if (isCountHeld()) return;
  const now = Date.now();
  const windows = pollingPolicy.sweep(source.polling, source.live);
  const list = pipelinesQuery(source, "cached");
  // A source whose list fails is retried at the list's cadence, not every tick: no request storm from a bad role.
  if (due(queryClient, list.queryKey, windows.listMs, now)) void queryClient.prefetchQuery({ ...list, staleTime: 0 });
  const summaries = queryClient.getQueryData(list.queryKey) ?? [];
  const eager = eagerPages || notificationsEnabled(source.id);
  for (const summary of summaries) {
    if (!summary.name) continue;
    const options = pipelineStateQuery(source, summary.name, "cached");
    const state = queryClient.getQueryData<GetPipelineStateOutput>(options.queryKey);
    // Only an eager sweep asks whether the pipeline is lively: the others read every state at the same slow pace.
    const windowMs = windows.stateMs(eager, eager && (isStateActive(state) || pendingFromState(summary.name, state).length > 0));
    if (windowMs > 0 && due(queryClient, options.queryKey, windowMs, now)) void queryClient.prefetchQuery({ ...options, staleTime: 0 });
    if (isParallel(summary) && mayHideParallelApproval(state)) {
      const runs = approvalRunsQuery(source, summary.name);
      if (due(queryClient, runs.queryKey, windows.approvalRunsMs, now)) void queryClient.prefetchQuery({ ...runs, staleTime: 0 });
    }
  }
}

/**
 * Keeps the given sources' approvals fresh; `sources` must be a stable array (memoized by the caller). `eager`: the
 * page is about approvals (the inbox, an approval's page), so lively pipelines are re-read at the idle cadence.
 */
export function useApprovalsSweep(sources: readonly Source[], eager: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stops = sources.map((source) => startPoller(queryClient, source, eager));
    return () => stops.forEach((stop) => stop());
  }, [queryClient, sources, eager]);
}

import type { ActionExecutionDetail, GetPipelineStateOutput, PipelineSummary } from "@aws-sdk/client-codepipeline";
import { useQueries, useQuery, useQueryClient, type QueryClient, type QueryKey, type UseQueryResult } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useSource } from "../../../app/source-context";
import { failuresFromState, type PipelineFailure } from "../../../core/approvals/attention";
import { mayHideParallelApproval, pendingFromActionExecutions, pendingFromState, type PendingApproval } from "../../../core/approvals/pending";
import { isStateActive } from "../../../core/status";
import { pipelineStateQuery, pipelinesQuery } from "../../../lib/aws/codepipeline-queries";
import type { Source } from "../../../lib/aws/source";
import { approvalRunsQuery } from "./approval-queries";
import { notificationsEnabled } from "../lib/notification-settings";

interface Slice<T> {
  data: T | undefined;
  error: Error | null;
  dataUpdatedAt: number;
}

/** Stable reference, so useQueries memoizes the combined result between renders. */
function slices<T>(results: UseQueryResult<T>[]): Slice<T>[] {
  return results.map(({ data, error, dataUpdatedAt }) => ({ data, error, dataUpdatedAt }));
}

const isParallel = (p: PipelineSummary | undefined) => p?.executionMode === "PARALLEL";

/**
 * Fills the gaps the pages leave, never doubles them: the overview and pipeline page poll the states they show;
 * this one timer only re-fetches a state that nobody refreshed within its window. While someone is eager for
 * news (an approvals page is open, or notifications are on), pipelines that run or wait for approval get the
 * idle cadence; otherwise everything gets the slow off-screen cadence, so the overview's rule "only rows on
 * screen poll" holds and the navigation count is at most one off-screen interval old. One timer per client.
 */
interface Poller {
  refs: number;
  eager: number;
  stop(): void;
}
const pollers = new Map<QueryClient, Poller>();

function startPoller(queryClient: QueryClient, source: Source, eager: boolean): () => void {
  let poller = pollers.get(queryClient);
  if (poller) {
    poller.refs++;
  } else {
    const tickMs = Math.max(1, source.polling.activeSeconds) * 1000;
    const timer = setInterval(() => tick(queryClient, source, (pollers.get(queryClient)?.eager ?? 0) > 0), tickMs);
    poller = { refs: 1, eager: 0, stop: () => clearInterval(timer) };
    pollers.set(queryClient, poller);
  }
  if (eager) poller.eager++;
  return () => {
    const poller = pollers.get(queryClient);
    if (!poller) return;
    poller.refs--;
    if (eager) poller.eager--;
    if (poller.refs === 0) {
      poller.stop();
      pollers.delete(queryClient);
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
  const now = Date.now();
  const list = pipelinesQuery(source);
  if (due(queryClient, list.queryKey, source.polling.listSeconds * 1000, now)) void queryClient.prefetchQuery({ ...list, staleTime: 0 });
  const summaries = queryClient.getQueryData(list.queryKey) ?? [];
  const idleMs = source.polling.idleSeconds * 1000;
  const slowMs = source.polling.offscreenSeconds * 1000;
  const eager = eagerPages || notificationsEnabled(source.id);
  for (const summary of summaries) {
    if (!summary.name) continue;
    const options = pipelineStateQuery(source, summary.name);
    const state = queryClient.getQueryData<GetPipelineStateOutput>(options.queryKey);
    const lively = eager && (isStateActive(state) || pendingFromState(summary.name, state).length > 0);
    const windowMs = lively ? idleMs : slowMs;
    if (windowMs > 0 && due(queryClient, options.queryKey, windowMs, now)) void queryClient.prefetchQuery({ ...options, staleTime: 0 });
    if (isParallel(summary) && mayHideParallelApproval(state)) {
      const runs = approvalRunsQuery(source, summary.name);
      if (due(queryClient, runs.queryKey, idleMs, now)) void queryClient.prefetchQuery({ ...runs, staleTime: 0 });
    }
  }
}

export function useApprovalsPoller(eager: boolean) {
  const source = useSource();
  const queryClient = useQueryClient();
  useEffect(() => startPoller(queryClient, source, eager), [queryClient, source, eager]);
}

export interface ApprovalsSnapshot {
  approvals: PendingApproval[];
  failures: PipelineFailure[];
  states: Map<string, GetPipelineStateOutput | undefined>;
  /** Every listed pipeline's state has answered (data or error) at least once. */
  complete: boolean;
  error: Error | null;
  updatedAt: number;
}

/**
 * Every approval waiting now, from the GetPipelineState queries already in the cache (the overview's own).
 * Observers here never poll (the shared poller above does); they only fetch what is missing on mount.
 */
export function usePendingApprovals({ eager = false }: { eager?: boolean } = {}): ApprovalsSnapshot {
  const source = useSource();
  useApprovalsPoller(eager);
  const slowMs = source.polling.offscreenSeconds > 0 ? source.polling.offscreenSeconds * 1000 : Infinity;
  const list = useQuery({ ...pipelinesQuery(source), refetchInterval: false, refetchOnWindowFocus: false, staleTime: source.polling.listSeconds * 1000 });
  const summaries = useMemo(() => (list.data ?? []).filter((p) => p.name), [list.data]);
  const states = useQueries({
    queries: summaries.map((p) => ({ ...pipelineStateQuery(source, p.name!), refetchInterval: false as const, refetchOnWindowFocus: false, staleTime: slowMs })),
    combine: slices<GetPipelineStateOutput>,
  });
  const parallelKey = summaries
    .filter((p, i) => isParallel(p) && mayHideParallelApproval(states[i]?.data))
    .map((p) => p.name!)
    .join("\n");
  const parallelNames = useMemo(() => (parallelKey ? parallelKey.split("\n") : []), [parallelKey]);
  const runs = useQueries({ queries: parallelNames.map((name) => ({ ...approvalRunsQuery(source, name) })), combine: slices<ActionExecutionDetail[]> });
  const complete = list.isSuccess && states.every((s) => s.data !== undefined || s.error !== null);
  const error = list.error ?? states.find((s) => s.error)?.error ?? null;
  const updatedAt = Math.max(list.dataUpdatedAt, ...states.map((s) => s.dataUpdatedAt));

  const snapshot = useMemo(() => {
    const byName = new Map<string, GetPipelineStateOutput | undefined>();
    const approvals: PendingApproval[] = [];
    const failures: PipelineFailure[] = [];
    summaries.forEach((p, i) => {
      const data = states[i]?.data;
      byName.set(p.name!, data);
      failures.push(...failuresFromState(p.name!, data));
      if (!isParallel(p)) approvals.push(...pendingFromState(p.name!, data));
    });
    parallelNames.forEach((name, i) => approvals.push(...pendingFromActionExecutions(name, runs[i]?.data)));
    return { approvals, failures, states: byName };
  }, [summaries, states, parallelNames, runs]);

  return { ...snapshot, complete, error, updatedAt };
}

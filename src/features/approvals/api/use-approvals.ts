import type { ActionExecutionDetail, GetPipelineStateOutput, PipelineSummary } from "@aws-sdk/client-codepipeline";
import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { useSources } from "../../../lib/sources/source-context";
import { failuresFromState, type PipelineFailure } from "../../../core/approvals/attention";
import { mayHideParallelApproval, pendingFromActionExecutions, pendingFromState, type PendingApproval } from "../../../core/approvals/pending";
import { pipelineStateQuery, pipelinesQuery } from "../../../lib/aws/pipeline-queries";
import type { Source } from "../../../lib/aws/source";
import { sourcedKey } from "../../../core/sourced-key";
import { approvalRunsQuery } from "../../../lib/aws/approval-queries";
import { isParallel, useApprovalsSweep } from "../../../lib/polling/approvals-sweep";
import { useStickyErrors } from "./use-sticky-errors";
import { slices } from "../../../lib/query-slices";

/** One waiting approval and the source it waits in; `key` is unique across sources. */
export interface SourcedApproval {
  key: string;
  source: Source;
  approval: PendingApproval;
}

export interface SourcedFailure {
  key: string;
  source: Source;
  failure: PipelineFailure;
}

/** How one source is doing: a failing source reports here, never blanks the others. */
export interface SourceStatus {
  source: Source;
  /** Its list and every listed pipeline's state have answered at least once. */
  complete: boolean;
  /** Its pipeline list could not be read at all (bad role, region down): nothing more will come from it. */
  failed: boolean;
  /** The list's error, else the first pipeline state's; kept through retries until data comes. */
  error: Error | null;
  /** The oldest last good read among what fails (the list, states), else the newest read. */
  updatedAt: number;
  /** Its pipeline list's last good read, and whether its latest read failed. */
  list: { updatedAt: number; failing: boolean };
}

/** One pipeline's state as the inbox holds it, for the freshness of what it shows (core/freshness.ts). */
export interface PipelineRead {
  /** `sourcedKey(source.id, pipelineName)`. */
  key: string;
  sourceId: string;
  updatedAt: number;
  /** Its latest read failed. */
  stale: boolean;
}

export interface ApprovalsSnapshot {
  approvals: SourcedApproval[];
  failures: SourcedFailure[];
  /** By `sourcedKey(source.id, pipelineName)`. */
  states: Map<string, GetPipelineStateOutput | undefined>;
  sources: SourceStatus[];
  /** Every listed pipeline's state read. */
  reads: PipelineRead[];
  /** Every source has either answered completely or failed outright. */
  complete: boolean;
}

/** The list's entry beside its pipelines' (`sourcedKey(id, name)`): pipeline names are never empty. */
const listKey = (source: Source) => sourcedKey(source.id, "");

interface Target {
  source: Source;
  summary: PipelineSummary & { name: string };
}

/**
 * Every approval waiting now in the given sources (all of them by default; pass a stable array), from the
 * GetPipelineState queries already in the cache (the overview's own). Observers here never poll (the approvals
 * sweep fills the gaps); they only fetch what is missing on mount. Query keys start with the source, so two pipelines of
 * the same name in two accounts never share an entry.
 */
export function usePendingApprovals({
  eager = false,
  sources: only,
  pipeline,
  held = false,
}: {
  eager?: boolean;
  sources?: readonly Source[];
  /** One pipeline's approvals only (an approval's own page): its state, not every pipeline's. */
  pipeline?: string;
  /** Read nothing but the lists for now (another page's first screen goes first, lib/polling/first-screen.ts). */
  held?: boolean;
} = {}): ApprovalsSnapshot {
  const all = useSources();
  const sources = only ?? all;
  useApprovalsSweep(sources, eager);
  const lists = useQueries({
    queries: sources.map((source) => pipelinesQuery(source, "cached")),
    combine: slices<PipelineSummary[]>,
  });
  const targets = useMemo(
    () =>
      sources.flatMap((source, i) =>
        (lists[i]?.data ?? [])
          .filter((p): p is Target["summary"] => Boolean(p.name) && (pipeline === undefined || p.name === pipeline))
          .map((summary): Target => ({ source, summary })),
      ),
    [sources, lists, pipeline],
  );
  const states = useQueries({
    queries: targets.map(({ source, summary }) => ({ ...pipelineStateQuery(source, summary.name, "cached"), enabled: !held })),
    combine: slices<GetPipelineStateOutput>,
  });
  // A string key keeps the PARALLEL subset stable across polls that change nothing about it.
  const parallelKey = targets
    .map((t, i) => (isParallel(t.summary) && mayHideParallelApproval(states[i]?.data) ? i : -1))
    .filter((i) => i >= 0)
    .join(",");
  const parallel = useMemo(() => (parallelKey ? parallelKey.split(",").map((i) => targets[Number(i)]) : []), [parallelKey, targets]);
  const runs = useQueries({
    queries: parallel.map(({ source, summary }) => ({ ...approvalRunsQuery(source, summary.name), enabled: !held })),
    combine: slices<ActionExecutionDetail[]>,
  });

  const errors = useStickyErrors([
    ...sources.map((source, i) => ({ key: listKey(source), data: lists[i]?.data, error: lists[i]?.error ?? null })),
    ...targets.map(({ source, summary }, i) => ({ key: sourcedKey(source.id, summary.name), data: states[i]?.data, error: states[i]?.error ?? null })),
  ]);

  const statuses = useMemo(
    () =>
      sources.map((source, i): SourceStatus => {
        const list = lists[i];
        const listError = errors.get(listKey(source));
        const own = targets.flatMap((t, j) => (t.source === source ? [{ state: states[j], error: errors.get(sourcedKey(source.id, t.summary.name)) }] : []));
        const failingAt = [...(listError ? [list?.dataUpdatedAt ?? 0] : []), ...own.filter((s) => s.error).map((s) => s.state?.dataUpdatedAt ?? 0)].filter((at) => at > 0);
        return {
          source,
          complete: list?.data !== undefined && own.every((s) => s.state?.data !== undefined || s.error !== undefined),
          failed: list?.data === undefined && listError !== undefined,
          error: listError ?? own.find((s) => s.error)?.error ?? null,
          updatedAt: failingAt.length > 0 ? Math.min(...failingAt) : Math.max(list?.dataUpdatedAt ?? 0, ...own.map((s) => s.state?.dataUpdatedAt ?? 0)),
          list: { updatedAt: list?.dataUpdatedAt ?? 0, failing: listError !== undefined },
        };
      }),
    [sources, lists, states, targets, errors],
  );
  const reads = useMemo(
    () =>
      targets.map(({ source, summary }, i): PipelineRead => {
        const key = sourcedKey(source.id, summary.name);
        return { key, sourceId: source.id, updatedAt: states[i]?.dataUpdatedAt ?? 0, stale: errors.has(key) };
      }),
    [targets, states, errors],
  );

  const snapshot = useMemo(() => {
    const byKey = new Map<string, GetPipelineStateOutput | undefined>();
    const approvals: SourcedApproval[] = [];
    const failures: SourcedFailure[] = [];
    const add = (source: Source, found: PendingApproval[]) =>
      approvals.push(...found.map((approval) => ({ key: sourcedKey(source.id, approval.key), source, approval })));
    targets.forEach(({ source, summary }, i) => {
      const data = states[i]?.data;
      byKey.set(sourcedKey(source.id, summary.name), data);
      failures.push(...failuresFromState(summary.name, data).map((failure) => ({ key: sourcedKey(source.id, failure.key), source, failure })));
      if (!isParallel(summary)) add(source, pendingFromState(summary.name, data));
    });
    parallel.forEach(({ source, summary }, i) => add(source, pendingFromActionExecutions(summary.name, runs[i]?.data)));
    return { approvals, failures, states: byKey };
  }, [targets, states, parallel, runs]);

  return {
    ...snapshot,
    sources: statuses,
    reads,
    complete: statuses.every((s) => s.complete || s.failed),
  };
}

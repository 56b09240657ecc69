import { useMemo } from "react";
import { useQueries, useQuery } from "@tanstack/react-query";
import type { ActionExecutionDetail, PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";
import { useSource } from "../../../lib/sources/source-context";
import { expectedActionDurations, expectedStageDurations } from "../../../core/durations";
import { runningStageStarts } from "../../../core/graph/stage-start";
import { statusFromActionExecutions, statusFromState, withPipelineWide, type StatusView } from "../../../core/graph/status-view";
import { revisionMessagesOf } from "../../../core/revision";
import { useFirstInLine } from "../../../lib/polling/use-on-screen";
import { slices } from "../../../lib/query-slices";
import { pipelineStateQuery } from "../../../lib/aws/pipeline-queries";
import { actionExecutionsQuery, recentActionExecutionsQuery, recentExecutionsQuery, succeededInStageQuery } from "../../../lib/aws/execution-queries";
import { pipelineDeclarationQuery } from "../../../lib/aws/declaration-queries";
import type { GraphTiming } from "../../../core/graph/flow";
import { isRunning } from "../../../core/status";
import { rollbackCandidates, rollbackTargets } from "../../../core/graph/availability";
import { pendingFromActionExecutions, pendingFromState } from "../../../core/approvals/pending";


/** Stable (module scope), so useQueries memoizes the combined array until a query's data changes. */
const runData = (results: { data?: ActionExecutionDetail[] }[]) => results.map((r) => r.data);

/**
 * Everything the live pipeline page shows, composed from queries:
 * GetPipelineState (status, polled) → GetPipeline at that version (layout, fetched once a version)
 * → status merged per node; recent executions and action runs for durations, revisions and PARALLEL.
 */
export function usePipelineView(name: string, selectedExecutionId: string | undefined) {
  const source = useSource();
  useFirstInLine(source, name);
  const state = useQuery(pipelineStateQuery(source, name));
  const version = state.data?.pipelineVersion;
  const declarationQuery = useQuery({ ...pipelineDeclarationQuery(source, name, version), enabled: state.isSuccess });
  const declaration = declarationQuery.data?.pipeline;
  const recent = useQuery(recentExecutionsQuery(source, name));
  const recentActions = useQuery(recentActionExecutionsQuery(source, name));

  const mode = declaration?.executionMode ?? "SUPERSEDED";
  const running = useMemo(() => (recent.data ?? []).filter((e) => isRunning(e.status)), [recent.data]);
  const parallel = mode === "PARALLEL";
  const viewedExecution: PipelineExecutionSummary | undefined = parallel
    ? (running.find((e) => e.pipelineExecutionId === selectedExecutionId) ??
      recent.data?.find((e) => e.pipelineExecutionId === selectedExecutionId) ??
      running[0])
    : undefined;

  const viewedId = viewedExecution?.pipelineExecutionId;
  const viewedRunning = isRunning(viewedExecution?.status);
  // Executions whose action runs we need now: the viewed one (PARALLEL) or those running stages belong to.
  const stateStatus = useMemo(() => statusFromState(state.data), [state.data]);
  const liveExecutionIds = useMemo(() => {
    if (parallel) return viewedId ? [viewedId] : [];
    const ids = new Set<string>();
    for (const s of stateStatus.stages.values()) if (s.status === "InProgress" && s.executionId) ids.add(s.executionId);
    return [...ids].slice(0, 3);
  }, [parallel, viewedId, stateStatus]);
  const liveRunData = useQueries({
    // PARALLEL mode needs every action of the viewed execution; otherwise the newest page gives stage start times.
    queries: liveExecutionIds.map((id) => actionExecutionsQuery(source, name, id, parallel ? viewedRunning : true, parallel ? "all" : "latest")),
    combine: runData,
  });

  const status: StatusView = useMemo(() => {
    if (!parallel) return stateStatus;
    if (!viewedId) return { stages: new Map(), actions: new Map() };
    return withPipelineWide(statusFromActionExecutions(declaration, viewedId, liveRunData[0] ?? [], viewedRunning), stateStatus);
  }, [parallel, stateStatus, declaration, viewedId, viewedRunning, liveRunData]);

  const expected = useMemo(
    () => ({ actions: expectedActionDurations(recentActions.data ?? []), stages: expectedStageDurations(recentActions.data ?? []) }),
    [recentActions.data],
  );
  const stageStarts = useMemo(
    () => runningStageStarts((declaration?.stages ?? []).map((s) => s.name ?? ""), status, liveRunData.flatMap((runs) => runs ?? [])),
    [declaration, status, liveRunData],
  );
  const timing: GraphTiming = useMemo(() => ({ ...expected, stageStarts }), [expected, stageStarts]);

  const revisionMessages = useMemo(() => revisionMessagesOf(recent.data ?? []), [recent.data]);
  // As the inbox finds them: the state's tokens, or in PARALLEL mode the viewed execution's running approval runs.
  const pendingApprovals = useMemo(
    () => (parallel ? pendingFromActionExecutions(name, liveRunData[0]) : pendingFromState(name, state.data)),
    [parallel, name, liveRunData, state.data],
  );

  // Roll back is offered where the dialog would find a target: one read per stage that has run, once per
  // execution it holds (the policy's rollbackTargets).
  const candidates = useMemo(() => rollbackCandidates(declaration, status), [declaration, status]);
  const succeeded = useQueries({
    queries: candidates.map((c) => succeededInStageQuery(source, name, c.stageName, c.currentExecutionId)),
    combine: slices<PipelineExecutionSummary[]>,
  });
  // One string, so the set (and the graph's nodes) change only when a stage's offer does.
  const offered = candidates.filter((c, i) => rollbackTargets(succeeded[i]?.data ?? [], c.currentExecutionId).length > 0).map((c) => c.stageName);
  const offeredKey = JSON.stringify(offered);
  const rollbackStages = useMemo(() => new Set<string>(JSON.parse(offeredKey)), [offeredKey]);

  return {
    source,
    state,
    declarationQuery,
    declaration,
    recent,
    running,
    parallel,
    mode,
    viewedExecution,
    status,
    timing,
    revisionMessages,
    rollbackStages,
    pendingApprovals,
  };
}

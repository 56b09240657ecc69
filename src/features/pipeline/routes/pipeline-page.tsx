import { Suspense, useCallback, useMemo, useState, useSyncExternalStore, type ComponentType } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";
import { useSources } from "../../../lib/sources/source-context";
import { describeError, ErrorBanner } from "../../../components/error-banner";
import { Staleness } from "../../../components/staleness";
import { stageNodeId } from "../../../core/graph/layout";
import { PipelineGraph } from "../components/graph/pipeline-graph";
import { StageList } from "../components/stage-list";
import type { ControlRequest, GraphContextValue } from "../components/graph/graph-context";
import { OverrideDialog } from "../components/controls/override-dialog";
import { ReviewApprovalDialog } from "../components/controls/review-approval-dialog";
import { RetryDialog } from "../components/controls/retry-dialog";
import { RollbackDialog } from "../components/controls/rollback-dialog";
import { StartDialog } from "../components/controls/start-dialog";
import { StopDialog } from "../components/controls/stop-dialog";
import { TransitionDialog } from "../components/controls/transition-dialog";
import { dangerButton, fieldClass, primaryActionSize, primaryButton, secondaryButton } from "../../../components/styles";
import { HistoryTab } from "../components/history-tab";
import { StatusBadge } from "../../../components/status-badge";
import { stageRetryAvailability, stageRollbackAvailability } from "../../../core/graph/availability";
import { paths, usePipelinePaths } from "../../../lib/paths";
import { pollingPolicy } from "../../../lib/polling/policy";
import { usePipelineView } from "../api/use-pipeline-view";
import { useDeployTargetSummaries } from "../api/use-deploy-target-summaries";

type PipelineTab = "graph" | "history" | "insights" | "definition";
const NARROW = "(max-width: 47.99rem)";
const isNarrow = () => window.matchMedia(NARROW).matches;
function subscribeNarrow(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
const TAB_LABELS: Record<PipelineTab, string> = { graph: "Graph", history: "History", insights: "Insights", definition: "Definition" };

type PageDialog = ControlRequest | { kind: "start" } | { kind: "stop"; execution: PipelineExecutionSummary };

const MODE_HELP: Record<string, string> = {
  SUPERSEDED: "A newer execution replaces one waiting to enter a stage.",
  QUEUED: "Executions wait their turn and run one after another.",
  PARALLEL: "Executions run independently and at the same time; pick one to see its progress.",
};

/**
 * `/pipelines/:name`: the live graph with every release control, the history tab, and the Definition tab, which
 * the router hands in (another feature's, loaded lazily).
 */
export default function PipelinePage({
  definitionTab: DefinitionTab,
  insightsTab: InsightsTab,
}: {
  definitionTab: ComponentType<{ pipelineName: string }>;
  insightsTab: ComponentType<{ pipelineName: string }>;
}) {
  const { name = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const pipelinePaths = usePipelinePaths();
  const several = useSources().length > 1;
  const tabParam = search.get("tab");
  const tab: PipelineTab = tabParam === "history" || tabParam === "definition" || tabParam === "insights" ? tabParam : "graph";
  const selected = search.get("execution") ?? undefined;
  const highlightStage = search.get("stage");
  const highlightAction = search.get("action");
  const view = usePipelineView(name, selected);
  const { source, state, declaration, declarationQuery, running, parallel, mode, status } = view;
  const readOnly = source.readOnly;
  const [dialog, setDialog] = useState<PageDialog | null>(null);
  // Phones get the stages as a list (a graph there needs pinch-zoom); the switch keeps the graph one tap away.
  // From 768 px up the page is the graph, as it always was.
  const [phoneShape, setShape] = useState<"list" | "graph">("list");
  const shape = useSyncExternalStore(subscribeNarrow, isNarrow) ? phoneShape : "graph";
  const close = useCallback(() => setDialog(null), []);

  const deployTargets = useDeployTargetSummaries(name, declaration, status);
  const context: GraphContextValue = useMemo(
    () => ({
      pipelineName: name,
      pipelineType: declaration?.pipelineType,
      executionMode: declaration?.executionMode,
      readOnly,
      live: true,
      open: setDialog,
      executionHref: (id) => pipelinePaths.execution(name, id),
      actionHref: (stage, action) => pipelinePaths.action(name, stage, action),
      ruleResultsHref: (stage, id) => pipelinePaths.ruleResults(name, id, stage),
      runHref: (stage, action, executionId) => pipelinePaths.actionRun(name, executionId, stage, action),
    }),
    [name, declaration?.pipelineType, declaration?.executionMode, readOnly, pipelinePaths],
  );
  const highlight = useMemo(
    () => (highlightStage && highlightAction ? { stageName: highlightStage, actionName: highlightAction } : undefined),
    [highlightStage, highlightAction],
  );

  const setTab = (next: PipelineTab) => {
    const params = new URLSearchParams(search);
    if (next !== "graph") params.set("tab", next);
    else params.delete("tab");
    // The insights' window and production stage belong to that tab.
    if (next !== "insights") ["window", "prod"].forEach((key) => params.delete(key));
    setSearch(params);
  };

  const notFound = state.error?.name === "PipelineNotFoundException";
  const stopTarget = parallel ? view.viewedExecution : running[0];

  return (
    <main id="main" className="flex min-h-[calc(100vh-3.5rem)] flex-col px-4 py-4 sm:px-6">
      <p className="text-sm">
        <Link to={paths.overview.href()} className="text-sky-800 underline dark:text-sky-300">
          ← All pipelines
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-2xl font-bold break-all">
          <bdi>{name}</bdi>
        </h1>
        {several && (
          <span className="rounded bg-zinc-200 px-2 py-0.5 text-sm font-medium dark:bg-zinc-800" title="Account and region">
            {source.label}
          </span>
        )}
        {declaration && (
          <span className="rounded bg-zinc-200 px-2 py-0.5 text-xs font-semibold dark:bg-zinc-800" title="Pipeline type">
            {declaration.pipelineType ?? "V1"}
          </span>
        )}
        {declaration && (
          <span className="text-sm text-zinc-700 dark:text-zinc-300" title={MODE_HELP[mode]}>
            Execution mode: <strong>{mode}</strong>
          </span>
        )}
        {state.dataUpdatedAt > 0 && <Staleness updatedAt={state.dataUpdatedAt} staleAfterMs={pollingPolicy.staleAfterMs(source.polling, "pipeline")} />}
        {!readOnly && declaration && (
          <div className="flex flex-wrap gap-2 sm:ml-auto">
            {stopTarget?.pipelineExecutionId && (
              <button type="button" className={`${dangerButton} ${primaryActionSize}`} onClick={() => setDialog({ kind: "stop", execution: stopTarget })}>
                {stopTarget.status === "Stopping" ? "Abandon execution…" : "Stop execution…"}
              </button>
            )}
            <button type="button" className={`${primaryButton} ${primaryActionSize}`} onClick={() => setDialog({ kind: "start" })}>
              Release change…
            </button>
          </div>
        )}
      </div>

      {notFound ? (
        <p role="alert" className="mt-6">
          There is no pipeline named <strong>{name}</strong> in {source.label}.
        </p>
      ) : (
        <>
          {state.error && <div className="mt-3"><ErrorBanner error={state.error} lastGoodAt={state.dataUpdatedAt} what="the pipeline state" /></div>}
          {declarationQuery.error && (
            <p role="alert" className="mt-3 text-sm text-red-800 dark:text-red-300">
              Could not load the pipeline declaration: {describeError(declarationQuery.error)}
            </p>
          )}
          {parallel && (
            <ParallelPicker
              running={running}
              recent={view.recent.data ?? []}
              selectedId={view.viewedExecution?.pipelineExecutionId}
              onSelect={(id) => {
                const params = new URLSearchParams(search);
                params.set("execution", id);
                setSearch(params);
              }}
            />
          )}
          <div role="tablist" aria-label="Pipeline views" className="mt-3 flex flex-wrap gap-1 border-b border-zinc-300 dark:border-zinc-700">
            {(["graph", "history", "insights", "definition"] as const).map((t) => (
              <button
                key={t}
                role="tab"
                type="button"
                id={`tab-${t}`}
                aria-selected={tab === t}
                aria-controls={`panel-${t}`}
                onClick={() => setTab(t)}
                className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${tab === t ? "border-sky-700 text-sky-900 dark:border-sky-400 dark:text-sky-200" : "border-transparent text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white"}`}
              >
                {TAB_LABELS[t]}
              </button>
            ))}
          </div>
          {tab === "graph" && (
            <div role="group" aria-label="Show the stages as" className="mt-2 flex gap-2 md:hidden">
              {(["list", "graph"] as const).map((s) => (
                <button key={s} type="button" aria-pressed={shape === s} onClick={() => setShape(s)} className={`${secondaryButton} min-h-11 aria-pressed:bg-zinc-200 aria-pressed:font-semibold dark:aria-pressed:bg-zinc-700`}>
                  {s === "list" ? "Stage list" : "Graph"}
                </button>
              ))}
            </div>
          )}
          {tab === "graph" && shape === "list" ? (
            <section id="panel-graph" role="tabpanel" aria-labelledby="tab-graph" className="mt-2">
              {declaration ? (
                <StageList
                  declaration={declaration}
                  status={status}
                  revisionMessages={view.revisionMessages}
                  rollbackStages={view.rollbackStages}
                  highlight={highlight}
                  context={context}
                />
              ) : (
                <p className="p-4 text-sm">{state.isPending || declarationQuery.isPending ? "Loading pipeline…" : ""}</p>
              )}
            </section>
          ) : tab === "graph" ? (
            <section id="panel-graph" role="tabpanel" aria-labelledby="tab-graph" className="relative mt-2 min-h-[32rem] flex-1 rounded-lg border border-zinc-300 dark:border-zinc-700">
              {declaration ? (
                <div className="absolute inset-0">
                  <PipelineGraph
                    declaration={declaration}
                    status={status}
                    timing={view.timing}
                    revisionMessages={view.revisionMessages}
                    rollbackStages={view.rollbackStages}
                    highlight={highlight}
                    deployTargets={deployTargets}
                    context={context}
                    label={`Pipeline ${name}: stages and actions`}
                  />
                </div>
              ) : (
                <p className="p-4 text-sm">{state.isPending || declarationQuery.isPending ? "Loading pipeline…" : ""}</p>
              )}
            </section>
          ) : tab === "insights" ? (
            <section id="panel-insights" role="tabpanel" aria-labelledby="tab-insights" className="mt-2">
              <Suspense fallback={<p className="p-2 text-sm">Loading insights…</p>}>
                <InsightsTab pipelineName={name} />
              </Suspense>
            </section>
          ) : tab === "history" ? (
            <section id="panel-history" role="tabpanel" aria-labelledby="tab-history" className="mt-2">
              <HistoryTab pipelineName={name} />
            </section>
          ) : (
            <section id="panel-definition" role="tabpanel" aria-labelledby="tab-definition" className="mt-2">
              <Suspense fallback={<p className="p-2 text-sm">Loading the definition…</p>}>
                <DefinitionTab pipelineName={name} />
              </Suspense>
            </section>
          )}
        </>
      )}

      {dialog?.kind === "start" && declaration && (
        <StartDialog
          declaration={declaration}
          onClose={close}
          onStarted={(id) => {
            if (parallel) navigate(pipelinePaths.viewExecution(name, id));
          }}
        />
      )}
      {dialog?.kind === "stop" && dialog.execution.pipelineExecutionId && (
        <StopDialog pipelineName={name} executionId={dialog.execution.pipelineExecutionId} status={dialog.execution.status} onClose={close} />
      )}
      {dialog?.kind === "transition" && <TransitionDialog pipelineName={name} stageName={dialog.stageName} enable={dialog.enable} onClose={close} />}
      {dialog?.kind === "retry" && (
        <RetryDialog
          pipelineName={name}
          stageName={dialog.stageName}
          executionId={dialog.executionId}
          availability={stageRetryAvailability(declaration, status, dialog.stageName)}
          onClose={close}
        />
      )}
      {dialog?.kind === "rollback" && (
        <RollbackDialog
          pipelineName={name}
          stageName={dialog.stageName}
          currentExecutionId={status.stages.get(stageNodeId(dialog.stageName))?.executionId}
          unavailable={stageRollbackAvailability(declaration, status, dialog.stageName)}
          onClose={close}
        />
      )}
      {dialog?.kind === "override" && (
        <OverrideDialog
          pipelineName={name}
          stageName={dialog.stageName}
          executionId={dialog.executionId}
          conditionType={dialog.conditionType}
          onClose={close}
        />
      )}
      {dialog?.kind === "approval" && (
        <ReviewApprovalDialog
          pipelineName={name}
          stageName={dialog.stageName}
          actionName={dialog.actionName}
          executionId={dialog.executionId}
          declaration={declaration}
          pending={view.pendingApprovals}
          onClose={close}
        />
      )}
    </main>
  );
}

function ParallelPicker({
  running,
  recent,
  selectedId,
  onSelect,
}: {
  running: PipelineExecutionSummary[];
  recent: PipelineExecutionSummary[];
  selectedId?: string;
  onSelect(id: string): void;
}) {
  const options = running.some((e) => e.pipelineExecutionId === selectedId) || !selectedId ? running : [...running, ...recent.filter((e) => e.pipelineExecutionId === selectedId)];
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor="parallel-execution" className="font-medium">
        Execution shown
      </label>
      {options.length === 0 ? (
        <span className="text-zinc-700 dark:text-zinc-300">No execution is running.</span>
      ) : (
        <select
          id="parallel-execution"
          className={`${fieldClass} max-w-full min-w-0 font-mono`}
          value={selectedId ?? options[0]?.pipelineExecutionId}
          onChange={(e) => onSelect(e.target.value)}
        >
          {options.map((e) => (
            <option key={e.pipelineExecutionId} value={e.pipelineExecutionId}>
              {e.pipelineExecutionId} ({e.status})
            </option>
          ))}
        </select>
      )}
      <span className="text-zinc-600 dark:text-zinc-400">{running.length} running</span>
      {options[0] && <StatusBadge status={options.find((o) => o.pipelineExecutionId === selectedId)?.status ?? options[0].status} />}
    </div>
  );
}

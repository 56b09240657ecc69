import { useMemo } from "react";
import { Link, Outlet, useParams, useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { useSource } from "../../../lib/sources/source-context";
import { ErrorBanner } from "../../../components/error-banner";
import { Staleness } from "../../../components/staleness";
import { formatExactTime } from "../../../core/format";
import { withExecutionRevisions } from "../../../core/graph/execution-revisions";
import { statusFromActionExecutions } from "../../../core/graph/status-view";
import { parseRevisionSummary, shortRevisionId } from "../../../core/revision";
import { safeHref } from "../../../core/safe-link";
import { actionExecutionsQuery, executionQuery } from "../../../lib/aws/execution-queries";
import { pollingPolicy } from "../../../lib/polling/policy";
import { pipelineDeclarationQuery } from "../../../lib/aws/declaration-queries";
import { ExecutionTimeline } from "../components/execution-timeline";
import type { GraphContextValue } from "../components/graph/graph-context";
import { PipelineGraph } from "../components/graph/pipeline-graph";
import { StatusBadge } from "../../../components/status-badge";
import { usePipelinePaths } from "../../../lib/paths";
import { isRunning } from "../../../core/status";
import { useDeployTargetSummaries } from "../api/use-deploy-target-summaries";
import { RuleResults } from "../components/rule-results";

const noop = () => {};

/** The details panel (child route `actions/:stage/:action`), from this chunk. */
export { default as ActionRunPanel } from "./action-run-route";

/** `/pipelines/:name/executions/:executionId`: summary, action timeline and the graph of that execution. */
export default function ExecutionPage() {
  const { name = "", executionId = "" } = useParams();
  const [search] = useSearchParams();
  const source = useSource();
  const pipelinePaths = usePipelinePaths();
  const execution = useQuery(executionQuery(source, name, executionId));
  const running = isRunning(execution.data?.status);
  const runs = useQuery(actionExecutionsQuery(source, name, executionId, running));
  const declaration = useQuery({
    ...pipelineDeclarationQuery(source, name, execution.data?.pipelineVersion),
    enabled: !!execution.data,
  }).data?.pipeline;
  const artifactRevisions = execution.data?.artifactRevisions;
  const { status, revisionMessages } = useMemo(
    () => withExecutionRevisions(statusFromActionExecutions(declaration, executionId, runs.data ?? [], running), declaration, artifactRevisions),
    [declaration, executionId, runs.data, running, artifactRevisions],
  );
  const context: GraphContextValue = useMemo(
    () => ({
      pipelineName: name,
      pipelineType: declaration?.pipelineType,
      executionMode: declaration?.executionMode,
      readOnly: true,
      live: false,
      open: noop,
      executionHref: (id) => pipelinePaths.execution(name, id),
      actionHref: (stage, action) => pipelinePaths.executionAction(name, executionId, stage, action),
      ruleResultsHref: (stage, id) => pipelinePaths.ruleResults(name, id, stage),
      runHref: (stage, action, id) => pipelinePaths.actionRun(name, id, stage, action),
    }),
    [name, executionId, declaration?.pipelineType, declaration?.executionMode, pipelinePaths],
  );
  const stage = search.get("stage");
  const action = search.get("action");
  const highlight = useMemo(() => (stage && action ? { stageName: stage, actionName: action } : undefined), [stage, action]);
  const e = execution.data;
  const deployTargets = useDeployTargetSummaries(name, declaration, status);

  return (
    <main id="main" className="flex flex-col gap-4 px-4 py-4 sm:px-6">
      <p className="text-sm">
        <Link to={pipelinePaths.pipeline(name)} className="text-sky-800 underline dark:text-sky-300">
          ← <bdi>{name}</bdi>
        </Link>{" "}
        ·{" "}
        <Link to={pipelinePaths.history(name)} className="text-sky-800 underline dark:text-sky-300">
          History
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold break-all">
          Execution <span className="font-mono">{executionId}</span>
        </h1>
        {e && <StatusBadge status={e.status} className="text-base" />}
        {e?.executionType === "ROLLBACK" && <span className="rounded bg-violet-100 px-1.5 text-sm font-semibold text-violet-800 dark:bg-violet-900 dark:text-violet-200">Rollback</span>}
        {/* Stale after three missed polls, as on the pipeline page. */}
        {execution.dataUpdatedAt > 0 && <Staleness updatedAt={execution.dataUpdatedAt} staleAfterMs={3 * pollingPolicy.executionEveryMs(source.polling, e?.status)} />}
      </div>
      {execution.error?.name === "PipelineExecutionNotFoundException" ? (
        <p role="alert" className="text-red-800 dark:text-red-300">
          There is no execution {executionId} of {name}.
        </p>
      ) : (
        execution.error && <ErrorBanner error={execution.error} lastGoodAt={execution.dataUpdatedAt} what="the execution" />
      )}
      {e && (
        <section aria-labelledby="summary-h" className="grid gap-4 rounded-lg border border-zinc-300 p-4 md:grid-cols-3 dark:border-zinc-700">
          <h2 id="summary-h" className="sr-only">
            Summary
          </h2>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            <dt className="font-medium">Pipeline</dt>
            <dd>
              {/* Text from AWS sits in <bdi>: a right-to-left override in it must not reorder what is around it. */}
              <bdi>{e.pipelineName}</bdi> (version {e.pipelineVersion})
            </dd>
            <dt className="font-medium">Trigger</dt>
            <dd className="[overflow-wrap:anywhere]">
              {e.trigger?.triggerType ?? "—"}
              {e.trigger?.triggerDetail && (
                <>
                  {" · "}
                  <bdi>{e.trigger.triggerDetail}</bdi>
                </>
              )}
            </dd>
            <dt className="font-medium">Mode</dt>
            <dd>{e.executionMode ?? "—"}</dd>
            {e.rollbackMetadata?.rollbackTargetPipelineExecutionId && (
              <>
                <dt className="font-medium">Rolled back to</dt>
                <dd>
                  <Link className="font-mono underline" to={pipelinePaths.execution(name, e.rollbackMetadata.rollbackTargetPipelineExecutionId)}>
                    {e.rollbackMetadata.rollbackTargetPipelineExecutionId}
                  </Link>
                </dd>
              </>
            )}
            {e.statusSummary && (
              <>
                <dt className="font-medium">Summary</dt>
                <dd className="[overflow-wrap:anywhere]">
                  <bdi>{e.statusSummary}</bdi>
                </dd>
              </>
            )}
          </dl>
          <div className="text-sm">
            <h3 className="font-medium">Revisions</h3>
            <ul className="mt-1 flex flex-col gap-1">
              {(e.artifactRevisions ?? []).map((r, i) => {
                const href = safeHref(r.revisionUrl);
                const message = parseRevisionSummary(r.revisionSummary).message;
                return (
                  <li key={`${r.name}-${i}`} className="min-w-0">
                    <span className="text-zinc-600 dark:text-zinc-400">
                      <bdi>{r.name}</bdi>:{" "}
                    </span>
                    {href ? (
                      <a href={href} target="_blank" rel="noopener noreferrer" className="font-mono text-sky-800 underline dark:text-sky-300">
                        {shortRevisionId(r.revisionId)}
                      </a>
                    ) : (
                      <span className="font-mono">{shortRevisionId(r.revisionId)}</span>
                    )}{" "}
                    {message && <bdi className="break-words">{message}</bdi>}
                    {r.created && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{formatExactTime(r.created)}</span>}
                  </li>
                );
              })}
              {!e.artifactRevisions?.length && <li>—</li>}
            </ul>
          </div>
          <div className="text-sm">
            <h3 className="font-medium">Variables</h3>
            {e.variables?.length ? (
              <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
                {e.variables.map((v) => (
                  <div key={v.name} className="contents">
                    <dt className="font-mono">
                      <bdi>{v.name}</bdi>
                    </dt>
                    <dd className="break-all font-mono">
                      <bdi>{v.resolvedValue}</bdi>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="mt-1">None</p>
            )}
          </div>
        </section>
      )}
      <section aria-labelledby="timeline-h" className="rounded-lg border border-zinc-300 p-4 dark:border-zinc-700">
        <h2 id="timeline-h" className="mb-2 text-lg font-semibold">
          Timeline
        </h2>
        {/* A failed refresh keeps the last good runs on screen, with the error and their age above them. */}
        {runs.error && (
          <div className="mb-2">
            <ErrorBanner error={runs.error} lastGoodAt={runs.dataUpdatedAt} what="the action runs" />
          </div>
        )}
        {runs.data ? (
          <ExecutionTimeline declaration={declaration} details={runs.data} runHref={(stage, action, run) => pipelinePaths.actionRun(name, executionId, stage, action, run)} />
        ) : (
          runs.isPending && <p className="text-sm">Loading action runs…</p>
        )}
      </section>
      <RuleResults pipelineName={name} executionId={executionId} declaration={declaration} running={running} />
      <section aria-labelledby="graph-h" className="flex flex-col">
        <h2 id="graph-h" className="mb-2 text-lg font-semibold">
          Graph of this execution
        </h2>
        <div className="relative h-[36rem] rounded-lg border border-zinc-300 dark:border-zinc-700">
          {declaration && (
            <div className="absolute inset-0">
              <PipelineGraph
                declaration={declaration}
                status={status}
                revisionMessages={revisionMessages}
                highlight={highlight}
                deployTargets={deployTargets}
                context={context}
                label={`Execution ${executionId}: stages and actions`}
              />
            </div>
          )}
        </div>
      </section>
      {/* The action details panel (a child route) opens over this page. */}
      <Outlet />
    </main>
  );
}

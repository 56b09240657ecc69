import { memo } from "react";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { Link } from "react-router";
import { formatExactTime, formatRelativeTime } from "../../../../core/format";
import { shortRevisionId } from "../../../../core/revision";
import { safeHref } from "../../../../core/safe-link";
import { CategoryIcon } from "../category-icon";
import { Elapsed } from "../elapsed";
import { StatusBadge } from "../../../../components/status-badge";
import { TONES } from "../tones";
import { statusLook } from "../../../../core/status-look";
import { useGraphContext } from "./graph-context";
import { useQuery } from "@tanstack/react-query";
import { clearerError } from "../../../../core/run-details/build";
import { knownBuildQuery } from "../../../../lib/aws/run-detail-queries";
import { useSource } from "../../../../lib/sources/source-context";
import { JobWait } from "./job-wait";
import { ActionError } from "../action-error";
import type { ActionFlowNode } from "../../../../core/graph/flow";
import type { ErrorDetails } from "@aws-sdk/client-codepipeline";

const handleStyle = { opacity: 0, pointerEvents: "none" as const };

function ExternalLink({ href, label, title }: { href: string | undefined; label: string; title: string }) {
  const safe = safeHref(href);
  if (!safe) return null;
  return (
    <a
      href={safe}
      target="_blank"
      rel="noopener noreferrer"
      className="nodrag text-sky-800 underline hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-100"
      title={title}
      aria-label={`${title} (opens in a new tab)`}
    >
      {/* The arrow tells this provider's page apart from the in-app "Run details" beside it. */}
      {label} <span aria-hidden="true">↗</span>
    </a>
  );
}

/**
 * A failed CodeBuild action's error: its build's failed phase message instead where that is clearer, once the
 * details have read the build (from the cache: the graph never calls CodeBuild).
 */
function BuildActionError({ error, actionName, buildId }: { error: ErrorDetails; actionName: string; buildId: string }) {
  const ctx = useGraphContext();
  const build = useQuery(knownBuildQuery(useSource(), ctx.pipelineName, buildId)).data ?? undefined;
  return <ActionError error={{ ...error, message: clearerError(error.message, build) }} actionName={actionName} overlay />;
}

export const ActionNode = memo(function ActionNode({ data }: NodeProps<ActionFlowNode>) {
  const ctx = useGraphContext();
  const { layout, view } = data;
  const look = statusLook(view?.status);
  const running = view?.status === "InProgress";
  const failed = view?.status === "Failed";
  const isApproval = layout.category === "Approval";
  // A token means the approval waits for a decision now (PARALLEL mode: only ListActionExecutions has it).
  const awaitingDecision = isApproval && running && Boolean(view?.token ?? (ctx.executionMode === "PARALLEL" ? view?.externalExecutionId : undefined));
  const revisionId = view?.revision?.revisionId;
  const error = view?.errorDetails;
  // A source action's summary is usually its commit message, already shown beside the revision.
  const summary = revisionId && data.revisionMessage && view?.summary?.startsWith(data.revisionMessage) ? undefined : view?.summary;
  const name = layout.actionName;

  return (
    <article
      aria-label={`Action ${name}: ${look.label}, in stage ${layout.stageName}`}
      data-status={view?.status ?? "none"}
      className={`action-card flex h-full w-full flex-col gap-0.5 overflow-hidden rounded-lg border-2 px-2.5 py-1.5 text-xs text-slate-800 shadow-sm dark:text-slate-100 ${TONES[look.tone].border} ${TONES[look.tone].bg} ${running ? "pipeline-running" : ""} ${data.highlighted ? "ring-4 ring-fuchsia-500 ring-offset-2 dark:ring-offset-slate-900" : ""}`}
    >
      <Handle type="target" position={Position.Left} style={handleStyle} isConnectable={false} />
      <Handle type="source" position={Position.Right} style={handleStyle} isConnectable={false} />
      <div className="flex min-w-0 items-center gap-1.5">
        <CategoryIcon category={layout.category} className="text-slate-600 dark:text-slate-300" />
        <h3 className="truncate text-[13px] font-semibold" title={name}>
          <Link to={ctx.actionHref(layout.stageName, name)} className="nodrag hover:underline">
            {/* Text from AWS sits in <bdi>: a right-to-left override in it must not reorder what is around it. */}
            <bdi>{name}</bdi>
          </Link>
        </h3>
      </div>
      <div className="truncate text-slate-600 dark:text-slate-400" title={`${layout.owner ?? ""} ${layout.provider ?? ""} (${layout.category ?? ""})`}>
        <bdi>{layout.provider ?? "Unknown provider"}</bdi> · {layout.category ?? "Action"}
      </div>
      <div className="flex min-w-0 items-center gap-1.5">
        <StatusBadge status={view?.status} />
        {view?.lastStatusChange && (
          <time dateTime={view.lastStatusChange.toISOString()} title={formatExactTime(view.lastStatusChange)} className="truncate text-slate-600 dark:text-slate-400">
            {formatRelativeTime(view.lastStatusChange, new Date())}
          </time>
        )}
      </div>
      <JobWait layout={layout} view={view} />
      {running && typeof view?.percentComplete === "number" && (
        <div className="flex items-center gap-1.5">
          <div
            role="progressbar"
            aria-label={`${name} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={view.percentComplete}
            className="h-1.5 w-16 shrink-0 overflow-hidden rounded bg-sky-200 dark:bg-sky-900"
          >
            <div className="h-full bg-sky-600 dark:bg-sky-400" style={{ width: `${Math.max(0, Math.min(100, view.percentComplete))}%` }} />
          </div>
          <span className="tabular-nums">{view.percentComplete}%</span>
        </div>
      )}
      {running && <Elapsed startedAt={view?.startedAt} expected={data.expected} />}
      {data.deployTargets && (
        <p className="truncate font-medium" title={data.deployTargets}>
          {data.deployTargets}
        </p>
      )}
      {failed && error ? (
        layout.provider === "CodeBuild" && view?.externalExecutionId ? (
          <BuildActionError error={error} actionName={name} buildId={view.externalExecutionId} />
        ) : (
          <ActionError error={error} actionName={name} overlay />
        )
      ) : (
        summary && (
          <p className="truncate text-slate-700 dark:text-slate-300" title={summary}>
            <bdi>{summary}</bdi>
          </p>
        )
      )}
      {revisionId && (
        <div className="flex min-w-0 items-center gap-1" title={`${revisionId}${data.revisionMessage ? ` — ${data.revisionMessage}` : ""}`}>
          {safeHref(view?.revisionUrl) ? (
            <a
              href={safeHref(view?.revisionUrl)}
              target="_blank"
              rel="noopener noreferrer"
              className="nodrag shrink-0 font-mono text-sky-800 underline dark:text-sky-300"
              aria-label={`Revision ${shortRevisionId(revisionId)} of ${name}`}
            >
              {shortRevisionId(revisionId)}
            </a>
          ) : (
            <span className="shrink-0 font-mono">{shortRevisionId(revisionId)}</span>
          )}
          {data.revisionMessage && <bdi className="truncate">{data.revisionMessage}</bdi>}
        </div>
      )}
      <div className="mt-auto flex min-w-0 items-center gap-2">
        {data.runExecutionId && view?.status && (
          <Link
            to={ctx.runHref(layout.stageName, name, data.runExecutionId)}
            state={{ fromApp: true }}
            className="nodrag font-medium text-sky-800 underline hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-100"
            aria-label={`Run details of ${name}`}
          >
            Run details
          </Link>
        )}
        <ExternalLink href={view?.externalExecutionUrl} label="Details" title={`Execution details of ${name}`} />
        <ExternalLink href={view?.entityUrl} label="Resource" title={`Resource of ${name}`} />
        {awaitingDecision && !ctx.readOnly && ctx.live && (
          <button
            type="button"
            className="nodrag ml-auto rounded bg-sky-700 px-2 py-0.5 font-semibold text-white hover:bg-sky-800 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400"
            onClick={() => ctx.open({ kind: "approval", stageName: layout.stageName, actionName: name, executionId: view?.executionId })}
            aria-label={`Review approval ${name}`}
          >
            Review
          </button>
        )}
      </div>
    </article>
  );
});

import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { Fragment } from "react";
import { Link } from "react-router";
import { retryAvailability } from "../../../core/graph/availability";
import { actionNodeId, stageNodeId } from "../../../core/graph/layout";
import type { StatusView, TransitionView } from "../../../core/graph/status-view";
import { formatExactTime, formatRelativeTime } from "../../../core/format";
import { shortRevisionId } from "../../../core/revision";
import { safeHref } from "../../../core/safe-link";
import { statusLook } from "../../../core/status-look";
import { StatusBadge } from "../../../components/status-badge";
import { linkClass, mutedText, secondaryButton } from "../../../components/styles";
import { CategoryIcon } from "./category-icon";
import type { GraphContextValue } from "./graph/graph-context";
import { TONES } from "./tones";

const shortId = (id: string) => id.slice(0, 8);

/** Buttons in the list: 44 px high, a thumb's width apart. */
const CONTROL = `${secondaryButton} inline-flex min-h-11 items-center`;

/**
 * The pipeline as a vertical list for narrow screens, where the graph would need pinch-zoom: each stage's header
 * (status, execution, retry and roll back), its actions underneath in run order, and between two stages the
 * transition with its state and its control. The same data and dialogs as the graph (GraphContext's `open`).
 */
export function StageList({
  declaration,
  status,
  revisionMessages,
  rollbackStages,
  highlight,
  context: ctx,
}: {
  declaration: PipelineDeclaration;
  status: StatusView;
  revisionMessages?: Map<string, string>;
  /** Stages with an earlier successful execution to roll back to (as the graph offers it). */
  rollbackStages?: ReadonlySet<string>;
  highlight?: { stageName: string; actionName: string };
  context: GraphContextValue;
}) {
  const controls = !ctx.readOnly && ctx.live;
  const stages = declaration.stages ?? [];
  const now = new Date();
  return (
    <ol aria-label={`Pipeline ${ctx.pipelineName}: stages`} className="flex flex-col">
      {stages.map((stage, index) => {
        const stageName = stage.name ?? "";
        const view = status.stages.get(stageNodeId(stageName));
        const actions = [...(stage.actions ?? [])].sort((a, b) => (a.runOrder ?? 1) - (b.runOrder ?? 1));
        const actionViews = actions.map((a) => status.actions.get(actionNodeId(stageName, a.name ?? "")));
        const retry = retryAvailability(view, actionViews);
        const look = statusLook(view?.status);
        const rollback = rollbackStages?.has(stageName) ?? false;
        return (
          <Fragment key={stageName}>
            {index > 0 && ctx.live && (
              <li className="ml-4 border-l-2 border-zinc-300 py-2 pl-4 dark:border-zinc-600">
                <Transition stageName={stageName} transition={view?.inbound} interactive={controls} open={ctx.open} now={now} />
              </li>
            )}
            <li>
              <section aria-label={`Stage ${stageName}`} className={`rounded-lg border-2 bg-white p-3 dark:bg-zinc-900 ${TONES[look.tone].border}`}>
                <h2 className="text-lg font-semibold [overflow-wrap:anywhere]">
                  <bdi>{stageName}</bdi>
                </h2>
                <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <StatusBadge status={view?.status} />
                  {view?.executionId && (
                    <Link to={ctx.executionHref(view.executionId)} className={`font-mono ${linkClass}`} title={`Execution ${view.executionId}`}>
                      {shortId(view.executionId)}
                    </Link>
                  )}
                  {view?.executionType === "ROLLBACK" && <span className="rounded bg-violet-100 px-1 text-violet-800 dark:bg-violet-900 dark:text-violet-200">Rollback</span>}
                </div>
                {controls && (retry.offered || rollback) && (
                  <div className="mt-2 flex flex-wrap gap-2">
                    {retry.offered && view?.executionId && (
                      <button type="button" className={CONTROL} onClick={() => ctx.open({ kind: "retry", stageName, executionId: view.executionId! })}>
                        Retry<span className="sr-only"> stage {stageName}</span>…
                      </button>
                    )}
                    {rollback && (
                      <button type="button" className={CONTROL} onClick={() => ctx.open({ kind: "rollback", stageName })}>
                        Roll back<span className="sr-only"> stage {stageName}</span>…
                      </button>
                    )}
                  </div>
                )}
                <ul aria-label={`Actions of ${stageName}`} className="mt-3 flex flex-col gap-2">
                  {actions.map((action, i) => {
                    const name = action.name ?? "";
                    const actionView = actionViews[i];
                    const actionLook = statusLook(actionView?.status);
                    const category = action.actionTypeId?.category;
                    const highlighted = highlight?.stageName === stageName && highlight.actionName === name;
                    const revisionId = actionView?.revision?.revisionId;
                    const awaitingDecision =
                      category === "Approval" &&
                      actionView?.status === "InProgress" &&
                      Boolean(actionView.token ?? (ctx.executionMode === "PARALLEL" ? actionView.externalExecutionId : undefined));
                    const details = safeHref(actionView?.externalExecutionUrl);
                    return (
                      <li
                        key={name}
                        aria-label={`Action ${name}: ${actionLook.label}`}
                        className={`rounded-md border px-3 py-2 text-sm ${TONES[actionLook.tone].border} ${TONES[actionLook.tone].bg} ${highlighted ? "ring-4 ring-fuchsia-500" : ""}`}
                      >
                        <p className="flex min-w-0 items-center gap-2 font-semibold">
                          <CategoryIcon category={category} className="shrink-0 text-zinc-600 dark:text-zinc-300" />
                          <Link to={ctx.actionHref(stageName, name)} className="[overflow-wrap:anywhere] hover:underline">
                            <bdi>{name}</bdi>
                          </Link>
                        </p>
                        <p className={mutedText}>
                          <bdi>{action.actionTypeId?.provider ?? "Unknown provider"}</bdi> · {category ?? "Action"}
                          {actions.length > 1 && ` · step ${action.runOrder ?? 1}`}
                        </p>
                        <p className="mt-1 flex flex-wrap items-center gap-x-2">
                          <StatusBadge status={actionView?.status} />
                          {actionView?.lastStatusChange && (
                            <time dateTime={actionView.lastStatusChange.toISOString()} title={formatExactTime(actionView.lastStatusChange)} className={mutedText}>
                              {formatRelativeTime(actionView.lastStatusChange, now)}
                            </time>
                          )}
                        </p>
                        {actionView?.status === "Failed" && actionView.errorDetails && (
                          <p className="mt-1 text-red-800 [overflow-wrap:anywhere] dark:text-red-300">
                            <bdi>{actionView.errorDetails.message}</bdi>
                          </p>
                        )}
                        {revisionId && (
                          <p className="mt-1 [overflow-wrap:anywhere]">
                            <span className="font-mono">{shortRevisionId(revisionId)}</span>{" "}
                            {revisionMessages?.get(name) && <bdi>{revisionMessages.get(name)}</bdi>}
                          </p>
                        )}
                        {(details || (awaitingDecision && controls)) && (
                          <div className="mt-2 flex flex-wrap items-center gap-3">
                            {details && (
                              <a href={details} target="_blank" rel="noopener noreferrer" className={`inline-flex min-h-6 items-center ${linkClass}`} aria-label={`Execution details of ${name} (opens in a new tab)`}>
                                Details <span aria-hidden="true">↗</span>
                              </a>
                            )}
                            {awaitingDecision && controls && (
                              <button
                                type="button"
                                className={`${CONTROL} font-semibold`}
                                onClick={() => ctx.open({ kind: "approval", stageName, actionName: name, executionId: actionView?.executionId })}
                                aria-label={`Review approval ${name}`}
                              >
                                Review…
                              </button>
                            )}
                          </div>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            </li>
          </Fragment>
        );
      })}
    </ol>
  );
}

function Transition({
  stageName,
  transition,
  interactive,
  open,
  now,
}: {
  stageName: string;
  transition?: TransitionView;
  interactive: boolean;
  open: GraphContextValue["open"];
  now: Date;
}) {
  const enabled = transition?.enabled !== false;
  const waiting = transition?.waiting ?? [];
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <p className={`min-w-0 [overflow-wrap:anywhere] ${enabled ? mutedText : "font-medium text-amber-800 dark:text-amber-300"}`}>
        <span aria-hidden="true">↓ </span>
        Transition into <bdi>{stageName}</bdi> {enabled ? "enabled" : "disabled"}
        {!enabled && transition?.disabledReason && (
          <>
            : <bdi>{transition.disabledReason}</bdi>
          </>
        )}
        {!enabled && transition?.lastChangedBy && (
          <>
            {" · "}
            <bdi>{transition.lastChangedBy}</bdi>
          </>
        )}
        {!enabled && transition?.lastChangedAt && ` · ${formatRelativeTime(transition.lastChangedAt, now)}`}
        {waiting.length > 0 && ` · ${waiting.length} waiting`}
      </p>
      {interactive && (
        <button type="button" className={CONTROL} onClick={() => open({ kind: "transition", stageName, enable: !enabled })}>
          {enabled ? "Disable" : "Enable"} transition<span className="sr-only"> into {stageName}</span>…
        </button>
      )}
    </div>
  );
}

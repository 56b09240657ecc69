import { memo } from "react";
import { Handle, Position, useStore, type NodeProps } from "@xyflow/react";
import { DETAIL_ZOOM } from "./zoom";
import { Link } from "react-router";
import { TRANSITION_HANDLE_Y, type ConditionKind } from "../../../../core/graph/layout";
import type { ConditionView, TransitionView } from "../../../../core/graph/status-view";
import { formatExactTime, formatRelativeTime } from "../../../../core/format";
import { Elapsed } from "../elapsed";
import { StatusBadge } from "../../../../components/status-badge";
import { TONES } from "../tones";
import { statusLook } from "../../../../core/status-look";
import { useGraphContext } from "./graph-context";
import type { StageFlowNode } from "../../../../core/graph/flow";

export const CONDITION_LABELS: Record<ConditionKind, string> = {
  beforeEntry: "Entry condition",
  onSuccess: "On success",
  onFailure: "On failure",
};

export const shortId = (id: string | undefined) => (id ? id.slice(0, 8) : "");

const handleStyle = { top: TRANSITION_HANDLE_Y, opacity: 0, pointerEvents: "none" as const };

export const StageNode = memo(function StageNode({ data }: NodeProps<StageFlowNode>) {
  const ctx = useGraphContext();
  const { layout, view } = data;
  const look = statusLook(view?.status);
  const running = view?.status === "InProgress";
  const controls = !ctx.readOnly && ctx.live;
  const zoomedOut = useStore((s) => s.transform[2] < DETAIL_ZOOM);

  return (
    <section
      aria-label={`Stage ${layout.stageName}`}
      className={`h-full w-full rounded-xl border-2 bg-slate-50/90 text-slate-900 shadow-sm dark:bg-slate-900/80 dark:text-slate-100 ${TONES[look.tone].border} ${running ? "pipeline-running" : ""}`}
    >
      {!layout.isFirst && <Handle type="target" position={Position.Left} style={handleStyle} isConnectable={false} />}
      <Handle type="source" position={Position.Right} style={handleStyle} isConnectable={false} />
      <header className="flex flex-col gap-1 px-3 pt-2 text-xs" style={{ height: layout.headerHeight }}>
        <div className="flex items-center justify-between gap-2">
          <h2 className="truncate text-sm font-semibold" title={layout.stageName}>
            {/* Text from AWS sits in <bdi>: a right-to-left override in it must not reorder what is around it. */}
            <bdi>{layout.stageName}</bdi>
          </h2>
          {controls && (
            <StageControls stageName={layout.stageName} retryExecutionId={data.retry?.offered ? view?.executionId : undefined} rollback={data.rollback ?? false} />
          )}
        </div>
        <div className="flex min-w-0 items-center gap-2">
          <StatusBadge status={view?.status} />
          {view?.executionId && (
            <Link
              to={ctx.executionHref(view.executionId)}
              className="nodrag truncate font-mono text-slate-600 underline decoration-dotted hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
              title={`Execution ${view.executionId}`}
            >
              {shortId(view.executionId)}
            </Link>
          )}
          {view?.executionType === "ROLLBACK" && <span className="rounded bg-violet-100 px-1 text-violet-800 dark:bg-violet-900 dark:text-violet-200">Rollback</span>}
        </div>
        {running && data.startedAt && (
          <p className="flex min-w-0 items-center gap-1 whitespace-nowrap">
            <ClockIcon />
            {/* Spoken, not shown: the clock says it, and the row must fit "2 h 23 min of ~55 min 22 s OVERDUE" in the narrowest stage. */}
            <span className="sr-only">{"Running for "}</span>
            <Elapsed startedAt={data.startedAt} expected={data.expected} />
          </p>
        )}
        {!layout.isFirst && ctx.live && <InboundLine transition={view?.inbound} />}
        {zoomedOut && data.actionCounts && (
          <p className="text-sm font-medium" aria-label={`Actions of ${layout.stageName}`}>
            {Object.entries(data.actionCounts)
              .map(([st, n]) => `${n} ${st === "NotRun" ? "not run" : statusLook(st).label.toLowerCase()}`)
              .join(" · ")}
          </p>
        )}
        {layout.conditions.map((kind) => (
          <ConditionLine
            key={kind}
            kind={kind}
            condition={view?.conditions.find((c) => c.kind === kind)}
            stageName={layout.stageName}
            executionId={view?.executionId}
          />
        ))}
      </header>
    </section>
  );
});

function ClockIcon() {
  return (
    <svg viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0 text-slate-600 dark:text-slate-300" aria-hidden="true">
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

function InboundLine({ transition }: { transition?: TransitionView }) {
  const waiting = transition?.waiting ?? [];
  const ctx = useGraphContext();
  return (
    <div className="flex min-w-0 items-center gap-1 text-slate-600 dark:text-slate-300">
      {transition?.enabled === false ? (
        <span
          className="truncate font-medium text-amber-800 dark:text-amber-300"
          title={`Inbound transition disabled${transition.disabledReason ? `: ${transition.disabledReason}` : ""}${transition.lastChangedBy ? ` by ${transition.lastChangedBy}` : ""}${transition.lastChangedAt ? ` at ${formatExactTime(transition.lastChangedAt)}` : ""}`}
        >
          Inbound disabled
          {transition.disabledReason && (
            <>
              : <bdi>{transition.disabledReason}</bdi>
            </>
          )}
          {transition.lastChangedBy && (
            <>
              {" · "}
              <bdi>{transition.lastChangedBy}</bdi>
            </>
          )}
          {transition.lastChangedAt ? ` · ${formatRelativeTime(transition.lastChangedAt, new Date())}` : ""}
        </span>
      ) : (
        <span>Inbound enabled</span>
      )}
      {waiting.length > 0 && (
        <span className="ml-auto shrink-0">
          waiting:{" "}
          {waiting.slice(0, 2).map((w, i) => (
            <Link
              key={w.pipelineExecutionId ?? i}
              to={ctx.executionHref(w.pipelineExecutionId ?? "")}
              className="nodrag font-mono underline decoration-dotted"
              title={`Execution ${w.pipelineExecutionId} (${w.status}) waits here`}
            >
              {shortId(w.pipelineExecutionId)}{" "}
            </Link>
          ))}
          {waiting.length > 2 ? `+${waiting.length - 2}` : ""}
        </span>
      )}
    </div>
  );
}

function ConditionLine({ kind, condition, stageName, executionId }: { kind: ConditionKind; condition?: ConditionView; stageName: string; executionId?: string }) {
  const ctx = useGraphContext();
  const rules = condition?.rules ?? [];
  const overridable =
    !ctx.readOnly && ctx.live && executionId && condition?.status === "InProgress" && (kind === "beforeEntry" || kind === "onSuccess");
  const ruleText = rules.map((r) => `${r.name}: ${statusLook(r.status).label}${r.summary ? ` (${r.summary})` : ""}`).join("; ");
  return (
    <div className="flex min-w-0 items-center gap-1">
      <span className="shrink-0 text-slate-600 dark:text-slate-300">{CONDITION_LABELS[kind]}:</span>
      <StatusBadge status={condition?.status} />
      {rules.length > 0 && (
        <span className="truncate text-slate-600 dark:text-slate-300" title={ruleText}>
          {rules.map((r, i) => (
            <span key={r.name ?? i}>
              {i > 0 && ", "}
              <bdi>{r.name}</bdi> {statusLook(r.status).label.toLowerCase()}
            </span>
          ))}
        </span>
      )}
      {executionId && condition && (
        <Link
          to={ctx.ruleResultsHref(stageName, executionId)}
          className="nodrag shrink-0 underline decoration-dotted hover:text-slate-950 dark:hover:text-white"
          aria-label={`Rule results of the ${CONDITION_LABELS[kind].toLowerCase()} of ${stageName}`}
        >
          Results
        </Link>
      )}
      {overridable && (
        <button
          type="button"
          className="nodrag ml-auto shrink-0 rounded border border-slate-400 px-1.5 py-0.5 font-medium hover:bg-slate-200 dark:border-slate-500 dark:hover:bg-slate-700"
          onClick={() =>
            ctx.open({ kind: "override", stageName, executionId, conditionType: kind === "beforeEntry" ? "BEFORE_ENTRY" : "ON_SUCCESS" })
          }
        >
          Override
        </button>
      )}
    </div>
  );
}

function StageControls({ stageName, retryExecutionId, rollback }: { stageName: string; retryExecutionId?: string; rollback: boolean }) {
  const ctx = useGraphContext();
  return (
    <div className="flex shrink-0 gap-1">
      {retryExecutionId && (
        <button
          type="button"
          className="nodrag rounded border border-red-500 px-1.5 py-0.5 text-xs font-medium text-red-800 hover:bg-red-50 dark:border-red-400 dark:text-red-200 dark:hover:bg-red-950"
          onClick={() => ctx.open({ kind: "retry", stageName, executionId: retryExecutionId })}
          aria-label={`Retry stage ${stageName}`}
        >
          Retry
        </button>
      )}
      {rollback && (
        <button
          type="button"
          className="nodrag rounded border border-slate-400 px-1.5 py-0.5 text-xs font-medium hover:bg-slate-200 dark:border-slate-500 dark:hover:bg-slate-700"
          onClick={() => ctx.open({ kind: "rollback", stageName })}
          aria-label={`Roll back stage ${stageName}`}
        >
          Roll back
        </button>
      )}
    </div>
  );
}

import { memo } from "react";
import { BaseEdge, EdgeLabelRenderer, getStraightPath, type Edge, type EdgeProps } from "@xyflow/react";
import { useGraphContext } from "./graph-context";
import type { TransitionEdgeViewData } from "../../../../core/graph/flow";

export type TransitionFlowEdge = Edge<TransitionEdgeViewData, "transition">;
export type OrderFlowEdge = Edge<Record<string, never>, "order">;
export type PipelineFlowEdge = TransitionFlowEdge | OrderFlowEdge;

function LockIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" aria-hidden="true">
      <rect x="3.5" y="7" width="9" height="6.5" rx="1" />
      <path d={open ? "M5.5 7V5a2.5 2.5 0 014.9-.7" : "M5.5 7V5a2.5 2.5 0 015 0v2"} />
    </svg>
  );
}

/** Inbound transition of `data.layout.stageName`: solid arrow when enabled, dashed red with a lock when disabled. */
export const TransitionEdge = memo(function TransitionEdge({ id, sourceX, sourceY, targetX, targetY, markerEnd, data }: EdgeProps<TransitionFlowEdge>) {
  const ctx = useGraphContext();
  const [path, labelX, labelY] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  const stageName = data?.layout.stageName ?? "";
  const enabled = data?.view?.enabled !== false;
  const interactive = !ctx.readOnly && ctx.live;
  const label = enabled ? `Disable transition into ${stageName}` : `Enable transition into ${stageName}`;
  const classes = `nodrag nopan flex items-center gap-1 rounded-full border px-1.5 py-0.5 text-[11px] font-medium shadow-sm ${
    enabled
      ? "border-slate-400 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
      : "border-amber-600 bg-amber-50 text-amber-900 hover:bg-amber-100 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-200"
  }`;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={enabled ? { strokeWidth: 2 } : { strokeWidth: 2, strokeDasharray: "6 4", stroke: "var(--pipeline-disabled-edge)" }}
      />
      {ctx.live && (
      <EdgeLabelRenderer>
        <div className="absolute" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, pointerEvents: "all" }}>
          {interactive ? (
            <button
              type="button"
              className={classes}
              aria-label={label}
              title={label}
              onClick={() => ctx.open({ kind: "transition", stageName, enable: !enabled })}
            >
              <LockIcon open={enabled} />
              {!enabled && <span>Disabled</span>}
            </button>
          ) : (
            <span className={classes} role="img" aria-label={enabled ? `Transition into ${stageName} enabled` : `Transition into ${stageName} disabled`}>
              <LockIcon open={enabled} />
              {!enabled && <span>Disabled</span>}
            </span>
          )}
        </div>
      </EdgeLabelRenderer>
      )}
    </>
  );
});

import "@xyflow/react/dist/style.css";
import "./pipeline.css";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { Background, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type MiniMapNodeProps, type ReactFlowInstance, type Viewport } from "@xyflow/react";
import { flowNodes, type FlowInputs, type PipelineFlowNode } from "../../../../core/graph/flow";
import { actionNodeId, layoutPipeline, stageNodeId } from "../../../../core/graph/layout";
import type { StatusView } from "../../../../core/graph/status-view";
import { TONES } from "../tones";
import { statusLook } from "../../../../core/status-look";
import { DETAIL_ZOOM } from "./zoom";
import { GraphContext, type GraphContextValue } from "./graph-context";
import { edgeTypes, nodeTypes } from "./node-types";
import type { PipelineFlowEdge } from "./transition-edge";

export interface PipelineGraphProps extends FlowInputs {
  status: StatusView;
  context: GraphContextValue;
  /** Accessible name of the graph region. */
  label: string;
}

/** Below this zoom text is unreadable: bigger graphs open at the first stage instead of fitting everything. */
const MIN_FIT_ZOOM = 0.45;
const START_VIEWPORT: Viewport = { x: 24, y: 24, zoom: 0.75 };
const MINIMAP_MIN_NODES = 30;

/** Minimap at 50×50: one rectangle per stage (coloured by its status), none per action. */
function MiniMapStage({ id, x, y, width, height, color }: MiniMapNodeProps) {
  if (!id.startsWith("stage:")) return null;
  return <rect x={x} y={y} width={width} height={height} fill={color} rx={24} />;
}

const hiddenClones = new WeakMap<object, PipelineFlowNode>();
const hide = (node: PipelineFlowNode): PipelineFlowNode => {
  let clone = hiddenClones.get(node);
  if (!clone) hiddenClones.set(node, (clone = { ...node, hidden: true } as PipelineFlowNode));
  return clone;
};

function Graph(props: PipelineGraphProps) {
  const { declaration, status, context, highlight, label, timing, revisionMessages, rollbackStages, deployTargets } = props;
  // Layout depends on the declaration only; status merges below never re-run it.
  const layout = useMemo(() => layoutPipeline(declaration), [declaration]);
  const nodes = useMemo(
    () => flowNodes(layout, status, { declaration, timing, revisionMessages, highlight, rollbackStages, deployTargets }),
    [layout, status, declaration, timing, revisionMessages, highlight, rollbackStages, deployTargets],
  );
  const zoomedOut = useStore((s) => s.transform[2] < DETAIL_ZOOM);
  const shownNodes = useMemo(() => (zoomedOut ? nodes.map((n) => (n.type === "stage" ? n : hide(n))) : nodes), [nodes, zoomedOut]);
  // Order edges never change with status; only the 49 transition edges carry live data.
  const orderEdges = useMemo<PipelineFlowEdge[]>(
    () =>
      layout.edges
        .filter((e) => e.data.kind === "order")
        .map((e) => ({ id: e.id, source: e.source, target: e.target, type: "order", markerEnd: { type: MarkerType.Arrow } }) as PipelineFlowEdge),
    [layout],
  );
  const edges = useMemo<PipelineFlowEdge[]>(() => {
    const transitions: PipelineFlowEdge[] = [];
    for (const e of layout.edges) {
      if (e.data.kind !== "transition") continue;
      transitions.push({
        id: e.id,
        source: e.source,
        target: e.target,
        type: "transition",
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        data: { layout: e.data, view: status.stages.get(stageNodeId(e.data.stageName))?.inbound },
      });
    }
    return zoomedOut ? transitions : [...transitions, ...orderEdges];
  }, [layout, status, orderEdges, zoomedOut]);
  const container = useRef<HTMLDivElement>(null);
  const onInit = useCallback(
    (flow: ReactFlowInstance<PipelineFlowNode, PipelineFlowEdge>) => {
      const box = container.current?.getBoundingClientRect();
      const fitZoom = box && layout.width > 0 ? Math.min(box.width / layout.width, box.height / layout.height) : 1;
      if (fitZoom >= MIN_FIT_ZOOM) void flow.fitView({ maxZoom: 1, padding: 0.05 });
      else void flow.setViewport(START_VIEWPORT);
    },
    [layout],
  );

  return (
    <GraphContext.Provider value={context}>
      <div ref={container} className="pipeline-graph h-full w-full" role="region" aria-label={label} data-testid="pipeline-graph" data-node-count={nodes.length}>
        <ReactFlow<PipelineFlowNode, PipelineFlowEdge>
          nodes={shownNodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={{ type: "default" }}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          onlyRenderVisibleElements
          onInit={onInit}
          defaultViewport={START_VIEWPORT}
          fitViewOptions={{ padding: 0.05 }}
          minZoom={0.02}
          maxZoom={2}
          colorMode="system"
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          <Controls showInteractive={false} position="bottom-left" />
          {nodes.length >= MINIMAP_MIN_NODES && (
            <MiniMap
              pannable
              zoomable
              position="bottom-right"
              ariaLabel="Pipeline overview map"
              nodeColor={(n) => {
                const node = n as PipelineFlowNode;
                if (node.type === "join") return "#64748b";
                return TONES[statusLook(node.data.view?.status).tone].fill;
              }}
              nodeStrokeWidth={2}
              nodeComponent={MiniMapStage}
            />
          )}
          {highlight && <CenterOn nodeId={actionNodeId(highlight.stageName, highlight.actionName)} />}
        </ReactFlow>
      </div>
    </GraphContext.Provider>
  );
}

/** Deep link to an action: centre on it once the graph is ready. */
function CenterOn({ nodeId }: { nodeId: string }) {
  const flow = useReactFlow<PipelineFlowNode, PipelineFlowEdge>();
  useEffect(() => {
    let cancelled = false;
    const frame = requestAnimationFrame(() => {
      if (cancelled) return;
      const node = flow.getInternalNode(nodeId);
      if (!node) return;
      const { x, y } = node.internals.positionAbsolute;
      void flow.setCenter(x + (node.width ?? 0) / 2, y + (node.height ?? 0) / 2, { zoom: 1 });
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [flow, nodeId]);
  return null;
}

export function PipelineGraph(props: PipelineGraphProps) {
  return (
    <ReactFlowProvider>
      <Graph {...props} />
    </ReactFlowProvider>
  );
}

import "@xyflow/react/dist/style.css";
import "./pipeline.css";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { Background, Controls, MarkerType, MiniMap, Position, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type MiniMapNodeProps, type ReactFlowInstance, type Viewport } from "@xyflow/react";
import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { actionKey, type DurationEstimate } from "../../../../core/durations";
import { actionNodeId, layoutPipeline, stageNodeId, TRANSITION_HANDLE_Y, type LayoutNode, type PipelineLayout } from "../../../../core/graph/layout";
import type { ActionView, StatusView } from "../../../../core/graph/status-view";
import { retryAvailability } from "../../../../core/graph/availability";
import { TONES } from "../../../../components/status-badge";
import { statusLook } from "../../../../core/status-look";
import { DETAIL_ZOOM } from "./zoom";
import { GraphContext, type GraphContextValue } from "./graph-context";
import { edgeTypes, nodeTypes } from "./node-types";
import type { PipelineFlowNode } from "../../../../core/graph/flow";
import type { PipelineFlowEdge } from "./transition-edge";

export interface GraphTiming {
  actions?: Map<string, DurationEstimate>;
  stages?: Map<string, DurationEstimate>;
  stageStarts?: Map<string, Date>;
}

export interface PipelineGraphProps {
  declaration: PipelineDeclaration;
  status: StatusView;
  timing?: GraphTiming;
  /** Commit message per source action name. */
  revisionMessages?: Map<string, string>;
  highlight?: { stageName: string; actionName: string };
  context: GraphContextValue;
  /** Accessible name of the graph region. */
  label: string;
}

/** Below this zoom text is unreadable: bigger graphs open at the first stage instead of fitting everything. */
const MIN_FIT_ZOOM = 0.45;
const START_VIEWPORT: Viewport = { x: 24, y: 24, zoom: 0.75 };
const MINIMAP_MIN_NODES = 30;

function countStatuses(views: (ActionView | undefined)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of views) {
    const key = v?.status ?? "NotRun";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const INTERACTIVE = { pointerEvents: "all" as const };

/** React Flow's default handle: 6 px, centred on the node's side. */
const HANDLE = 6;

/**
 * Where the nodes' handles are, known from the layout as their sizes are (`measured`, since React Flow sizes
 * each node to its `width` and `height`). Otherwise React Flow renders every node once to measure it, which at
 * 50×50 means 2,500 actions in the DOM before `onlyRenderVisibleElements` can cull any, and fits the view only
 * to nodes it has measured.
 */
function handlesOf(node: LayoutNode): NonNullable<PipelineFlowNode["handles"]> {
  // As the node components place them: stages at the transition's height (the first has no inbound), others centred.
  const y = (node.data.kind === "stage" ? TRANSITION_HANDLE_Y : node.height / 2) - HANDLE / 2;
  const source = { type: "source" as const, position: Position.Right, x: node.width - HANDLE / 2, y, width: HANDLE, height: HANDLE };
  if (node.data.kind === "stage" && node.data.isFirst) return [source];
  return [{ type: "target", position: Position.Left, x: -HANDLE / 2, y, width: HANDLE, height: HANDLE }, source];
}

type MergeInput = Pick<PipelineGraphProps, "declaration" | "timing" | "revisionMessages" | "highlight">;

function toFlowNode(node: LayoutNode, status: StatusView, props: MergeInput): PipelineFlowNode {
  // Not selectable or draggable, so React Flow would give nodes `pointer-events: none`; their links, buttons and tooltips need them.
  const base = {
    id: node.id,
    position: node.position,
    width: node.width,
    height: node.height,
    measured: { width: node.width, height: node.height },
    handles: handlesOf(node),
    draggable: false,
    selectable: false,
    style: node.type === "join" ? undefined : INTERACTIVE,
  };
  const data = node.data;
  if (data.kind === "stage") {
    const view = status.stages.get(node.id);
    const stage = props.declaration.stages?.[data.index];
    const actionViews = (stage?.actions ?? []).map((a) => status.actions.get(actionNodeId(data.stageName, a.name ?? "")));
    return {
      ...base,
      type: "stage",
      data: {
        layout: data,
        view,
        expected: props.timing?.stages?.get(data.stageName),
        startedAt: view?.status === "InProgress" ? props.timing?.stageStarts?.get(data.stageName) : undefined,
        retry: retryAvailability(view, actionViews),
        actionCounts: countStatuses(actionViews),
      },
    };
  }
  if (data.kind === "action") {
    const view = status.actions.get(node.id);
    return {
      ...base,
      parentId: node.parentId,
      extent: "parent",
      type: "action",
      data: {
        layout: data,
        view,
        expected: props.timing?.actions?.get(actionKey(data.stageName, data.actionName)),
        revisionMessage: data.category === "Source" ? props.revisionMessages?.get(data.actionName) : undefined,
        highlighted: props.highlight?.stageName === data.stageName && props.highlight.actionName === data.actionName,
      },
    };
  }
  return { ...base, parentId: node.parentId, extent: "parent", type: "join", data: { layout: data } };
}

/**
 * Node objects per layout, reused while their merged data is unchanged: React Flow skips nodes whose
 * object identity did not change, so a poll at 50×50 touches only the nodes whose status moved.
 */
const nodeCache = new WeakMap<PipelineLayout, Map<string, { sig: string; node: PipelineFlowNode }>>();

function reuseUnchanged(layout: PipelineLayout, nodes: PipelineFlowNode[]): PipelineFlowNode[] {
  let cache = nodeCache.get(layout);
  if (!cache) nodeCache.set(layout, (cache = new Map()));
  return nodes.map((node) => {
    const { layout: _layout, ...live } = node.data;
    const sig = JSON.stringify(live);
    const prev = cache.get(node.id);
    if (prev && prev.sig === sig) return prev.node;
    cache.set(node.id, { sig, node });
    return node;
  });
}

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
  const { declaration, status, context, highlight, label, timing, revisionMessages } = props;
  // Layout depends on the declaration only; status merges below never re-run it.
  const layout = useMemo(() => layoutPipeline(declaration), [declaration]);
  const nodes = useMemo(
    () => reuseUnchanged(layout, layout.nodes.map((n) => toFlowNode(n, status, { declaration, timing, revisionMessages, highlight }))),
    [layout, status, declaration, timing, revisionMessages, highlight],
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

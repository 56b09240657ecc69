import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { Position, type NodeBase } from "@xyflow/system";
import { actionKey, type DurationEstimate } from "../durations";
import { actionNodeId, stageNodeId, TRANSITION_HANDLE_Y, type ActionLayoutData, type JoinLayoutData, type LayoutNode, type PipelineLayout, type StageLayoutData, type TransitionEdgeData } from "./layout";
import { retryAvailability, type RetryAvailability } from "./availability";
import type { ActionView, StageView, StatusView, TransitionView } from "./status-view";

/**
 * React Flow nodes from the layout and the live status: the layout (from the declaration alone) gives ids,
 * positions and sizes; status, timing and revisions are merged into each node's `data` per poll.
 */

/** Node data: the layout part never changes with status; `view` and timing are merged per poll. */
export type StageNodeData = {
  layout: StageLayoutData;
  view?: StageView;
  expected?: DurationEstimate;
  startedAt?: Date;
  retry?: RetryAvailability;
  /** Offer Roll back: an earlier execution succeeded in this stage (`rollbackTargets`). */
  rollback?: boolean;
  /** Actions per status ("NotRun" for none), shown when zoomed out. */
  actionCounts?: Record<string, number>;
};

export type ActionNodeData = {
  layout: ActionLayoutData;
  view?: ActionView;
  expected?: DurationEstimate;
  /** Commit message of the revision a source action produced (from the execution summary). */
  revisionMessage?: string;
  highlighted?: boolean;
  /** The execution whose run of this action the details panel opens: the action's own, else its stage's latest. */
  runExecutionId?: string;
  /** "3 of 5 instances succeeded, 1 failed": deploy actions that report targets, for the run shown. */
  deployTargets?: string;
};

export type JoinNodeData = { layout: JoinLayoutData };

export type TransitionEdgeViewData = { layout: TransitionEdgeData; view?: TransitionView };

/**
 * React Flow's node shapes from its framework-free half (@xyflow/system), so this stays pure; they are
 * React Flow nodes as they are. `style` is the one React-side field used: it lets nodes take pointer events.
 */
type FlowNode<Data extends Record<string, unknown>, Type extends string> = NodeBase<Data, Type> & { style?: { pointerEvents: "all" } };

export type StageFlowNode = FlowNode<StageNodeData, "stage">;
export type ActionFlowNode = FlowNode<ActionNodeData, "action">;
export type JoinFlowNode = FlowNode<JoinNodeData, "join">;
export type PipelineFlowNode = StageFlowNode | ActionFlowNode | JoinFlowNode;

export interface GraphTiming {
  actions?: Map<string, DurationEstimate>;
  stages?: Map<string, DurationEstimate>;
  stageStarts?: Map<string, Date>;
}

/** What is merged into the nodes besides status. */
export interface FlowInputs {
  declaration: PipelineDeclaration;
  timing?: GraphTiming;
  /** Commit message per source action name. */
  revisionMessages?: Map<string, string>;
  highlight?: { stageName: string; actionName: string };
  /** Stages that have something to roll back to (the live page's, from their targets). */
  rollbackStages?: ReadonlySet<string>;
  /** Deploy target summaries per action node id (only the shown execution's deploy actions are read). */
  deployTargets?: Map<string, string>;
}

/** Actions per status ("NotRun" for none), for the stage's line when zoomed out. */
export function countStatuses(views: readonly (ActionView | undefined)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of views) {
    const key = v?.status ?? "NotRun";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** React Flow's default handle: 6 px, centred on the node's side. */
const HANDLE = 6;

/**
 * Where the nodes' handles are, known from the layout as their sizes are (`measured`, since React Flow sizes
 * each node to its `width` and `height`). Otherwise React Flow renders every node once to measure it, which at
 * 50×50 means 2,500 actions in the DOM before `onlyRenderVisibleElements` can cull any, and fits the view only
 * to nodes it has measured.
 */
export function handlesOf(node: LayoutNode): NonNullable<PipelineFlowNode["handles"]> {
  // As the node components place them: stages at the transition's height (the first has no inbound), others centred.
  const y = (node.data.kind === "stage" ? TRANSITION_HANDLE_Y : node.height / 2) - HANDLE / 2;
  const source = { type: "source" as const, position: Position.Right, x: node.width - HANDLE / 2, y, width: HANDLE, height: HANDLE };
  if (node.data.kind === "stage" && node.data.isFirst) return [source];
  return [{ type: "target", position: Position.Left, x: -HANDLE / 2, y, width: HANDLE, height: HANDLE }, source];
}

/** Not selectable or draggable, so React Flow would give nodes `pointer-events: none`; their links, buttons and tooltips need them. */
const INTERACTIVE = { pointerEvents: "all" as const };

function toFlowNode(node: LayoutNode, status: StatusView, inputs: FlowInputs): PipelineFlowNode {
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
    const stage = inputs.declaration.stages?.[data.index];
    const actionViews = (stage?.actions ?? []).map((a) => status.actions.get(actionNodeId(data.stageName, a.name ?? "")));
    return {
      ...base,
      type: "stage",
      data: {
        layout: data,
        view,
        expected: inputs.timing?.stages?.get(data.stageName),
        startedAt: view?.status === "InProgress" ? inputs.timing?.stageStarts?.get(data.stageName) : undefined,
        retry: retryAvailability(view, actionViews),
        rollback: inputs.rollbackStages?.has(data.stageName) ?? false,
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
        expected: inputs.timing?.actions?.get(actionKey(data.stageName, data.actionName)),
        revisionMessage: data.category === "Source" ? inputs.revisionMessages?.get(data.actionName) : undefined,
        highlighted: inputs.highlight?.stageName === data.stageName && inputs.highlight.actionName === data.actionName,
        runExecutionId: view?.executionId ?? status.stages.get(stageNodeId(data.stageName))?.executionId,
        deployTargets: inputs.deployTargets?.get(node.id),
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

/** Every node of the layout with the status merged in, unchanged ones as the same objects as last time. */
export function flowNodes(layout: PipelineLayout, status: StatusView, inputs: FlowInputs): PipelineFlowNode[] {
  return reuseUnchanged(layout, layout.nodes.map((n) => toFlowNode(n, status, inputs)));
}

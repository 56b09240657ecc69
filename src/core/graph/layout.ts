import type { ActionCategory, ActionDeclaration, PipelineDeclaration, StageDeclaration } from "@aws-sdk/client-codepipeline";

/**
 * Pure layout of a pipeline declaration for the flow graph: no React, no I/O, no status.
 *
 * Stages run left to right as group nodes, top-aligned so transitions are straight lines.
 * Inside a stage, actions sit in columns by `runOrder` (distinct run orders sorted ascending,
 * one column each); actions sharing a run order are stacked in that column.
 *
 * Edges:
 * - `transition`: stage i -> stage i+1 (the inbound transition of stage i+1);
 * - `order`: column c -> column c+1 inside a stage. When both columns hold one action, or either
 *   holds one, actions are joined directly (fan-out / fan-in). When both hold several, a small
 *   `join` node sits between them (a barrier: every action of column c must finish before column
 *   c+1 starts), which keeps the edge count at a+b instead of a×b at 50 actions a stage.
 *
 * The output is structurally a React Flow node/edge list (children after parents, positions of
 * children relative to their stage), so the view maps it 1:1 and merges live status into `data`
 * without ever re-running the layout when statuses change.
 */

export const ACTION_WIDTH = 256;
export const ACTION_HEIGHT = 156;
/** Horizontal gap between run-order columns (room for an order edge or a join node). */
export const COLUMN_GAP = 48;
/** Vertical gap between stacked (same run order) actions. */
export const ROW_GAP = 12;
export const STAGE_PADDING = 16;
/** Stage header: name, status and execution, elapsed time while running, inbound transition line. */
export const STAGE_HEADER_BASE = 96;
/** One extra header line per declared V2 condition kind (before entry, on success, on failure). */
export const STAGE_CONDITION_LINE = 22;
export const STAGE_MIN_WIDTH = 300;
/** Gap between stages: holds the transition edge and its enable/disable control. */
export const STAGE_GAP = 96;
export const JOIN_SIZE = 12;
/** Vertical offset, from a stage's top, of the handles transition edges attach to. */
export const TRANSITION_HANDLE_Y = 30;

export type ConditionKind = "beforeEntry" | "onSuccess" | "onFailure";

export interface StageLayoutData {
  kind: "stage";
  stageName: string;
  index: number;
  /** Condition kinds declared on this stage (V2), in header order. */
  conditions: ConditionKind[];
  actionCount: number;
  isFirst: boolean;
  headerHeight: number;
}

export interface ActionLayoutData {
  kind: "action";
  stageName: string;
  actionName: string;
  category: ActionCategory | undefined;
  owner: string | undefined;
  provider: string | undefined;
  runOrder: number;
  column: number;
  row: number;
}

export interface JoinLayoutData {
  kind: "join";
  stageName: string;
  afterColumn: number;
}

export type LayoutNodeData = StageLayoutData | ActionLayoutData | JoinLayoutData;

export interface LayoutNode<D extends LayoutNodeData = LayoutNodeData> {
  id: string;
  type: D["kind"];
  /** Relative to the parent stage for actions and joins; absolute for stages. */
  position: { x: number; y: number };
  width: number;
  height: number;
  parentId?: string;
  data: D;
}

export interface TransitionEdgeData {
  kind: "transition";
  /** The stage whose inbound transition this edge is. */
  stageName: string;
  fromStageName: string;
}

export interface OrderEdgeData {
  kind: "order";
  stageName: string;
}

export interface LayoutEdge<D extends TransitionEdgeData | OrderEdgeData = TransitionEdgeData | OrderEdgeData> {
  id: string;
  type: D["kind"];
  source: string;
  target: string;
  data: D;
}

export interface PipelineLayout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Bounding box of the whole graph. */
  width: number;
  height: number;
}

export const stageNodeId = (stageName: string) => `stage:${stageName}`;
export const actionNodeId = (stageName: string, actionName: string) => `action:${stageName}:${actionName}`;
export const joinNodeId = (stageName: string, afterColumn: number) => `join:${stageName}:${afterColumn}`;
export const transitionEdgeId = (stageName: string) => `transition:${stageName}`;

/** Run order as CodePipeline reads it: missing or invalid means 1. */
export function runOrderOf(action: ActionDeclaration): number {
  const order = action.runOrder;
  return typeof order === "number" && Number.isFinite(order) && order >= 1 ? Math.floor(order) : 1;
}

/** Actions grouped into columns by ascending run order, declaration order kept inside a column. */
export function actionColumns(stage: StageDeclaration): ActionDeclaration[][] {
  const byOrder = new Map<number, ActionDeclaration[]>();
  for (const action of stage.actions ?? []) {
    const order = runOrderOf(action);
    const column = byOrder.get(order);
    if (column) column.push(action);
    else byOrder.set(order, [action]);
  }
  return [...byOrder.entries()].sort((a, b) => a[0] - b[0]).map(([, actions]) => actions);
}

export function declaredConditions(stage: StageDeclaration): ConditionKind[] {
  const kinds: ConditionKind[] = [];
  if (stage.beforeEntry?.conditions?.length) kinds.push("beforeEntry");
  if (stage.onSuccess?.conditions?.length) kinds.push("onSuccess");
  if (stage.onFailure?.conditions?.length) kinds.push("onFailure");
  return kinds;
}

export function layoutPipeline(pipeline: PipelineDeclaration): PipelineLayout {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const stages = pipeline.stages ?? [];
  let x = 0;
  let maxHeight = 0;

  stages.forEach((stage, index) => {
    const stageName = stage.name ?? `stage-${index + 1}`;
    const stageId = stageNodeId(stageName);
    const columns = actionColumns(stage);
    const conditions = declaredConditions(stage);
    const headerHeight = STAGE_HEADER_BASE + conditions.length * STAGE_CONDITION_LINE;
    const rows = Math.max(1, ...columns.map((c) => c.length));
    const contentWidth = columns.length * ACTION_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP;
    const width = Math.max(STAGE_MIN_WIDTH, contentWidth + 2 * STAGE_PADDING);
    const height = headerHeight + rows * ACTION_HEIGHT + (rows - 1) * ROW_GAP + STAGE_PADDING;
    const contentLeft = (width - contentWidth) / 2;

    nodes.push({
      id: stageId,
      type: "stage",
      position: { x, y: 0 },
      width,
      height,
      data: {
        kind: "stage",
        stageName,
        index,
        conditions,
        actionCount: stage.actions?.length ?? 0,
        isFirst: index === 0,
        headerHeight,
      },
    });

    if (index > 0) {
      const fromStageName = stages[index - 1].name ?? `stage-${index}`;
      edges.push({
        id: transitionEdgeId(stageName),
        type: "transition",
        source: stageNodeId(fromStageName),
        target: stageId,
        data: { kind: "transition", stageName, fromStageName },
      });
    }

    // Children: columns left to right, each column's stack vertically centred on the tallest one.
    const columnHeight = (count: number) => count * ACTION_HEIGHT + (count - 1) * ROW_GAP;
    const tallest = columnHeight(rows);
    columns.forEach((column, c) => {
      const colX = contentLeft + c * (ACTION_WIDTH + COLUMN_GAP);
      const top = headerHeight + (tallest - columnHeight(column.length)) / 2;
      column.forEach((action, r) => {
        const actionName = action.name ?? `action-${c + 1}-${r + 1}`;
        nodes.push({
          id: actionNodeId(stageName, actionName),
          type: "action",
          parentId: stageId,
          position: { x: colX, y: top + r * (ACTION_HEIGHT + ROW_GAP) },
          width: ACTION_WIDTH,
          height: ACTION_HEIGHT,
          data: {
            kind: "action",
            stageName,
            actionName,
            category: action.actionTypeId?.category,
            owner: action.actionTypeId?.owner,
            provider: action.actionTypeId?.provider,
            runOrder: runOrderOf(action),
            column: c,
            row: r,
          },
        });
      });

      const next = columns[c + 1];
      if (!next) return;
      const fromIds = column.map((a, r) => actionNodeId(stageName, a.name ?? `action-${c + 1}-${r + 1}`));
      const toIds = next.map((a, r) => actionNodeId(stageName, a.name ?? `action-${c + 2}-${r + 1}`));
      const orderEdge = (source: string, target: string): LayoutEdge => ({
        id: `order:${source}->${target}`,
        type: "order",
        source,
        target,
        data: { kind: "order", stageName },
      });
      if (fromIds.length > 1 && toIds.length > 1) {
        const joinId = joinNodeId(stageName, c);
        nodes.push({
          id: joinId,
          type: "join",
          parentId: stageId,
          position: {
            x: colX + ACTION_WIDTH + (COLUMN_GAP - JOIN_SIZE) / 2,
            y: headerHeight + tallest / 2 - JOIN_SIZE / 2,
          },
          width: JOIN_SIZE,
          height: JOIN_SIZE,
          data: { kind: "join", stageName, afterColumn: c },
        });
        for (const s of fromIds) edges.push(orderEdge(s, joinId));
        for (const t of toIds) edges.push(orderEdge(joinId, t));
      } else {
        for (const s of fromIds) for (const t of toIds) edges.push(orderEdge(s, t));
      }
    });

    maxHeight = Math.max(maxHeight, height);
    x += width + STAGE_GAP;
  });

  return { nodes, edges, width: Math.max(0, x - STAGE_GAP), height: maxHeight };
}

import type { Edge, Node } from "@xyflow/react";
import type { DurationEstimate } from "../../../../core/durations";
import type { ActionLayoutData, JoinLayoutData, StageLayoutData, TransitionEdgeData } from "../../../../core/graph/layout";
import type { RetryAvailability } from "../../lib/availability";
import type { ActionView, StageView, TransitionView } from "../../../../core/graph/status-view";

/** Node data: the layout part never changes with status; `view` and timing are merged per poll. */
export type StageNodeData = {
  layout: StageLayoutData;
  view?: StageView;
  expected?: DurationEstimate;
  startedAt?: Date;
  retry?: RetryAvailability;
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
};

export type JoinNodeData = { layout: JoinLayoutData };

export type TransitionEdgeViewData = { layout: TransitionEdgeData; view?: TransitionView };

export type StageFlowNode = Node<StageNodeData, "stage">;
export type ActionFlowNode = Node<ActionNodeData, "action">;
export type JoinFlowNode = Node<JoinNodeData, "join">;
export type PipelineFlowNode = StageFlowNode | ActionFlowNode | JoinFlowNode;

export type TransitionFlowEdge = Edge<TransitionEdgeViewData, "transition">;
export type OrderFlowEdge = Edge<Record<string, never>, "order">;
export type PipelineFlowEdge = TransitionFlowEdge | OrderFlowEdge;

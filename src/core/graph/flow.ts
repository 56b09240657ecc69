import type { NodeBase } from "@xyflow/system";
import type { DurationEstimate } from "../durations";
import type { ActionLayoutData, JoinLayoutData, StageLayoutData, TransitionEdgeData } from "./layout";
import type { RetryAvailability } from "./availability";
import type { ActionView, StageView, TransitionView } from "./status-view";

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

/**
 * React Flow's node shapes from its framework-free half (@xyflow/system), so this stays pure; they are
 * React Flow nodes as they are. `style` is the one React-side field used: it lets nodes take pointer events.
 */
type FlowNode<Data extends Record<string, unknown>, Type extends string> = NodeBase<Data, Type> & { style?: { pointerEvents: "all" } };

export type StageFlowNode = FlowNode<StageNodeData, "stage">;
export type ActionFlowNode = FlowNode<ActionNodeData, "action">;
export type JoinFlowNode = FlowNode<JoinNodeData, "join">;
export type PipelineFlowNode = StageFlowNode | ActionFlowNode | JoinFlowNode;

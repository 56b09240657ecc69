import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { ActionNode } from "./action-node";
import { JoinNode } from "./join-node";
import { StageNode } from "./stage-node";
import { TransitionEdge } from "./transition-edge";

/** Registered once at module scope: a new object per render makes React Flow remount every node (error002). */
export const nodeTypes = {
  stage: StageNode,
  action: ActionNode,
  join: JoinNode,
} satisfies NodeTypes;

export const edgeTypes = {
  transition: TransitionEdge,
} satisfies EdgeTypes;

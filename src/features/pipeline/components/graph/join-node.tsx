import { memo } from "react";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import type { JoinFlowNode } from "../../../../core/graph/flow";

const handleStyle = { opacity: 0, pointerEvents: "none" as const };

/** Barrier between two run-order columns that both hold several actions. */
export const JoinNode = memo(function JoinNode(_props: NodeProps<JoinFlowNode>) {
  return (
    <div className="h-full w-full rounded-full bg-slate-400 dark:bg-slate-500" aria-hidden="true">
      <Handle type="target" position={Position.Left} style={handleStyle} isConnectable={false} />
      <Handle type="source" position={Position.Right} style={handleStyle} isConnectable={false} />
    </div>
  );
});

import { createContext, useContext } from "react";
import type { ConditionType, ExecutionMode, PipelineType } from "@aws-sdk/client-codepipeline";

/** What a control in the graph asks the page to open; each maps to one dialog. */
export type ControlRequest =
  | { kind: "transition"; stageName: string; enable: boolean }
  | { kind: "retry"; stageName: string; executionId: string }
  | { kind: "rollback"; stageName: string }
  | { kind: "override"; stageName: string; executionId: string; conditionType: ConditionType }
  | { kind: "approval"; stageName: string; actionName: string; executionId?: string };

export interface GraphContextValue {
  pipelineName: string;
  pipelineType?: PipelineType;
  executionMode?: ExecutionMode;
  /** Config `readOnly`: no controls at all. */
  readOnly: boolean;
  /** False on the execution detail page: a past execution's graph has no live controls. */
  live: boolean;
  open(request: ControlRequest): void;
  executionHref(executionId: string): string;
  actionHref(stageName: string, actionName: string): string;
  /** The details panel of an action's runs in one execution. */
  runHref(stageName: string, actionName: string, executionId: string): string;
  /** A stage's rule results in one execution (the execution page). */
  ruleResultsHref(stageName: string, executionId: string): string;
}

export const GraphContext = createContext<GraphContextValue | null>(null);

export function useGraphContext(): GraphContextValue {
  const value = useContext(GraphContext);
  if (!value) throw new Error("GraphContext missing");
  return value;
}

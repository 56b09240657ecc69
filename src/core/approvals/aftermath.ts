import type { GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";

/** A decision made in this dashboard, kept for a while so the item shows what happened next. */
export interface LocalDecision {
  key: string;
  pipelineName: string;
  stageName: string;
  actionName: string;
  executionId?: string;
  decision: "approve" | "reject";
  summary: string;
  at: number;
}

export interface Aftermath {
  tone: "progress" | "success" | "failed" | "pending";
  text: string;
}

/** What the execution did after the decision, read from the polled state. */
export function aftermathOf(state: GetPipelineStateOutput | undefined, decision: LocalDecision): Aftermath {
  const stages = state?.stageStates ?? [];
  const index = stages.findIndex((s) => s.stageName === decision.stageName);
  const own = (i: number) => stages[i]?.latestExecution?.pipelineExecutionId === decision.executionId;
  if (decision.decision === "reject") {
    if (index >= 0 && own(index) && stages[index].latestExecution?.status === "Failed") {
      return { tone: "failed", text: `Rejected: the execution failed at ${decision.stageName}, as intended.` };
    }
    return { tone: "pending", text: "Rejected; waiting for the pipeline to report the failed stage." };
  }
  const later = stages.slice(index + 1);
  const running = later.find((s) => s.latestExecution?.pipelineExecutionId === decision.executionId && s.latestExecution?.status === "InProgress");
  if (running) return { tone: "progress", text: `Approved: the pipeline resumed and is now in ${running.stageName}.` };
  const failed = later.find((s) => s.latestExecution?.pipelineExecutionId === decision.executionId && s.latestExecution?.status === "Failed");
  if (failed) return { tone: "failed", text: `Approved, but the execution later failed in ${failed.stageName}.` };
  const last = later[later.length - 1];
  if (later.length === 0 || (last?.latestExecution?.pipelineExecutionId === decision.executionId && last.latestExecution?.status === "Succeeded")) {
    if (index >= 0 && (later.length > 0 || (own(index) && stages[index].latestExecution?.status === "Succeeded"))) {
      return { tone: "success", text: "Approved: the execution ran to the end and succeeded." };
    }
  }
  if (index >= 0 && own(index) && stages[index].latestExecution?.status === "Succeeded") {
    return { tone: "progress", text: `Approved: ${decision.stageName} finished; the pipeline is moving on.` };
  }
  return { tone: "pending", text: "Approved; waiting for the pipeline to resume." };
}

import type { ActionExecutionDetail } from "@aws-sdk/client-codepipeline";

/** Every run of one action in one execution (retries make several), newest first. */
export function actionAttempts(details: readonly ActionExecutionDetail[], executionId: string, stageName: string, actionName: string): ActionExecutionDetail[] {
  return details
    .filter((d) => d.pipelineExecutionId === executionId && d.stageName === stageName && d.actionName === actionName)
    .sort((a, b) => (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0));
}

import type { ActionExecutionDetail, PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";

/**
 * What the insights keep of each record, in memory and in the browser cache: only the fields the figures read.
 * Action configurations, resolved configurations, roles and output variables can carry secrets a build
 * exported; none of them is kept except the commit times a source provider reports.
 */
export function slimExecution(e: PipelineExecutionSummary): PipelineExecutionSummary {
  return {
    pipelineExecutionId: e.pipelineExecutionId,
    status: e.status,
    startTime: e.startTime,
    lastUpdateTime: e.lastUpdateTime,
    executionType: e.executionType,
    executionMode: e.executionMode,
    trigger: e.trigger?.triggerType ? { triggerType: e.trigger.triggerType } : undefined,
    rollbackMetadata: e.rollbackMetadata,
  };
}

export function slimActionRun(r: ActionExecutionDetail): ActionExecutionDetail {
  const v = r.output?.outputVariables;
  const commit = v && (v.AuthorDate || v.CommitterDate) ? { ...(v.AuthorDate && { AuthorDate: v.AuthorDate }), ...(v.CommitterDate && { CommitterDate: v.CommitterDate }) } : undefined;
  const result = r.output?.executionResult;
  return {
    pipelineExecutionId: r.pipelineExecutionId,
    actionExecutionId: r.actionExecutionId,
    pipelineVersion: r.pipelineVersion,
    stageName: r.stageName,
    actionName: r.actionName,
    startTime: r.startTime,
    lastUpdateTime: r.lastUpdateTime,
    status: r.status,
    input: { actionTypeId: r.input?.actionTypeId },
    output: {
      executionResult: result?.errorDetails || result?.externalExecutionSummary ? { errorDetails: result.errorDetails, externalExecutionSummary: r.status === "Failed" ? result.externalExecutionSummary : undefined } : undefined,
      outputVariables: commit,
    },
  };
}

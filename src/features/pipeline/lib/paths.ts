import { paths } from "../../../app/paths";

/**
 * The pipeline feature's URLs (deep links that survive reload and sharing). Built on F's `paths`;
 * the lead may fold these into src/app/paths.ts.
 */
export const pipelinePaths = {
  pipeline: (name: string) => paths.pipeline.href(name),
  history: (name: string) => `${paths.pipeline.href(name)}?tab=history`,
  /** PARALLEL mode: the graph of one running execution. */
  viewExecution: (name: string, executionId: string) => `${paths.pipeline.href(name)}?execution=${encodeURIComponent(executionId)}`,
  action: (name: string, stageName: string, actionName: string) =>
    `${paths.pipeline.href(name)}?stage=${encodeURIComponent(stageName)}&action=${encodeURIComponent(actionName)}`,
  executionPattern: "pipelines/:name/executions/:executionId",
  execution: (name: string, executionId: string) => `${paths.pipeline.href(name)}/executions/${encodeURIComponent(executionId)}`,
  executionAction: (name: string, executionId: string, stageName: string, actionName: string) =>
    `${paths.pipeline.href(name)}/executions/${encodeURIComponent(executionId)}?stage=${encodeURIComponent(stageName)}&action=${encodeURIComponent(actionName)}`,
};

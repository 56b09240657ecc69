import { useMemo } from "react";
import { paths, type SourceRef } from "../../../app/paths";
import { useSource } from "../../../app/source-context";

export const executionPattern = "pipelines/:name/executions/:executionId";

/** The pipeline feature's URLs (deep links that survive reload and sharing), for one source's pipelines. */
export function pipelinePathsFor(source: SourceRef) {
  const pipeline = (name: string) => paths.pipeline.href(source, name);
  const query = (values: Record<string, string>) => `?${new URLSearchParams(values)}`;
  return {
    pipeline,
    history: (name: string) => `${pipeline(name)}${query({ tab: "history" })}`,
    /** PARALLEL mode: the graph of one running execution. */
    viewExecution: (name: string, executionId: string) => `${pipeline(name)}${query({ execution: executionId })}`,
    action: (name: string, stage: string, action: string) => `${pipeline(name)}${query({ stage, action })}`,
    execution: (name: string, executionId: string) => `${pipeline(name)}/executions/${encodeURIComponent(executionId)}`,
    executionAction: (name: string, executionId: string, stage: string, action: string) =>
      `${pipeline(name)}/executions/${encodeURIComponent(executionId)}${query({ stage, action })}`,
  };
}

/** URLs for the pipelines of the source in context (the route's, or an aggregate page's row). */
export function usePipelinePaths() {
  const source = useSource();
  return useMemo(() => pipelinePathsFor(source), [source]);
}

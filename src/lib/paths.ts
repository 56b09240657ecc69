import { useMemo } from "react";
import type { Source } from "./aws/source";
import { useSource } from "./sources/source-context";

/** What a URL needs of a source: the default source has no prefix, so links from before sources stay valid. */
export type SourceRef = Pick<Source, "id" | "isDefault">;

/** `/sources/:sourceId` for every source but the default; every URL about one source's pipelines starts with it. */
function sourcePrefix(source: SourceRef): string {
  return source.isDefault ? "" : `/sources/${encodeURIComponent(source.id)}`;
}

const query = (values: Record<string, string>) => `?${new URLSearchParams(values)}`;

/**
 * Every in-app URL is built here, and every route pattern is declared here, so links and routes cannot drift
 * apart. Patterns under `pipelines/` are relative to a source's root (`/` or `/sources/:sourceId/`).
 */
export const paths = {
  overview: { href: () => "/" },
  source: { pattern: "sources/:sourceId" },
  pipeline: {
    pattern: "pipelines/:name",
    href: (source: SourceRef, name: string) => `${sourcePrefix(source)}/pipelines/${encodeURIComponent(name)}`,
  },
  /** The history tab. */
  history: { href: (source: SourceRef, name: string) => `${paths.pipeline.href(source, name)}${query({ tab: "history" })}` },
  definition: { href: (source: SourceRef, name: string) => `${paths.pipeline.href(source, name)}${query({ tab: "definition" })}` },
  /** PARALLEL mode: the graph of one running execution. */
  viewExecution: {
    href: (source: SourceRef, name: string, executionId: string) => `${paths.pipeline.href(source, name)}${query({ execution: executionId })}`,
  },
  /** The live graph centred on one action. */
  action: {
    href: (source: SourceRef, name: string, stage: string, action: string) => `${paths.pipeline.href(source, name)}${query({ stage, action })}`,
  },
  execution: {
    pattern: "pipelines/:name/executions/:executionId",
    href: (source: SourceRef, name: string, executionId: string) =>
      `${paths.pipeline.href(source, name)}/executions/${encodeURIComponent(executionId)}`,
  },
  executionAction: {
    href: (source: SourceRef, name: string, executionId: string, stage: string, action: string) =>
      `${paths.execution.href(source, name, executionId)}${query({ stage, action })}`,
  },
  /** The details of one action's runs in one execution, a panel over the execution page; `run` picks an attempt. */
  actionRun: {
    /** Relative to `execution`. */
    pattern: "actions/:stage/:action",
    href: (source: SourceRef, name: string, executionId: string, stage: string, action: string, run?: string) =>
      `${paths.execution.href(source, name, executionId)}/actions/${encodeURIComponent(stage)}/${encodeURIComponent(action)}${run ? query({ run }) : ""}`,
  },
  /** A stage's rule results on the execution page (V2 conditions), linked from the graph's stage. */
  ruleResults: {
    anchor: (stage: string) => `rules-${stage}`,
    href: (source: SourceRef, name: string, executionId: string, stage: string) =>
      `${paths.execution.href(source, name, executionId)}#${encodeURIComponent(paths.ruleResults.anchor(stage))}`,
  },
  /** Outside `pipelines/` so no pipeline name (`new` is a valid one) can shadow it. */
  createPipeline: {
    pattern: "new-pipeline",
    href: (source: SourceRef, copyFrom?: string) =>
      `${sourcePrefix(source)}/new-pipeline${copyFrom ? `?from=${encodeURIComponent(copyFrom)}` : ""}`,
  },
  approvals: { pattern: "approvals", href: () => "/approvals" },
  /** Delivery insights across every source; a pipeline's own are its page's Insights tab. */
  insights: { pattern: "insights", href: (search = "") => `/insights${search}` },
  pipelineInsights: { href: (source: SourceRef, name: string) => `${paths.pipeline.href(source, name)}${query({ tab: "insights" })}` },
  /** One approval, for chat messages and notification links: it belongs to its pipeline's source. */
  approval: {
    pattern: "pipelines/:name/approvals/:stage/:action",
    href: (source: SourceRef, name: string, stageName: string, actionName: string) =>
      `${paths.pipeline.href(source, name)}/approvals/${encodeURIComponent(stageName)}/${encodeURIComponent(actionName)}`,
  },
  /** The kiosk, outside the app layout; `search` is built by the wall's options (`wallSearch`). */
  wall: { pattern: "wall", href: (search = "") => `/wall${search}` },
  wallSetup: { pattern: "wall/setup", href: () => "/wall/setup" },
};

/** The URLs of one source's pipelines, bound to that source: what the pipeline pages link with. */
function pipelinePathsFor(source: SourceRef) {
  return {
    pipeline: (name: string) => paths.pipeline.href(source, name),
    history: (name: string) => paths.history.href(source, name),
    viewExecution: (name: string, executionId: string) => paths.viewExecution.href(source, name, executionId),
    action: (name: string, stage: string, action: string) => paths.action.href(source, name, stage, action),
    execution: (name: string, executionId: string) => paths.execution.href(source, name, executionId),
    executionAction: (name: string, executionId: string, stage: string, action: string) =>
      paths.executionAction.href(source, name, executionId, stage, action),
    actionRun: (name: string, executionId: string, stage: string, action: string, run?: string) =>
      paths.actionRun.href(source, name, executionId, stage, action, run),
    ruleResults: (name: string, executionId: string, stage: string) => paths.ruleResults.href(source, name, executionId, stage),
  };
}

/** URLs for the pipelines of the source in context (the route's, or an aggregate page's row). */
export function usePipelinePaths() {
  const source = useSource();
  return useMemo(() => pipelinePathsFor(source), [source]);
}

import type { QueryClient, QueryKey } from "@tanstack/react-query";

/** What a key needs of a source. */
type SourceRef = { id: string };

/**
 * Which account/region, and which pipeline of it, a query reads: the second element of every key. An object,
 * so React Query's prefix matching compares it by its fields: `{ source }` matches every query of that source
 * (its list and each pipeline's), `{ source, pipeline }` only that pipeline's.
 */
export interface KeyScope {
  source: string;
  pipeline?: string;
}

const ROOT = "codepipeline";

const pipelineScope = (source: SourceRef, name: string) => [ROOT, { source: source.id, pipeline: name } satisfies KeyScope] as const;

/**
 * The one key factory for every CodePipeline query: general → specific, so one prefix invalidates a pipeline's
 * executions, a pipeline, a source or everything. Query option factories take their keys from here only.
 */
export const codepipelineKeys = {
  all: [ROOT] as const,
  source: (source: SourceRef) => [ROOT, { source: source.id } satisfies KeyScope] as const,
  pipelines: (source: SourceRef) => [...codepipelineKeys.source(source), "pipelines"] as const,

  pipeline: pipelineScope,
  state: (source: SourceRef, name: string) => [...pipelineScope(source, name), "state"] as const,
  declaration: (source: SourceRef, name: string, version: number | undefined) =>
    [...pipelineScope(source, name), "declaration", version ?? "latest"] as const,
  tags: (source: SourceRef, name: string, arn: string | undefined) => [...pipelineScope(source, name), "tags", arn] as const,

  /**
   * Insights' history reads (lib/insights): outside `executions`, so a state change does not re-read a year of
   * history; they refresh on their own, incrementally.
   */
  insightsHistory: (source: SourceRef, name: string, kind: "executions" | "actions", days: number) =>
    [...pipelineScope(source, name), "insights", kind, days] as const,

  /** Everything that changes when an execution moves: invalidated as one after a control or a state change. */
  executions: (source: SourceRef, name: string) => [...pipelineScope(source, name), "executions"] as const,
  /** The overview's newest executions: the row's status and its recent-runs strip. */
  recentRuns: (source: SourceRef, name: string) => [...codepipelineKeys.executions(source, name), "recent-runs"] as const,
  recentExecutions: (source: SourceRef, name: string) => [...codepipelineKeys.executions(source, name), "recent"] as const,
  /** The wall's own page of recent executions (another page size than the pipeline page's). */
  wallExecutions: (source: SourceRef, name: string) => [...codepipelineKeys.executions(source, name), "wall"] as const,
  history: (source: SourceRef, name: string) => [...codepipelineKeys.executions(source, name), "history"] as const,
  execution: (source: SourceRef, name: string, executionId: string) =>
    [...codepipelineKeys.executions(source, name), "detail", executionId] as const,
  actionExecutions: (source: SourceRef, name: string, executionId: string, scope: "all" | "latest") =>
    [...codepipelineKeys.executions(source, name), "actions", executionId, scope] as const,
  recentActionExecutions: (source: SourceRef, name: string) => [...codepipelineKeys.executions(source, name), "recent-actions"] as const,
  /**
   * A stage's rollback targets, read again only when another execution enters the stage (its key changes):
   * outside `executions`, so the state's every move does not re-read them for each stage.
   */
  rollbackTargets: (source: SourceRef, name: string, stageName: string, currentExecutionId: string | undefined) =>
    [...pipelineScope(source, name), "rollback-targets", stageName, currentExecutionId ?? ""] as const,
  approvalRuns: (source: SourceRef, name: string) => [...codepipelineKeys.executions(source, name), "approval-runs"] as const,
  /** A waiting approval's execution, for the run's resolved configuration: never changes, so outside `executions`. */
  approvalInput: (source: SourceRef, name: string, executionId: string) => [...pipelineScope(source, name), "approval-input", executionId] as const,
  /** ListRuleExecutions of one execution: they move with its stages. */
  ruleExecutions: (source: SourceRef, name: string, executionId: string) => [...codepipelineKeys.executions(source, name), "rules", executionId] as const,
  ruleTypes: (source: SourceRef) => [...codepipelineKeys.source(source), "rule-types"] as const,

  /**
   * What one action run did elsewhere: its deploy targets, its CodeBuild build, a log stream. Outside
   * `executions`, so a state change does not re-read them: they poll on their own while the run goes on.
   */
  deployTargets: (source: SourceRef, name: string, actionExecutionId: string) => [...pipelineScope(source, name), "deploy-targets", actionExecutionId] as const,
  build: (source: SourceRef, name: string, buildId: string) => [...pipelineScope(source, name), "build", buildId] as const,
  logStream: (source: SourceRef, name: string, group: string, stream: string) => [...pipelineScope(source, name), "log", group, stream] as const,
};

/** The lists of executions (ListPipelineExecutions) under `executions`: they change only when a run starts or ends. */
const EXECUTION_LISTS: ReadonlySet<unknown> = new Set(["recent-runs", "recent", "wall", "history"]);

/** Whether a key is one of a pipeline's lists of executions (see followStateChanges). */
export function isExecutionList(queryKey: QueryKey): boolean {
  return EXECUTION_LISTS.has(queryKey[3]);
}

/** The reads whose keys end in a fixed path under the pipeline, which `pipelineOfKey` recognises. */
const READ_PATHS = { state: ["state"], "recent-runs": ["executions", "recent-runs"] } as const;
type PipelineRead = keyof typeof READ_PATHS;

/** The source and pipeline of a key of `read`, else undefined: for cache subscribers that see every query go by. */
export function pipelineOfKey(queryKey: QueryKey, read: PipelineRead): { source: SourceRef; name: string } | undefined {
  const [root, scope, ...path] = queryKey as readonly unknown[];
  const expected: readonly string[] = READ_PATHS[read];
  if (root !== ROOT || path.length !== expected.length || expected.some((p, i) => path[i] !== p) || typeof scope !== "object" || scope === null) return undefined;
  const { source, pipeline } = scope as Partial<KeyScope>;
  return typeof source === "string" && typeof pipeline === "string" ? { source: { id: source }, name: pipeline } : undefined;
}

/** The source a CodePipeline query reads from, else undefined (a key of another service, or of nothing). */
export function sourceOfKey(queryKey: QueryKey): SourceRef | undefined {
  const [root, scope] = queryKey as readonly unknown[];
  if (root !== ROOT || typeof scope !== "object" || scope === null) return undefined;
  const { source } = scope as Partial<KeyScope>;
  return typeof source === "string" ? { id: source } : undefined;
}

/**
 * What a mutation changed, so it refreshes exactly that: an execution change (start, stop, retry, approve,
 * rollback) moves both state and history; a transition toggle only the state.
 */
export type PipelineChange = "execution" | "transition";

export function invalidateAfter(queryClient: QueryClient, source: SourceRef, name: string, change: PipelineChange) {
  const keys =
    change === "execution"
      ? [codepipelineKeys.state(source, name), codepipelineKeys.executions(source, name)]
      : [codepipelineKeys.state(source, name)];
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

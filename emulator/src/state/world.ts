import { PipelineExecutionNotFoundException, PipelineNotFoundException } from "../errors";
import type { ExecutionRecord, PipelineRecord, RegionRecord, WorldRecord } from "./records";

/** Per account and region, as AWS keys them. */
export interface Scope {
  accountId: string;
  region: string;
}

export const scopeKey = (s: Scope): string => `${s.accountId}/${s.region}`;

export function emptyWorld(): WorldRecord {
  return { regions: {} };
}

export function regionOf(world: WorldRecord, scope: Scope): RegionRecord {
  const key = scopeKey(scope);
  return (world.regions[key] ??= { accountId: scope.accountId, region: scope.region, pipelines: {}, customActionTypes: [] });
}

export function findPipeline(world: WorldRecord, scope: Scope, name: string): PipelineRecord | undefined {
  return world.regions[scopeKey(scope)]?.pipelines[name];
}

export function requirePipeline(world: WorldRecord, scope: Scope, name: string): PipelineRecord {
  const pipeline = findPipeline(world, scope, name);
  if (!pipeline) throw new PipelineNotFoundException(`Account '${scope.accountId}' does not have a pipeline with name '${name}'`);
  return pipeline;
}

export function requireExecution(pipeline: PipelineRecord, id: string): ExecutionRecord {
  const execution = pipeline.executions[id];
  if (!execution) {
    throw new PipelineExecutionNotFoundException(
      `Account '${pipeline.accountId}' does not have an execution with id '${id}' for pipeline '${pipeline.name}'`,
    );
  }
  return execution;
}

export const pipelineArn = (scope: Scope, name: string): string => `arn:aws:codepipeline:${scope.region}:${scope.accountId}:${name}`;

/** The bucket ListActionExecutions names for a pipeline's artifacts (and builds read their sources from). */
export const artifactBucket = (p: { region: string; accountId: string }): string => `codepipeline-${p.region}-${p.accountId.slice(-12)}`;

export function currentDeclaration(pipeline: PipelineRecord) {
  return pipeline.versions[pipeline.versions.length - 1];
}

export const currentVersion = (pipeline: PipelineRecord): number => pipeline.versions.length;

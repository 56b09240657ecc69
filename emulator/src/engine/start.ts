import type { ExecutionType, PipelineVariable, SourceRevisionOverride } from "@aws-sdk/client-codepipeline";
import { ValidationException } from "../errors";
import type { ExecutionRecord, PipelineRecord } from "../state/records";
import { currentDeclaration, currentVersion } from "../state/world";
import type { Engine } from "./engine";

export interface StartOptions {
  trigger: ExecutionRecord["trigger"];
  variables?: PipelineVariable[];
  sourceRevisions?: SourceRevisionOverride[];
  clientRequestToken?: string;
  executionType?: ExecutionType;
  rollbackTargetId?: string;
  /** Rollback: run this stage only, with the target execution's revisions and variables. */
  onlyStage?: string;
  inherit?: ExecutionRecord;
}

/** The execution a start request made earlier (the same clientRequestToken), if any. */
export function startedBefore(p: PipelineRecord, options: StartOptions): ExecutionRecord | undefined {
  const id = options.clientRequestToken ? p.requestTokens[options.clientRequestToken] : undefined;
  return id ? p.executions[id] : undefined;
}

/** A new execution record of the pipeline's current version; ./lifecycle's startExecution sends it to its first stage. */
export function createExecution(e: Engine, p: PipelineRecord, options: StartOptions): ExecutionRecord {
  const declaration = currentDeclaration(p);
  const variables = options.inherit ? options.inherit.variables : resolveVariables(declaration.variables ?? [], options.variables ?? []);
  checkSourceOverrides(p, options.sourceRevisions ?? []);
  const now = e.now();
  const x: ExecutionRecord = {
    id: e.rng.uuid(),
    ordinal: p.executionOrder.length,
    pipelineName: p.name,
    pipelineVersion: currentVersion(p),
    status: "InProgress",
    startTime: now,
    lastUpdateTime: now,
    trigger: options.trigger,
    executionMode: declaration.executionMode ?? "SUPERSEDED",
    executionType: options.executionType ?? "STANDARD",
    ...(options.rollbackTargetId && { rollbackTargetId: options.rollbackTargetId }),
    variables,
    sourceRevisionOverrides: options.sourceRevisions ?? [],
    artifactRevisions: structuredClone(options.inherit?.artifactRevisions ?? []),
    artifactLocations: { ...options.inherit?.artifactLocations },
    sourceRevisions: structuredClone(options.inherit?.sourceRevisions ?? []),
    stages: {},
    ...(options.onlyStage && { onlyStage: options.onlyStage }),
    ...(options.clientRequestToken && { clientRequestToken: options.clientRequestToken }),
  };
  p.executions[x.id] = x;
  p.executionOrder.push(x.id);
  p.active.push(x.id);
  if (options.clientRequestToken) p.requestTokens[options.clientRequestToken] = x.id;
  return x;
}

function resolveVariables(declared: { name?: string; defaultValue?: string }[], given: PipelineVariable[]): ExecutionRecord["variables"] {
  const values = new Map<string, string>();
  for (const v of given) {
    if (!declared.some((d) => d.name === v.name)) {
      throw new ValidationException(`Variable ${v.name} is not declared in the pipeline`);
    }
    if (values.has(v.name!)) throw new ValidationException(`Variable ${v.name} is specified more than once`);
    values.set(v.name!, v.value!);
  }
  return declared.map((d) => {
    const value = values.get(d.name!) ?? d.defaultValue;
    if (value === undefined) throw new ValidationException(`Variable ${d.name} has no default value and must be specified`);
    return { name: d.name!, value };
  });
}

function checkSourceOverrides(p: PipelineRecord, overrides: SourceRevisionOverride[]): void {
  const sources = currentDeclaration(p).stages![0].actions!;
  for (const o of overrides) {
    if (!sources.some((a) => a.name === o.actionName)) {
      throw new ValidationException(`Source revision override refers to action ${o.actionName}, which is not a source action of the pipeline`);
    }
  }
}

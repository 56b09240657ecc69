import type { PipelineDeclaration, Tag } from "@aws-sdk/client-codepipeline";
import { InvalidTagsException, PipelineNameInUseException, TooManyTagsException } from "../errors";
import type { PipelineRecord } from "../state/records";
import { type Scope, findPipeline, pipelineArn, regionOf, requirePipeline } from "../state/world";
import type { Engine } from "./engine";
import { cancelActive } from "./lifecycle";
import { validateDeclaration } from "./structure";

const MAX_TAGS = 50;

export function createPipeline(e: Engine, scope: Scope, input: PipelineDeclaration, tags: Tag[] = []): PipelineRecord {
  const region = regionOf(e.world, scope);
  const name = input.name!;
  if (region.pipelines[name]) {
    throw new PipelineNameInUseException(`A pipeline with the name '${name}' already exists in account '${scope.accountId}'`);
  }
  const declaration = { ...validateDeclaration(input, scope.region, region.customActionTypes), version: 1 };
  const arn = pipelineArn(scope, name);
  checkTags(arn, [], tags);
  const now = e.now();
  const record: PipelineRecord = {
    name,
    arn,
    accountId: scope.accountId,
    region: scope.region,
    versions: [structuredClone(declaration)],
    created: now,
    updated: now,
    tags: mergeTags([], tags),
    inbound: {},
    outbound: {},
    stageLatest: {},
    actionLatest: {},
    waiting: {},
    executions: {},
    executionOrder: [],
    active: [],
    actionExecutions: {},
    actionExecutionOrder: [],
    ruleExecutions: {},
    ruleExecutionOrder: [],
    runCounts: {},
    requestTokens: {},
  };
  region.pipelines[name] = record;
  e.changed();
  return record;
}

export function updatePipeline(e: Engine, scope: Scope, input: PipelineDeclaration): PipelineRecord {
  const p = requirePipeline(e.world, scope, input.name!);
  const version = p.versions.length + 1;
  const declaration = { ...validateDeclaration(input, scope.region, regionOf(e.world, scope).customActionTypes), version };
  cancelActive(e, p);
  p.versions.push(structuredClone(declaration));
  p.updated = e.now();
  const names = new Set(declaration.stages!.map((s) => s.name!));
  for (const table of [p.inbound, p.outbound, p.stageLatest]) {
    for (const stage of Object.keys(table)) if (!names.has(stage)) delete table[stage];
  }
  e.changed();
  return p;
}

export function deletePipeline(e: Engine, scope: Scope, name: string): void {
  const region = regionOf(e.world, scope);
  if (findPipeline(e.world, scope, name)) {
    delete region.pipelines[name];
    e.changed();
  }
}

export function checkTags(arn: string, existing: Tag[], added: Tag[]): void {
  if (added.some((t) => t.key!.startsWith("aws:"))) {
    throw new InvalidTagsException(
      "Not allowed to modify system tags. System tags start with 'aws:'. msg=[Caller is an end user and not allowed to mutate system tags]",
    );
  }
  if (mergeTags(existing, added).length > MAX_TAGS) throw new TooManyTagsException(`Tag limit exceeded for resource [${arn}].`);
}

export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const map = new Map(existing.map((t) => [t.key!, t.value ?? ""]));
  for (const t of added) map.set(t.key!, t.value ?? "");
  return [...map].map(([key, value]) => ({ key, value }));
}

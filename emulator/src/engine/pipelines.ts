import type { CreateCustomActionTypeInput, PipelineDeclaration, Tag } from "@aws-sdk/client-codepipeline";
import { InvalidTagsException, LimitExceededException, PipelineNameInUseException, TooManyTagsException } from "../errors";
import type { CustomActionTypeRecord, PipelineRecord } from "../state/records";
import { type Scope, findPipeline, pipelineArn, regionOf, requirePipeline } from "../state/world";
import type { Engine } from "./engine";
import { cancelActive } from "./lifecycle";
import { validateDeclaration } from "./structure";

const MAX_TAGS = 50;
const MAX_CUSTOM_ACTION_TYPES = 50;

/** CreateCustomActionType (and scenarios' `customActionTypes`): registers or replaces the type. */
export function registerCustomActionType(e: Engine, scope: Scope, input: CreateCustomActionTypeInput): CustomActionTypeRecord {
  const region = regionOf(e.world, scope);
  const same = (t: { category: string; provider: string; version: string }) => t.category === input.category && t.provider === input.provider && t.version === input.version;
  const arn = `arn:aws:codepipeline:${region.region}:${region.accountId}:actiontype:Custom/${input.category}/${input.provider}/${input.version}`;
  checkTags(arn, [], input.tags ?? []);
  const existing = region.customActionTypes.find(same);
  if (!existing && region.customActionTypes.length >= MAX_CUSTOM_ACTION_TYPES) {
    throw new LimitExceededException(`The account has reached the limit of ${MAX_CUSTOM_ACTION_TYPES} custom action types in this Region.`);
  }
  const record: CustomActionTypeRecord = {
    category: input.category!,
    provider: input.provider!,
    version: input.version!,
    settings: input.settings as Record<string, string> | undefined,
    configurationProperties: input.configurationProperties,
    inputArtifactDetails: { minimumCount: input.inputArtifactDetails!.minimumCount!, maximumCount: input.inputArtifactDetails!.maximumCount! },
    outputArtifactDetails: { minimumCount: input.outputArtifactDetails!.minimumCount!, maximumCount: input.outputArtifactDetails!.maximumCount! },
    tags: mergeTags(existing?.tags ?? [], input.tags ?? []),
  };
  region.customActionTypes = [...region.customActionTypes.filter((t) => !same(t)), record];
  e.changed();
  return record;
}

export function createPipeline(e: Engine, scope: Scope, input: PipelineDeclaration, tags: Tag[] = []): PipelineRecord {
  const region = regionOf(e.world, scope);
  const name = input.name!;
  if (region.pipelines[name]) {
    throw new PipelineNameInUseException(`A pipeline with the name '${name}' already exists in account '${scope.accountId}'`);
  }
  const declaration = { ...validateDeclaration(input, region), version: 1 };
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
  const declaration = { ...validateDeclaration(input, regionOf(e.world, scope)), version };
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

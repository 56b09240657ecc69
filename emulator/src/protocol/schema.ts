import * as sdk from "@aws-sdk/client-codepipeline";
import type { OperationName } from "../handlers/operations";

/**
 * The SDK's static schemas (`@aws-sdk/client-codepipeline/dist-es/schemas/schemas_0.js`, read by
 * `@smithy/core/schema`'s NormalizedSchema) are the emulator's source for member names, types and
 * required-ness, so the emulator accepts exactly what the SDK can send. Encoding:
 *   operation  [9, ns, name, traits, input, output]
 *   structure  [3, ns, name, traits, memberNames[], memberSchemas[], requiredCount?]  (first requiredCount required)
 *   error      [-3, ...] like a structure
 *   list       [1, ns, name, traits, memberSchema]       or 64|0 (list of strings)
 *   map        [2, ns, name, traits, keySchema, value]   or 128|0 (map of string to string)
 *   simple     0 string, 1 number, 2 boolean, 4 timestamp, 21 blob, 15 document
 *   member     [schema, traits] (traits such as idempotencyToken do not change the wire type)
 *   reference  () => schema (for cycles and forward references)
 */
export type RawSchema = unknown;

export type SchemaNode =
  | { kind: "structure"; name: string; members: { name: string; schema: RawSchema; required: boolean }[] }
  | { kind: "list"; member: RawSchema }
  | { kind: "map"; value: RawSchema }
  | { kind: "string" | "number" | "boolean" | "timestamp" | "blob" | "document" };

const LIST_BIT = 64;
const MAP_BIT = 128;

const SIMPLE: Record<number, SchemaNode> = {
  0: { kind: "string" },
  1: { kind: "number" },
  2: { kind: "boolean" },
  4: { kind: "timestamp" },
  5: { kind: "timestamp" },
  6: { kind: "timestamp" },
  7: { kind: "timestamp" },
  15: { kind: "document" },
  21: { kind: "blob" },
};

function deref(schema: RawSchema): RawSchema {
  return typeof schema === "function" ? (schema as () => RawSchema)() : schema;
}

const nodes = new WeakMap<object, SchemaNode>();

/** Classify one schema reference, unwrapping references and member trait pairs. */
export function schemaNode(raw: RawSchema): SchemaNode {
  let schema = deref(raw);
  // A member wrapper is a two-element [schema, traits]; static schemas have at least five elements.
  while (Array.isArray(schema) && schema.length === 2) schema = deref(schema[0]);
  if (typeof schema === "number") {
    if (schema & LIST_BIT) return { kind: "list", member: schema & ~LIST_BIT };
    if (schema & MAP_BIT) return { kind: "map", value: schema & ~MAP_BIT };
    return SIMPLE[schema] ?? { kind: "document" };
  }
  if (!Array.isArray(schema)) return { kind: "document" };
  const cached = nodes.get(schema);
  if (cached) return cached;
  let node: SchemaNode;
  switch (schema[0]) {
    case 3:
    case -3: {
      const names = schema[4] as string[];
      const schemas = schema[5] as RawSchema[];
      const requiredCount = (schema[6] as number | undefined) ?? 0;
      node = {
        kind: "structure",
        name: schema[2] as string,
        members: names.map((name, i) => ({ name, schema: schemas[i], required: i < requiredCount })),
      };
      break;
    }
    case 1:
      node = { kind: "list", member: schema[4] };
      break;
    case 2:
      node = { kind: "map", value: schema[5] };
      break;
    case 0:
      // A named simple schema: [0, ns, name, traits, simpleType].
      node = schemaNode(schema[4]);
      break;
    default:
      node = { kind: "document" };
  }
  nodes.set(schema, node);
  return node;
}

/**
 * Every operation of the model, checked against `OperationShapes` at compile time: adding or
 * dropping one in either place fails the type check.
 */
const OPERATIONS: Record<OperationName, true> = {
  AcknowledgeJob: true, AcknowledgeThirdPartyJob: true, CreateCustomActionType: true, CreatePipeline: true,
  DeleteCustomActionType: true, DeletePipeline: true, DeleteWebhook: true, DeregisterWebhookWithThirdParty: true,
  DisableStageTransition: true, EnableStageTransition: true, GetActionType: true, GetJobDetails: true,
  GetPipeline: true, GetPipelineExecution: true, GetPipelineState: true, GetThirdPartyJobDetails: true,
  ListActionExecutions: true, ListActionTypes: true, ListDeployActionExecutionTargets: true,
  ListPipelineExecutions: true, ListPipelines: true, ListRuleExecutions: true, ListRuleTypes: true,
  ListTagsForResource: true, ListWebhooks: true, OverrideStageCondition: true, PollForJobs: true,
  PollForThirdPartyJobs: true, PutActionRevision: true, PutApprovalResult: true, PutJobFailureResult: true,
  PutJobSuccessResult: true, PutThirdPartyJobFailureResult: true, PutThirdPartyJobSuccessResult: true,
  PutWebhook: true, RegisterWebhookWithThirdParty: true, RetryStageExecution: true, RollbackStage: true,
  StartPipelineExecution: true, StopPipelineExecution: true, TagResource: true, UntagResource: true,
  UpdateActionType: true, UpdatePipeline: true,
};

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}

/** The input structure schema of an operation, from the SDK's `<Operation>$` export. */
export function inputSchemaOf(operation: OperationName): RawSchema {
  const op = (sdk as unknown as Record<string, unknown>)[`${operation}$`];
  if (!Array.isArray(op) || op[0] !== 9) throw new Error(`The SDK has no operation schema for ${operation}.`);
  return op[4];
}

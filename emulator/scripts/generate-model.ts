/**
 * Generates what the emulator knows of an AWS service's contract from its published Smithy model
 * (the JSON AST the AWS SDKs are generated from): `src/protocol/models/<service>.ts` (operations,
 * shapes, required members, length/pattern/range/enum constraints) and `src/errors/<service>.ts`
 * (one class per modeled error, with its HTTP status). Nothing of the model is copied by hand.
 *
 *   npx tsx emulator/scripts/generate-model.ts MODEL.json --source "where MODEL.json came from" [--operations A,B]
 *
 * `--operations` keeps only the operations the emulator serves (with every shape and error they
 * reach): CodeBuild and CloudWatch Logs have a hundred operations each, and a contract for the
 * unserved ones would only be dead weight.
 *
 * The models are in the aws/api-models-aws repository (`models/<service>/service/<version>/<service>-<version>.json`)
 * and, the same files, in aws/aws-sdk-js-v3 (`codegen/sdk-codegen/aws-models/<service>.json`). The generated
 * files name their source, the input's SHA-256 and this command; `src/protocol/models/models.test.ts`
 * checks that what was generated agrees with the SDK the project uses.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Bounds, Constraints, Member, OperationModel, ServiceModel, Shape } from "../src/protocol/model";

interface SmithyMember {
  target: string;
  traits?: Record<string, unknown>;
}

interface SmithyShape {
  type: string;
  members?: Record<string, SmithyMember>;
  member?: SmithyMember;
  key?: SmithyMember;
  value?: SmithyMember;
  input?: { target: string };
  output?: { target: string };
  errors?: { target: string }[];
  operations?: { target: string }[];
  resources?: { target: string }[];
  traits?: Record<string, unknown>;
  [lifecycle: string]: unknown;
}

export interface SmithyModel {
  smithy: string;
  shapes: Record<string, SmithyShape>;
}

export interface ModelError {
  name: string;
  status: number;
}

export interface Generated {
  /** File name without extension, e.g. `codepipeline`. */
  id: string;
  model: ServiceModel;
  errors: ModelError[];
}

const PRELUDE = "smithy.api#";
const NUMBERS = new Set(["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal", "intEnum"]);
const SIMPLE = new Set(["string", "boolean", "timestamp", "blob", "document"]);

const localName = (id: string) => (id.startsWith(PRELUDE) ? id : id.slice(id.indexOf("#") + 1));

function constraints(traits: Record<string, unknown> = {}): Constraints {
  const bounds = (value: unknown): Bounds | undefined => {
    if (!value || typeof value !== "object") return undefined;
    const { min, max } = value as Bounds;
    return { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
  };
  const out: Constraints = {};
  const length = bounds(traits["smithy.api#length"]);
  const range = bounds(traits["smithy.api#range"]);
  if (length) out.length = length;
  if (typeof traits["smithy.api#pattern"] === "string") out.pattern = traits["smithy.api#pattern"];
  if (range) out.range = range;
  return out;
}

/**
 * Reads a Smithy 2.0 JSON AST model into the emulator's ServiceModel and its error list; with
 * `only`, just those operations (each must exist) and what they reach.
 */
export function generate(source: SmithyModel, only?: readonly string[]): Generated {
  const services = Object.entries(source.shapes).filter(([, s]) => s.type === "service");
  if (services.length !== 1) throw new Error(`Expected one service shape, found ${services.length}.`);
  const [serviceId, service] = services[0];
  const traits = service.traits ?? {};
  const aws = traits["aws.api#service"] as { sdkId?: string; endpointPrefix?: string } | undefined;
  const sigv4 = traits["aws.auth#sigv4"] as { name?: string } | undefined;
  const jsonVersion = "aws.protocols#awsJson1_1" in traits ? "1.1" : "aws.protocols#awsJson1_0" in traits ? "1.0" : undefined;
  if (!aws?.sdkId || !sigv4?.name || !jsonVersion) throw new Error(`${serviceId} is not an AWS JSON service with SigV4 (aws.api#service, aws.auth#sigv4, awsJson1_x).`);

  const operationIds: string[] = [];
  const visitResources = (shape: SmithyShape) => {
    for (const ref of shape.operations ?? []) operationIds.push(ref.target);
    for (const key of ["create", "put", "read", "update", "delete", "list"]) {
      const ref = shape[key] as { target: string } | undefined;
      if (ref) operationIds.push(ref.target);
    }
    for (const ref of shape.resources ?? []) visitResources(source.shapes[ref.target]);
  };
  visitResources(service);
  const served = only ? operationIds.filter((id) => only.includes(localName(id))) : operationIds;
  const missing = (only ?? []).filter((name) => !served.some((id) => localName(id) === name));
  if (missing.length > 0) throw new Error(`${serviceId} has no operation ${missing.join(", ")}.`);

  const shapes: Record<string, Shape> = {};
  const errors = new Map<string, ModelError>();
  const pending: string[] = [];
  const use = (id: string) => {
    if (id !== `${PRELUDE}Unit` && !(localName(id) in shapes) && !pending.includes(id)) pending.push(id);
    return localName(id);
  };
  const member = (m: SmithyMember): Member => ({
    target: use(m.target),
    ...(m.traits?.["smithy.api#required"] !== undefined && { required: true as const }),
    ...constraints(m.traits),
  });

  const operations: Record<string, OperationModel> = {};
  for (const id of served.sort((a, b) => localName(a).localeCompare(localName(b)))) {
    const op = source.shapes[id];
    const io = (ref: { target: string } | undefined) => (ref && ref.target !== `${PRELUDE}Unit` ? use(ref.target) : undefined);
    operations[localName(id)] = { ...(io(op.input) && { input: io(op.input) }), ...(io(op.output) && { output: io(op.output) }) };
    for (const ref of op.errors ?? []) use(ref.target);
  }
  for (const ref of service.errors ?? []) use(ref.target);

  while (pending.length > 0) {
    const id = pending.shift()!;
    const name = localName(id);
    const shape: SmithyShape | undefined = source.shapes[id] ?? (id.startsWith(PRELUDE) ? { type: preludeType(name) } : undefined);
    if (!shape) throw new Error(`Shape ${id} is referenced but not defined.`);
    const own = constraints(shape.traits);
    const error = shape.traits?.["smithy.api#error"];
    if (error !== undefined) {
      const status = (shape.traits?.["smithy.api#httpError"] as number | undefined) ?? (error === "server" ? 500 : 400);
      errors.set(name, { name, status });
    }
    if (shape.type === "structure" || shape.type === "union") {
      shapes[name] = { type: shape.type, members: Object.fromEntries(Object.entries(shape.members ?? {}).map(([n, m]) => [n, member(m)])), ...own };
    } else if (shape.type === "list" || shape.type === "set") {
      shapes[name] = { type: "list", member: member(shape.member!), ...own };
    } else if (shape.type === "map") {
      shapes[name] = { type: "map", key: member(shape.key!), value: member(shape.value!), ...own };
    } else if (shape.type === "enum") {
      const values = Object.values(shape.members ?? {}).map((m) => String(m.traits?.["smithy.api#enumValue"]));
      shapes[name] = { type: "string", ...own, enum: values };
    } else if (NUMBERS.has(shape.type)) {
      shapes[name] = { type: "number", ...own };
    } else if (SIMPLE.has(shape.type)) {
      shapes[name] = { type: shape.type as "string", ...own };
    } else {
      throw new Error(`Shape ${id} has type ${shape.type}, which the emulator does not read.`);
    }
  }

  const sorted = Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    id: aws.sdkId.toLowerCase().replace(/\s+/g, "-"),
    model: { sdkId: aws.sdkId, targetPrefix: localName(serviceId), signingName: sigv4.name, jsonVersion, operations, shapes: sorted },
    errors: [...errors.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function preludeType(name: string): string {
  const simple = name.slice(PRELUDE.length).replace(/^Primitive/, "").toLowerCase();
  return simple === "biginteger" ? "bigInteger" : simple === "bigdecimal" ? "bigDecimal" : simple;
}

export interface Provenance {
  /** Where the model came from (repository, path and commit, or package and version). */
  source: string;
  sha256: string;
  command: string;
}

function header(provenance: Provenance): string {
  return [
    "// Generated by emulator/scripts/generate-model.ts. Do not edit: run the command below again.",
    `// Source: ${provenance.source}`,
    `// Model SHA-256: ${provenance.sha256}`,
    `// Command: ${provenance.command}`,
    "",
  ].join("\n");
}

/** One operation or shape a line, so a model update reads as a diff of the shapes that changed. */
export function modelModule({ model }: Generated, provenance: Provenance): string {
  const table = (entries: Record<string, unknown>) =>
    `{\n${Object.entries(entries).map(([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)},`).join("\n")}\n  }`;
  const { operations, shapes, ...service } = model;
  const fields = Object.entries(service).map(([name, value]) => `  ${name}: ${JSON.stringify(value)},`);
  return `${header(provenance)}import type { ServiceModel } from "../model";

export const model = {
${fields.join("\n")}
  operations: ${table(operations)},
  shapes: ${table(shapes)},
} satisfies ServiceModel;

export type Operation = keyof typeof model.operations;
`;
}

export function errorsModule({ errors }: Generated, provenance: Provenance): string {
  const classes = errors.map(({ name, status }) =>
    status === 400 ? `export class ${name} extends AwsError {}` : `export class ${name} extends AwsError {\n  override readonly status = ${status};\n}`,
  );
  return `${header(provenance)}import { AwsError } from "./aws-error";

/** The errors the model declares; the name is the wire \`__type\`, the status the model's (400 unless it says otherwise). */
${classes.join("\n")}
`;
}

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { source: { type: "string" }, operations: { type: "string" } },
  });
  if (positionals.length !== 1 || !values.source) {
    console.error('Usage: npx tsx emulator/scripts/generate-model.ts MODEL.json --source "where MODEL.json came from" [--operations A,B]');
    process.exit(2);
  }
  const text = readFileSync(positionals[0], "utf8");
  const only = values.operations?.split(",").map((name) => name.trim());
  const generated = generate(JSON.parse(text) as SmithyModel, only);
  const provenance: Provenance = {
    source: values.source,
    sha256: createHash("sha256").update(text).digest("hex"),
    command: `npx tsx emulator/scripts/generate-model.ts ${generated.id}.json --source "${values.source}"${only ? ` --operations ${only.join(",")}` : ""}`,
  };
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const outputs = [
    [join(root, "src/protocol/models", `${generated.id}.ts`), modelModule(generated, provenance)],
    [join(root, "src/errors", `${generated.id}.ts`), errorsModule(generated, provenance)],
  ];
  for (const [path, content] of outputs) {
    writeFileSync(path, content);
    console.log(`wrote ${relative(process.cwd(), path)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));

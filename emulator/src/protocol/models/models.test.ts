import * as sdk from "@aws-sdk/client-codepipeline";
import { NormalizedSchema } from "@smithy/core/schema";
import { describe, expect, it } from "vitest";
import { errorsModule, generate, modelModule, type SmithyModel } from "../../../scripts/generate-model";
import * as errors from "../../errors/codepipeline";
import type { Shape } from "../model";
import { awsPattern, matchesPattern } from "../validate";
import { model } from "./codepipeline";

/*
 * The generated model is the emulator's contract; the SDK the dashboard uses is the client's. They
 * must agree: same operations, same members with the same kinds, same enum values. A model update
 * that the SDK has not caught up with (or the other way round) fails here.
 */

const shapes = model.shapes as Record<string, Shape>;
const schemaOf = (name: string) => (sdk as unknown as Record<string, unknown>)[`${name}$`];

function kindOf(ns: NormalizedSchema): Shape["type"] {
  if (ns.isStructSchema()) return "structure";
  if (ns.isListSchema()) return "list";
  if (ns.isMapSchema()) return "map";
  if (ns.isStringSchema()) return "string";
  if (ns.isNumericSchema()) return "number";
  if (ns.isBooleanSchema()) return "boolean";
  if (ns.isTimestampSchema()) return "timestamp";
  if (ns.isBlobSchema()) return "blob";
  return "document";
}

/** Every difference between the model's shape and the SDK's schema, walking members, list items and map values. */
function differences(name: string, ns: NormalizedSchema, path: string, seen = new Set<string>()): string[] {
  const shape = shapes[name];
  const type = shape.type === "union" ? "structure" : shape.type;
  if (kindOf(ns) !== type) return [`${path}: model ${type}, SDK ${kindOf(ns)}`];
  if (seen.has(name)) return [];
  seen.add(name);
  if (shape.type === "list") return differences(shape.member.target, ns.getValueSchema(), `${path}[]`, seen);
  if (shape.type === "map") return differences(shape.value.target, ns.getValueSchema(), `${path}{}`, seen);
  if (shape.type !== "structure" && shape.type !== "union") return [];
  const sdkMembers = [...ns.structIterator()].map(([member]) => member);
  const modelMembers = Object.keys(shape.members);
  const out = [...sdkMembers.filter((m) => !modelMembers.includes(m)).map((m) => `${path}.${m}: only in the SDK`), ...modelMembers.filter((m) => !sdkMembers.includes(m)).map((m) => `${path}.${m}: only in the model`)];
  for (const [member, { target }] of Object.entries(shape.members)) {
    if (sdkMembers.includes(member)) out.push(...differences(target, ns.getMemberSchema(member), `${path}.${member}`, seen));
  }
  return out;
}

describe("the generated CodePipeline model", () => {
  const operations = Object.keys(model.operations);

  it("has the SDK's 44 operations, each with a command", () => {
    expect(operations).toHaveLength(44);
    for (const op of operations) expect(typeof (sdk as unknown as Record<string, unknown>)[`${op}Command`], op).toBe("function");
  });

  it("agrees with the SDK's schemas on every input and output member, recursively", () => {
    const found: string[] = [];
    for (const [op, { input, output }] of Object.entries(model.operations) as [string, { input?: string; output?: string }][]) {
      for (const shape of [input, output]) if (shape) found.push(...differences(shape, NormalizedSchema.of(schemaOf(shape) as never), `${op} ${shape}`));
    }
    expect(found).toEqual([]);
  });

  it("has the SDK's enum values", () => {
    const enums = Object.entries(shapes).filter(([, s]) => s.enum);
    expect(enums.length).toBeGreaterThan(30);
    for (const [name, shape] of enums) expect([...shape.enum!].sort(), name).toEqual(Object.values((sdk as unknown as Record<string, object>)[name]).sort());
  });

  it("declares the SDK's modeled errors, ConflictException with its 409", () => {
    const sdkErrors = Object.keys(sdk).filter((k) => k.endsWith("Exception") && !k.endsWith("$") && k !== "CodePipelineServiceException");
    expect(Object.keys(errors).sort()).toEqual(sdkErrors.sort());
    expect(new errors.ConflictException("busy").status).toBe(409);
    expect(new errors.PipelineNotFoundException("gone").status).toBe(400);
  });

  it("keeps the constraints AWS validates, worded as AWS words them", () => {
    expect(shapes.PipelineName).toMatchObject({ type: "string", length: { min: 1, max: 100 } });
    expect(awsPattern(shapes.PipelineName.pattern!)).toBe("[A-Za-z0-9.@\\-_]+");
    expect(awsPattern(shapes.RoleArn.pattern!)).toBe("arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*");
    expect(shapes.MaxResults).toMatchObject({ type: "number", range: { min: 1, max: 100 } });
    expect(shapes.StartPipelineExecutionInput).toMatchObject({ members: { name: { target: "PipelineName", required: true } } });
  });

  it("matches whole values, as AWS does, with every pattern of the model", () => {
    const patterns = Object.values(shapes).flatMap((s) => (s.pattern ? [s.pattern] : []));
    expect(patterns.length).toBeGreaterThan(30);
    for (const pattern of patterns) expect(() => matchesPattern(pattern, "x"), pattern).not.toThrow();
    expect(matchesPattern(shapes.ActionTypeOwner.pattern!, "ThirdParty")).toBe(true);
    expect(matchesPattern(shapes.ActionTypeOwner.pattern!, "AWSX")).toBe(false);
    expect(matchesPattern(shapes.RoleArn.pattern!, "arn:aws:iam::123456789012:role/x")).toBe(true);
  });
});

describe("generate-model", () => {
  const fixture: SmithyModel = {
    smithy: "2.0",
    shapes: {
      "example.logs#Logs_20140328": {
        type: "service",
        operations: [{ target: "example.logs#GetLogEvents" }],
        resources: [{ target: "example.logs#Group" }],
        traits: { "aws.api#service": { sdkId: "CloudWatch Logs" }, "aws.auth#sigv4": { name: "logs" }, "aws.protocols#awsJson1_1": {} },
      },
      "example.logs#Group": { type: "resource", read: { target: "example.logs#DescribeGroup" } },
      "example.logs#DescribeGroup": { type: "operation", input: { target: "smithy.api#Unit" }, output: { target: "smithy.api#Unit" } },
      "example.logs#GetLogEvents": {
        type: "operation",
        input: { target: "example.logs#GetLogEventsRequest" },
        output: { target: "smithy.api#Unit" },
        errors: [{ target: "example.logs#ResourceNotFoundException" }, { target: "example.logs#ServiceUnavailableException" }],
      },
      "example.logs#GetLogEventsRequest": {
        type: "structure",
        members: {
          logStreamName: { target: "example.logs#LogStreamName", traits: { "smithy.api#required": {} } },
          limit: { target: "smithy.api#Integer", traits: { "smithy.api#range": { min: 1, max: 10000 } } },
          startFromHead: { target: "smithy.api#Boolean" },
          order: { target: "example.logs#Order" },
          tags: { target: "example.logs#Tags" },
        },
      },
      "example.logs#LogStreamName": { type: "string", traits: { "smithy.api#length": { min: 1, max: 512 }, "smithy.api#pattern": "^[^:*]*$" } },
      "example.logs#Order": { type: "enum", members: { A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "LogStreamName" } } } },
      "example.logs#Tags": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" }, traits: { "smithy.api#length": { max: 50 } } },
      "example.logs#ResourceNotFoundException": { type: "structure", members: {}, traits: { "smithy.api#error": "client" } },
      "example.logs#ServiceUnavailableException": { type: "structure", members: {}, traits: { "smithy.api#error": "server" } },
    },
  };

  it("reads a service's protocol, signing name, operations (resources' included), shapes, constraints and errors", () => {
    const generated = generate(fixture);
    expect(generated.id).toBe("cloudwatch-logs");
    expect(generated.model).toMatchObject({ sdkId: "CloudWatch Logs", targetPrefix: "Logs_20140328", signingName: "logs", jsonVersion: "1.1" });
    expect(generated.model.operations).toEqual({ DescribeGroup: {}, GetLogEvents: { input: "GetLogEventsRequest" } });
    expect(generated.model.shapes.GetLogEventsRequest).toEqual({
      type: "structure",
      members: {
        logStreamName: { target: "LogStreamName", required: true },
        limit: { target: "smithy.api#Integer", range: { min: 1, max: 10000 } },
        startFromHead: { target: "smithy.api#Boolean" },
        order: { target: "Order" },
        tags: { target: "Tags" },
      },
    });
    expect(generated.model.shapes).toMatchObject({
      LogStreamName: { type: "string", length: { min: 1, max: 512 }, pattern: "^[^:*]*$" },
      Order: { type: "string", enum: ["LogStreamName"] },
      Tags: { type: "map", length: { max: 50 } },
      "smithy.api#Integer": { type: "number" },
      "smithy.api#Boolean": { type: "boolean" },
    });
    expect(generated.errors).toEqual([
      { name: "ResourceNotFoundException", status: 400 },
      { name: "ServiceUnavailableException", status: 500 },
    ]);
  });

  it("writes modules that name their source and the command that made them", () => {
    const provenance = { source: "a test fixture", sha256: "0".repeat(64), command: "npx tsx emulator/scripts/generate-model.ts fixture.json" };
    const generated = generate(fixture);
    expect(modelModule(generated, provenance)).toMatch(/^\/\/ Generated by emulator\/scripts\/generate-model\.ts.*\n\/\/ Source: a test fixture\n/s);
    expect(errorsModule(generated, provenance)).toContain("export class ServiceUnavailableException extends AwsError {\n  override readonly status = 500;\n}");
  });
});

import * as cloudwatchLogsSdk from "@aws-sdk/client-cloudwatch-logs";
import * as codebuildSdk from "@aws-sdk/client-codebuild";
import * as sdk from "@aws-sdk/client-codepipeline";
import { NormalizedSchema } from "@smithy/core/schema";
import { describe, expect, it } from "vitest";
import { errorsModule, generate, modelModule, type SmithyModel } from "../../../scripts/generate-model";
import * as cloudwatchLogsErrors from "../../errors/cloudwatch-logs";
import * as codebuildErrors from "../../errors/codebuild";
import * as errors from "../../errors/codepipeline";
import type { ServiceModel, Shape } from "../model";
import { awsPattern, matchesPattern } from "../validate";
import { model as cloudwatchLogs } from "./cloudwatch-logs";
import { model as codebuild } from "./codebuild";
import { model } from "./codepipeline";

/*
 * The generated models are the emulator's contract; the SDKs the dashboard uses are the client's. They
 * must agree: same operations, same members with the same kinds, same enum values. A model update
 * that the SDK has not caught up with (or the other way round) fails here.
 */

type Sdk = Record<string, unknown>;

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
function differences(shapes: Record<string, Shape>, name: string, ns: NormalizedSchema, path: string, seen = new Set<string>()): string[] {
  const shape = shapes[name];
  const type = shape.type === "union" ? "structure" : shape.type;
  if (kindOf(ns) !== type) return [`${path}: model ${type}, SDK ${kindOf(ns)}`];
  if (seen.has(name)) return [];
  seen.add(name);
  if (shape.type === "list") return differences(shapes, shape.member.target, ns.getValueSchema(), `${path}[]`, seen);
  if (shape.type === "map") return differences(shapes, shape.value.target, ns.getValueSchema(), `${path}{}`, seen);
  if (shape.type !== "structure" && shape.type !== "union") return [];
  const sdkMembers = [...ns.structIterator()].map(([member]) => member);
  const modelMembers = Object.keys(shape.members);
  const out = [...sdkMembers.filter((m) => !modelMembers.includes(m)).map((m) => `${path}.${m}: only in the SDK`), ...modelMembers.filter((m) => !sdkMembers.includes(m)).map((m) => `${path}.${m}: only in the model`)];
  for (const [member, { target }] of Object.entries(shape.members)) {
    if (sdkMembers.includes(member)) out.push(...differences(shapes, target, ns.getMemberSchema(member), `${path}.${member}`, seen));
  }
  return out;
}

/**
 * What every generated model must share with its SDK; CodePipeline's is whole, the others keep the
 * operations served. `newerInTheSdk` names members an SDK release added after the newest model that
 * could be had (see the generated file's Source): anything else that differs fails.
 */
function agreesWithItsSdk(serviceModel: ServiceModel, client: Sdk, modelErrors: Record<string, unknown>, newerInTheSdk: string[] = []) {
  const shapes = serviceModel.shapes;

  it("has a command in the SDK for each operation", () => {
    for (const op of Object.keys(serviceModel.operations)) expect(typeof client[`${op}Command`], op).toBe("function");
  });

  it("agrees with the SDK's schemas on every input and output member, recursively", () => {
    const found: string[] = [];
    for (const [op, { input, output }] of Object.entries(serviceModel.operations)) {
      for (const shape of [input, output]) if (shape) found.push(...differences(shapes, shape, NormalizedSchema.of(client[`${shape}$`] as never), `${op} ${shape}`));
    }
    expect(found).toEqual(newerInTheSdk.map((member) => `${member}: only in the SDK`));
  });

  it("has the SDK's enum values", () => {
    for (const [name, shape] of Object.entries(shapes).filter(([, s]) => s.enum)) {
      expect([...shape.enum!].sort(), name).toEqual(Object.values(client[name] as object).sort());
    }
  });

  it("declares only errors the SDK models", () => {
    for (const name of Object.keys(modelErrors)) expect(typeof client[name], name).toBe("function");
  });
}

describe("the generated CodePipeline model", () => {
  const shapes = model.shapes as Record<string, Shape>;
  agreesWithItsSdk(model, sdk as unknown as Sdk, errors);

  it("has the SDK's 44 operations and enums", () => {
    expect(Object.keys(model.operations)).toHaveLength(44);
    expect(Object.values(shapes).filter((s) => s.enum).length).toBeGreaterThan(30);
  });

  it("declares every one of the SDK's modeled errors, ConflictException with its 409", () => {
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

describe("the generated CodeBuild model (BatchGetBuilds)", () => {
  // @aws-sdk/client-codebuild 3.1142 (2026-09) describes a build environment's hostKernel; the model of 2026-04 does not yet.
  agreesWithItsSdk(codebuild, codebuildSdk as unknown as Sdk, codebuildErrors, ["BatchGetBuilds BatchGetBuildsOutput.builds[].environment.hostKernel"]);

  it("is CodeBuild's JSON 1.1 contract, with the build's phases and statuses", () => {
    expect(codebuild).toMatchObject({ targetPrefix: "CodeBuild_20161006", signingName: "codebuild", jsonVersion: "1.1" });
    expect(Object.keys(codebuild.operations)).toEqual(["BatchGetBuilds"]);
    expect(codebuild.shapes.BuildIds).toMatchObject({ length: { min: 1, max: 100 } });
    expect(codebuild.shapes.BuildPhaseType.enum).toContain("UPLOAD_ARTIFACTS");
    expect(Object.keys(codebuildErrors)).toEqual(["InvalidInputException"]);
  });
});

describe("the generated CloudWatch Logs model (GetLogEvents, FilterLogEvents, DeleteLogGroup)", () => {
  // @aws-sdk/client-cloudwatch-logs 3.1169 (2026-11) sends FilterLogEvents' startFromHead; the model of 2026-04 does not
  // have it yet, so the emulator ignores it as it ignores every unknown member.
  agreesWithItsSdk(cloudwatchLogs, cloudwatchLogsSdk as unknown as Sdk, cloudwatchLogsErrors, ["FilterLogEvents FilterLogEventsRequest.startFromHead"]);

  it("is CloudWatch Logs' JSON 1.1 contract, with its limits and name patterns", () => {
    expect(cloudwatchLogs).toMatchObject({ targetPrefix: "Logs_20140328", signingName: "logs", jsonVersion: "1.1" });
    expect(Object.keys(cloudwatchLogs.operations)).toEqual(["DeleteLogGroup", "FilterLogEvents", "GetLogEvents"]);
    expect(cloudwatchLogs.shapes.EventsLimit).toMatchObject({ range: { min: 1, max: 10000 } });
    expect(awsPattern(cloudwatchLogs.shapes.LogStreamName.pattern)).toBe("[^:*]*");
    expect(new cloudwatchLogsErrors.ServiceUnavailableException("x").status).toBe(500);
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

  it("keeps only the operations asked for, with what they reach, and refuses one the model lacks", () => {
    const generated = generate(fixture, ["GetLogEvents"]);
    expect(Object.keys(generated.model.operations)).toEqual(["GetLogEvents"]);
    expect(generated.model.shapes.GetLogEventsRequest).toBeDefined();
    expect(generated.errors.map((e) => e.name)).toEqual(["ResourceNotFoundException", "ServiceUnavailableException"]);
    expect(() => generate(fixture, ["PutLogEvents"])).toThrow("example.logs#Logs_20140328 has no operation PutLogEvents.");
  });

  it("writes modules that name their source and the command that made them", () => {
    const provenance = { source: "a test fixture", sha256: "0".repeat(64), command: "npx tsx emulator/scripts/generate-model.ts fixture.json" };
    const generated = generate(fixture);
    expect(modelModule(generated, provenance)).toMatch(/^\/\/ Generated by emulator\/scripts\/generate-model\.ts.*\n\/\/ Source: a test fixture\n/s);
    expect(errorsModule(generated, provenance)).toContain("export class ServiceUnavailableException extends AwsError {\n  override readonly status = 500;\n}");
  });
});

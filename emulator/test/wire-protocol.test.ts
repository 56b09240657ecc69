import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  PutApprovalResultCommand,
  StartPipelineExecutionCommand,
} from "@aws-sdk/client-codepipeline";
import { startEmulator, type StartedEmulator } from "./helpers";

let emu: StartedEmulator;
beforeAll(async () => (emu = await startEmulator()));
afterAll(() => emu.close());

const TARGET = "CodePipeline_20150709";

async function errorOf(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  )) as { name: string; message: string; $metadata: { httpStatusCode?: number; requestId?: string } };
  return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
}

describe("AWS JSON 1.1 protocol", () => {
  it("answers an unknown operation with UnknownOperationException", async () => {
    const response = await emu.signedFetch(`${TARGET}.DescribeEverything`, "{}");
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    expect(await response.json()).toEqual({
      __type: "UnknownOperationException",
      message: `Unknown operation ${TARGET}.DescribeEverything`,
    });
  });

  it("answers malformed JSON and non-object bodies with SerializationException", async () => {
    for (const body of ["{not json", "[1,2]", "42"]) {
      const response = await emu.signedFetch(`${TARGET}.GetPipelineState`, body);
      expect(response.status).toBe(400);
      const json = (await response.json()) as Record<string, unknown>;
      expect(json.__type).toBe("SerializationException");
      expect(json).not.toHaveProperty("code");
    }
  });

  it("refuses a wrong content type", async () => {
    const response = await emu.signedFetch(`${TARGET}.GetPipelineState`, '{"name":"p"}', { contentType: "application/json" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe("SerializationException");
  });

  it("answers wrong member types with SerializationException in Coral's words", async () => {
    const response = await emu.signedFetch(`${TARGET}.ListPipelines`, '{"maxResults":"ten"}');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: "SerializationException",
      message: "STRING_VALUE can not be converted to an Integer",
    });
    const nested = await emu.signedFetch(`${TARGET}.GetPipelineState`, '{"name":{"a":1}}');
    expect(((await nested.json()) as { message: string }).message).toBe("Start of structure or map found where not expected.");
  });

  it("reports missing required members through the SDK as ValidationException", async () => {
    const error = await errorOf(emu.client().send(new GetPipelineStateCommand({} as never)));
    expect(error).toEqual({
      name: "ValidationException",
      message: "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
      status: 400,
    });
  });

  it("reports pattern, range and enum violations with AWS's wording, counted and joined", async () => {
    const client = emu.client();
    expect(await errorOf(client.send(new GetPipelineStateCommand({ name: "my pipeline" })))).toEqual({
      name: "ValidationException",
      message:
        "1 validation error detected: Value 'my pipeline' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+",
      status: 400,
    });
    expect((await errorOf(client.send(new ListPipelinesCommand({ maxResults: 1001 })))).message).toBe(
      "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    expect((await errorOf(client.send(new ListPipelineExecutionsCommand({ pipelineName: "p", maxResults: 0 })))).message).toBe(
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const approval = await errorOf(
      client.send(
        new PutApprovalResultCommand({
          pipelineName: "p",
          stageName: "Approve",
          actionName: "Manual",
          token: "not-a-token",
          result: { status: "Maybe" as never, summary: "x".repeat(513) },
        }),
      ),
    );
    expect(approval.message).toBe(
      "3 validation errors detected: " +
        "Value '" + "x".repeat(513) + "' at 'result.summary' failed to satisfy constraint: Member must have length less than or equal to 512; " +
        "Value 'Maybe' at 'result.status' failed to satisfy constraint: Member must satisfy enum value set: [Approved, Rejected]; " +
        "Value 'not-a-token' at 'token' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    );
  });

  it("numbers list members from 1 in validation paths", async () => {
    const error = await errorOf(
      emu.client().send(new StartPipelineExecutionCommand({ name: "p", variables: [{ name: "ok", value: "1" }, { name: "bad name", value: "2" }] })),
    );
    expect(error.message).toBe(
      "1 validation error detected: Value 'bad name' at 'variables.2.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9@\\-_]+",
    );
  });

  it("passes valid input on to the handler", async () => {
    // Validation let the request through: the handler looked for the pipeline.
    const error = await errorOf(emu.client().send(new GetPipelineStateCommand({ name: "no-such-pipeline" })));
    expect(error.name).toBe("PipelineNotFoundException");
  });

  it("sends a request id header and the AWS content type on every answer", async () => {
    const response = await emu.signedFetch(`${TARGET}.GetPipelineState`, '{"name":"x y"}');
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const sdkError = await emu.client().send(new GetPipelineStateCommand({ name: "x y" })).catch((e: { $metadata: { requestId?: string } }) => e);
    expect(sdkError.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("CORS", () => {
  it("answers preflights without auth, reflecting the requested headers", async () => {
    const requested = "authorization,content-type,x-amz-date,x-amz-target,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request,x-amz-security-token";
    const response = await fetch(`${emu.url}/`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": requested },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-allow-headers")).toBe(requested);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
  });

  it("exposes the request id, error type and Date (for the SDK's clock correction) on answers, control endpoints included", async () => {
    const api = await fetch(`${emu.url}/`, { method: "POST", headers: { Origin: "http://localhost:5173", "X-Amz-Target": `${TARGET}.ListPipelines`, "Content-Type": "application/x-amz-json-1.1" }, body: "{}" });
    expect(api.status).toBe(400);
    expect(api.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(api.headers.get("access-control-expose-headers")).toBe("x-amzn-RequestId, x-amzn-ErrorType, x-amz-request-id, Date");
    expect(api.headers.get("date")).toBeTruthy();
    const control = await fetch(`${emu.url}/_emulator/health`, { headers: { Origin: "http://localhost:5173" } });
    expect(control.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });
});

import { SignatureV4 } from "@smithy/signature-v4";
import { StartPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { NodeSha256 } from "../src/auth/sigv4";
import { PUBLISHER_API_KEY } from "../src/appsync/realtime";
import { simple } from "./fixtures";
import { startEmulator, type StartedEmulator } from "./helpers";

/** AppSync Events' IAM authorization: the headers of a signed POST /event carrying `body`. */
async function signedHeaders(host: string, body: string, credentials = { accessKeyId: "readonly", secretAccessKey: "readonly" }) {
  const signer = new SignatureV4({ service: "appsync", region: "us-east-1", sha256: NodeSha256, credentials });
  const signed = await signer.sign({
    method: "POST",
    protocol: "http:",
    hostname: host,
    path: "/event",
    headers: { accept: "application/json, text/javascript", "content-encoding": "amz-1.0", "content-type": "application/json; charset=UTF-8", host },
    body,
  });
  return signed.headers as Record<string, string>;
}

/** A real WebSocket client speaking AppSync Events' protocol, collecting what the server says. */
async function connect(emulator: StartedEmulator, credentials?: { accessKeyId: string; secretAccessKey: string }) {
  const host = `127.0.0.1:${emulator.port}`;
  const header = Buffer.from(JSON.stringify(await signedHeaders(host, "{}", credentials))).toString("base64url");
  const socket = new WebSocket(`ws://${host}/event/realtime`, ["aws-appsync-event-ws", `header-${header}`]);
  const messages: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  socket.on("message", (data) => {
    messages.push(JSON.parse(data.toString()) as Record<string, unknown>);
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  async function next(test: (m: Record<string, unknown>) => boolean, timeoutMs = 3000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(test);
      if (found) {
        messages.splice(messages.indexOf(found), 1);
        return found;
      }
      if (Date.now() > deadline) throw new Error(`no such message; got ${JSON.stringify(messages)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
  const send = (message: unknown) => socket.send(JSON.stringify(message));
  async function subscribe(id: string, channel: string, creds?: { accessKeyId: string; secretAccessKey: string }) {
    send({ type: "subscribe", id, channel, authorization: await signedHeaders(host, JSON.stringify({ channel }), creds) });
    return next((m) => m.id === id && String(m.type).startsWith("subscribe_"));
  }
  return { socket, messages, next, send, subscribe, host };
}

let emulator: StartedEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await emulator.control.reset();
  await emulator.control.loadScenario({ pipelines: [{ declaration: simple(), actions: { "Source.Source": { durationSeconds: 5 }, "Build.Build": { durationSeconds: 20 } } }] });
});

const control = async (body: unknown) => (await fetch(`${emulator.url}/_emulator/appsync`, { method: "POST", body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;

describe("the AppSync Events WebSocket endpoint", () => {
  it("acknowledges connection_init, keeps alive, and sends each state change as a data message on the region's channel", async () => {
    await control({ keepAliveMs: 100 });
    const c = await connect(emulator);
    c.send({ type: "connection_init" });
    expect(await c.next((m) => m.type === "connection_ack")).toEqual({ type: "connection_ack", connectionTimeoutMs: 300000 });
    expect(await c.next((m) => m.type === "ka")).toEqual({ type: "ka" });
    expect(await c.subscribe("sub-1", "/codepipeline/123456789012/us-east-1")).toEqual({ type: "subscribe_success", id: "sub-1" });

    const { pipelineExecutionId } = await emulator.client().send(new StartPipelineExecutionCommand({ name: "simple" }));
    const data = await c.next((m) => m.type === "data");
    expect(data.id).toBe("sub-1");
    expect(JSON.parse(data.event as string)).toEqual({
      account: "123456789012",
      region: "us-east-1",
      pipeline: "simple",
      executionId: pipelineExecutionId,
      stage: "",
      action: "",
      category: "",
      state: "STARTED",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      detailType: "CodePipeline Pipeline Execution State Change",
    });
    const rest = [await c.next((m) => m.type === "data"), await c.next((m) => m.type === "data")].map((m) => JSON.parse(m.event as string) as { stage: string; action: string; state: string });
    expect(rest.map((e) => [e.stage, e.action, e.state].filter(Boolean).join(" "))).toEqual(["Source STARTED", "Source Source STARTED"]);
    c.socket.close();
  });

  it("a wildcard subscription gets every channel below it; an unsubscribed one gets nothing more", async () => {
    const c = await connect(emulator);
    c.send({ type: "connection_init" });
    await c.next((m) => m.type === "connection_ack");
    expect((await c.subscribe("all", "/codepipeline/*")).type).toBe("subscribe_success");
    expect((await c.subscribe("other", "/codepipeline/210987654321/us-east-1")).type).toBe("subscribe_success");
    await emulator.client().send(new StartPipelineExecutionCommand({ name: "simple" }));
    expect((await c.next((m) => m.type === "data")).id).toBe("all");
    c.send({ type: "unsubscribe", id: "all" });
    expect(await c.next((m) => m.type === "unsubscribe_success")).toEqual({ type: "unsubscribe_success", id: "all" });
    c.messages.length = 0;
    await emulator.control.advance(60);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(c.messages.filter((m) => m.type === "data")).toEqual([]);
    c.socket.close();
  });

  it("refuses bad subscriptions with AppSync's errors: a wrong signature, a channel segment AppSync refuses, an unknown namespace", async () => {
    const c = await connect(emulator);
    c.send({ type: "connection_init" });
    await c.next((m) => m.type === "connection_ack");
    const wrong = await c.subscribe("s1", "/codepipeline/123456789012/us-east-1", { accessKeyId: "readonly", secretAccessKey: "wrong" });
    expect(wrong).toMatchObject({ type: "subscribe_error", id: "s1", errors: [{ errorType: "UnauthorizedException" }] });
    // A CodePipeline name may hold dots and underscores; a channel segment may not.
    const dotted = await c.subscribe("s2", "/codepipeline/123456789012/us-east-1/web.app_v2");
    expect(dotted).toMatchObject({ type: "subscribe_error", errors: [{ errorType: "BadRequestException", message: expect.stringContaining("web.app_v2") }] });
    expect(await c.subscribe("s3", "/default/x")).toMatchObject({ type: "subscribe_error", errors: [{ message: "Channel namespace 'default' does not exist." }] });
    c.send({ type: "publish", id: "p1", channel: "/codepipeline/123456789012/us-east-1", events: ["{}"] });
    expect(await c.next((m) => m.type === "publish_error")).toMatchObject({ errors: [{ errorType: "UnauthorizedException" }] });
    c.send("not json" as unknown as object);
    expect(await c.next((m) => m.type === "error")).toMatchObject({ errors: [{ errorType: "BadRequestException" }] });
    c.socket.close();
  });

  it("a connection signed with an unknown key gets connection_error and is closed", async () => {
    const c = await connect(emulator, { accessKeyId: "nobody", secretAccessKey: "x" });
    const closed = new Promise<number>((resolve) => c.socket.once("close", (code) => resolve(code)));
    c.send({ type: "connection_init" });
    expect(await c.next((m) => m.type === "connection_error")).toMatchObject({ errors: [{ errorType: "UnauthorizedException", message: "The security token included in the request is invalid." }] });
    expect(await closed).toBe(4401);
  });

  it("publishing over HTTP takes the API destination's API key only", async () => {
    const c = await connect(emulator);
    c.send({ type: "connection_init" });
    await c.next((m) => m.type === "connection_ack");
    await c.subscribe("s", "/codepipeline/123456789012/us-east-1");
    const body = JSON.stringify({ channel: "/codepipeline/123456789012/us-east-1", events: [JSON.stringify({ pipeline: "simple", state: "STARTED" })] });
    const iam = await fetch(`${emulator.url}/event`, { method: "POST", headers: await signedHeaders(c.host, body, { accessKeyId: "test", secretAccessKey: "test" }), body });
    expect(iam.status).toBe(401);
    const keyed = await fetch(`${emulator.url}/event`, { method: "POST", headers: { "x-api-key": PUBLISHER_API_KEY, "content-type": "application/json" }, body });
    expect(keyed.status).toBe(200);
    expect(JSON.parse((await c.next((m) => m.type === "data")).event as string)).toEqual({ pipeline: "simple", state: "STARTED" });
    c.socket.close();
  });

  it("the control API drops the socket, duplicates and delays data, and silences the server", async () => {
    const c = await connect(emulator);
    c.send({ type: "connection_init" });
    await c.next((m) => m.type === "connection_ack");
    await c.subscribe("s", "/codepipeline/123456789012/us-east-1");
    await control({ duplicate: true, delayMs: 300 });
    const started = Date.now();
    await emulator.client().send(new StartPipelineExecutionCommand({ name: "simple" }));
    const first = await c.next((m) => m.type === "data");
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const second = await c.next((m) => m.type === "data");
    expect(second.event).toBe(first.event);
    expect(((await (await fetch(`${emulator.url}/_emulator/appsync`)).json()) as { subscriptions: string[] }).subscriptions).toContain("/codepipeline/123456789012/us-east-1");

    const closed = new Promise<void>((resolve) => c.socket.once("close", () => resolve()));
    expect(await control({ drop: true })).toMatchObject({ dropped: expect.any(Number), connections: 0 });
    await closed;

    await control({ reset: true, silent: true, keepAliveMs: 50 });
    const quiet = await connect(emulator);
    quiet.send({ type: "connection_init" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(quiet.messages).toEqual([]);
    quiet.socket.close();
  });

  it("the raw EventBridge events are readable from the control API, AWS-shaped", async () => {
    await emulator.client().send(new StartPipelineExecutionCommand({ name: "simple" }));
    const { events } = (await (await fetch(`${emulator.url}/_emulator/eventbridge`)).json()) as { events: { source: string; "detail-type": string; detail: { state: string } }[] };
    expect(events.map((e) => [e.source, e["detail-type"], e.detail.state])).toEqual([
      ["aws.codepipeline", "CodePipeline Pipeline Execution State Change", "STARTED"],
      ["aws.codepipeline", "CodePipeline Stage Execution State Change", "STARTED"],
      ["aws.codepipeline", "CodePipeline Action Execution State Change", "STARTED"],
    ]);
  });
});

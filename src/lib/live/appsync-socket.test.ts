import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveSignal } from "../../core/live/connection";
import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import { AppSyncSocket } from "./appsync-socket";

/** A stand-in for the browser's WebSocket that records what the client sends and lets the test answer. */
class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  say(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

const flush = () => vi.advanceTimersByTimeAsync(0);

function client() {
  const signals: LiveSignal["type"][] = [];
  const reasons: string[] = [];
  const data: [string, unknown][] = [];
  const socket = new AppSyncSocket({
    httpEndpoint: "https://abc.appsync-api.us-east-1.amazonaws.com/event",
    realtimeEndpoint: "wss://abc.appsync-realtime-api.us-east-1.amazonaws.com/event/realtime",
    region: "us-east-1",
    credentials: async () => ({ accessKeyId: "AKID", secretAccessKey: "secret", sessionToken: "token" }),
    sha256: Sha256,
    SignatureV4,
    onData: (channel, event) => data.push([channel, event]),
    onSignal: (signal) => {
      signals.push(signal.type);
      if (signal.type === "failed") reasons.push(signal.reason);
    },
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    random: () => 0,
  });
  return { socket, signals, reasons, data };
}

/** Opens the newest fake socket, acknowledges it and every subscription it sent. */
async function accept(timeoutMs = 300_000) {
  await flush();
  const ws = FakeSocket.all.at(-1)!;
  ws.open();
  ws.say({ type: "connection_ack", connectionTimeoutMs: timeoutMs });
  await flush();
  for (const m of ws.sent.filter((m) => m.type === "subscribe")) ws.say({ type: "subscribe_success", id: m.id });
  return ws;
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
});
afterEach(() => vi.useRealTimers());

describe("AppSyncSocket", () => {
  it("connects with AppSync's subprotocols and IAM-signed headers, subscribes with a signed authorization, and is live once subscribed", async () => {
    const { socket, signals, data } = client();
    socket.setChannels(["/codepipeline/123456789012/us-east-1"]);
    socket.start();
    const ws = await accept();
    expect(ws.url).toBe("wss://abc.appsync-realtime-api.us-east-1.amazonaws.com/event/realtime");
    expect(ws.protocols[0]).toBe("aws-appsync-event-ws");
    const headers = JSON.parse(atob(ws.protocols[1].slice("header-".length).replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, string>;
    expect(headers).toMatchObject({ host: "abc.appsync-api.us-east-1.amazonaws.com", "x-amz-security-token": "token" });
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKID\/\d{8}\/us-east-1\/appsync\/aws4_request/);
    const subscribe = ws.sent.find((m) => m.type === "subscribe")!;
    expect(subscribe).toMatchObject({ channel: "/codepipeline/123456789012/us-east-1", authorization: { host: "abc.appsync-api.us-east-1.amazonaws.com" } });
    expect(signals).toEqual(["connecting", "subscribed"]);
    ws.say({ type: "data", id: subscribe.id, event: '{"pipeline":"web"}' });
    ws.say({ type: "data", id: "not-ours", event: "{}" });
    expect(data).toEqual([["/codepipeline/123456789012/us-east-1", '{"pipeline":"web"}']]);
  });

  it("a drop pauses at once and reconnects after a backoff, subscribing again", async () => {
    const { socket, signals, reasons } = client();
    socket.setChannels(["/codepipeline/123456789012/us-east-1"]);
    socket.start();
    const first = await accept();
    first.drop();
    expect(signals.at(-1)).toBe("failed");
    expect(reasons).toEqual(["dropped"]);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    const second = await accept();
    expect(second).not.toBe(first);
    expect(second.sent.filter((m) => m.type === "subscribe")).toHaveLength(1);
    expect(signals.at(-1)).toBe("subscribed");
  });

  it("silence past the announced connection timeout counts as gone; refused authorization waits longer before trying again", async () => {
    const { socket, reasons } = client();
    socket.setChannels(["/codepipeline/123456789012/us-east-1"]);
    socket.start();
    const ws = await accept(5000);
    await vi.advanceTimersByTimeAsync(4000);
    ws.say({ type: "ka" });
    await vi.advanceTimersByTimeAsync(4000);
    expect(reasons).toEqual([]);
    await vi.advanceTimersByTimeAsync(1500);
    expect(reasons).toEqual(["keep-alive timeout"]);
    await vi.advanceTimersByTimeAsync(1000);
    const next = FakeSocket.all.at(-1)!;
    next.open();
    next.say({ type: "connection_error", errors: [{ errorType: "UnauthorizedException" }] });
    expect(reasons).toEqual(["keep-alive timeout", "unauthorized"]);
    const count = FakeSocket.all.length;
    await vi.advanceTimersByTimeAsync(29_000);
    expect(FakeSocket.all).toHaveLength(count);
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakeSocket.all).toHaveLength(count + 1);
    socket.stop();
  });

  it("follows the wanted channels on an open socket: subscribes the new, unsubscribes the gone", async () => {
    const { socket } = client();
    socket.setChannels(["/codepipeline/1/us-east-1"]);
    socket.start();
    const ws = await accept();
    const [first] = ws.sent.filter((m) => m.type === "subscribe");
    socket.setChannels(["/codepipeline/2/eu-west-1"]);
    await flush();
    expect(ws.sent.filter((m) => m.type === "unsubscribe")).toEqual([{ type: "unsubscribe", id: first.id }]);
    expect(ws.sent.filter((m) => m.type === "subscribe").map((m) => m.channel)).toEqual(["/codepipeline/1/us-east-1", "/codepipeline/2/eu-west-1"]);
  });
});

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { KeyStore } from "../auth/keys";
import { verifySignature } from "../auth/sigv4";
import { AwsError } from "../errors";
import { sendJson, splitTarget } from "../http/http";
import { channelMatches, parseChannel } from "./channels";

/*
 * An AWS AppSync Events API as the dashboard uses it: the real-time WebSocket endpoint
 * (`/event/realtime`, subprotocol `aws-appsync-event-ws`, IAM authorization in a `header-…`
 * subprotocol and on each subscribe, connection_init/ack, ka, subscribe, unsubscribe, data, errors)
 * and the HTTP publish endpoint (`POST /event`). As the dashboard's API is deployed, subscribers sign
 * with IAM (any of the emulator's keys, the read-only ones included) and only the EventBridge API
 * destination publishes, with the API key its connection holds: publishing with IAM is refused.
 */

export const REALTIME_PATH = "/event/realtime";
export const PUBLISH_PATH = "/event";
export const PROTOCOL = "aws-appsync-event-ws";
/** The API key the emulator's "API destination" publishes with (the deployed one is in Secrets Manager). */
export const PUBLISHER_API_KEY = "da2-emulator-events-publisher";

/** What the control API can change (`POST /_emulator/appsync`). */
export interface EventsSettings {
  /** How often the server sends `ka` (AppSync: every minute). */
  keepAliveMs: number;
  /** What connection_ack announces: a client that hears nothing for this long should reconnect. */
  connectionTimeoutMs: number;
  /** Data messages leave this late (real milliseconds). */
  delayMs: number;
  /** Every data message is sent twice. */
  duplicate: boolean;
  /** Connections and subscriptions are refused with UnauthorizedException (as after a revoked role). */
  unauthorized: boolean;
  /** The server stops sending anything, ka included, without closing: a connection gone quiet. */
  silent: boolean;
  /** New connections are refused at the handshake (503), as while the endpoint is unreachable. */
  refuse: boolean;
}

export const DEFAULT_EVENTS_SETTINGS: EventsSettings = {
  keepAliveMs: 60_000,
  connectionTimeoutMs: 300_000,
  delayMs: 0,
  duplicate: false,
  unauthorized: false,
  silent: false,
  refuse: false,
};

interface Connection {
  socket: WebSocket;
  /** The connect authorization, checked once the client sends connection_init. */
  authorized: Promise<string | undefined>;
  acknowledged: boolean;
  subscriptions: Map<string, string>;
  keepAlive?: ReturnType<typeof setInterval>;
}

type ErrorEntry = { errorType: string; message: string };

const MAX_MESSAGE_BYTES = 128 * 1024;
const MAX_SUBSCRIPTIONS_PER_CONNECTION = 200;
const SUBSCRIPTION_ID = /^[A-Za-z0-9-]{1,128}$/;

function decodeHeaderProtocol(protocols: string[]): Record<string, string> | undefined {
  const header = protocols.find((p) => p.startsWith("header-"));
  if (!header) return undefined;
  try {
    const json = JSON.parse(Buffer.from(header.slice("header-".length), "base64url").toString("utf8")) as unknown;
    return typeof json === "object" && json !== null ? lowerCaseKeys(json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function lowerCaseKeys(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([, v]) => typeof v === "string").map(([k, v]) => [k.toLowerCase(), v as string]));
}

export class EventsService {
  settings: EventsSettings = { ...DEFAULT_EVENTS_SETTINGS };
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false) });
  private readonly connections = new Set<Connection>();
  private published = 0;
  private delivered = 0;

  constructor(
    private readonly keys: KeyStore,
    private readonly simulatedNow: () => number,
  ) {}

  /** Takes the HTTP upgrade if it is for the real-time endpoint; false leaves it to others. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (splitTarget(req.url).path !== REALTIME_PATH) return false;
    const protocols = String(req.headers["sec-websocket-protocol"] ?? "").split(",").map((p) => p.trim());
    if (this.settings.refuse) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
      return true;
    }
    if (!protocols.includes(PROTOCOL)) {
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, decodeHeaderProtocol(protocols)));
    return true;
  }

  private accept(socket: WebSocket, authHeaders: Record<string, string> | undefined): void {
    const connection: Connection = { socket, acknowledged: false, subscriptions: new Map(), authorized: this.authorize(authHeaders, "{}") };
    // Checked now, reported at connection_init; an unhandled rejection must not escape meanwhile.
    connection.authorized.catch(() => undefined);
    this.connections.add(connection);
    socket.on("message", (data, isBinary) => {
      if (this.settings.silent) return;
      if (isBinary) return this.send(connection, { type: "error", errors: [{ errorType: "UnsupportedOperation", message: "Binary messages are not supported." }] });
      void this.onMessage(connection, data.toString());
    });
    socket.on("close", () => this.forget(connection));
    socket.on("error", () => this.forget(connection));
  }

  private forget(connection: Connection): void {
    if (connection.keepAlive) clearInterval(connection.keepAlive);
    this.connections.delete(connection);
  }

  /** `undefined` when the signed headers authorize `body` at POST /event; otherwise AWS's message. */
  private async authorize(headers: Record<string, string> | undefined, body: string): Promise<string | undefined> {
    if (this.settings.unauthorized) return "You are not authorized to make this call.";
    if (!headers?.authorization) return "Missing authorization: sign with IAM (SigV4, service appsync).";
    try {
      await verifySignature({ method: "POST", url: PUBLISH_PATH, headers }, body, this.keys, { service: "appsync", simulatedNow: this.simulatedNow() });
      return undefined;
    } catch (error) {
      return error instanceof AwsError ? error.message : "The request signature could not be verified.";
    }
  }

  private send(connection: Connection, message: unknown): void {
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(JSON.stringify(message));
  }

  private async onMessage(connection: Connection, text: string): Promise<void> {
    let message: Record<string, unknown>;
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      message = parsed as Record<string, unknown>;
    } catch {
      return this.send(connection, { type: "error", errors: [{ errorType: "BadRequestException", message: "Message is not a JSON object." }] });
    }
    const id = typeof message.id === "string" ? message.id : undefined;
    switch (message.type) {
      case "connection_init":
        return this.init(connection);
      case "subscribe":
        return this.subscribe(connection, id, message);
      case "unsubscribe":
        if (!id || !connection.subscriptions.delete(id)) {
          return this.send(connection, { type: "unsubscribe_error", id, errors: [{ errorType: "UnknownOperationError", message: "Unknown subscription id." }] });
        }
        return this.send(connection, { type: "unsubscribe_success", id });
      case "publish":
        return this.send(connection, {
          type: "publish_error",
          id,
          errors: [{ errorType: "UnauthorizedException", message: "Publishing is allowed only to the dashboard's EventBridge API destination." }],
        });
      default:
        return this.send(connection, { type: "error", id, errors: [{ errorType: "UnsupportedOperation", message: `Unknown message type '${String(message.type)}'.` }] });
    }
  }

  private async init(connection: Connection): Promise<void> {
    const problem = await connection.authorized;
    if (problem) {
      this.send(connection, { type: "connection_error", errors: [{ errorType: "UnauthorizedException", message: problem }] });
      connection.socket.close(4401, "Unauthorized");
      return;
    }
    connection.acknowledged = true;
    this.send(connection, { type: "connection_ack", connectionTimeoutMs: this.settings.connectionTimeoutMs });
    if (connection.keepAlive) clearInterval(connection.keepAlive);
    connection.keepAlive = setInterval(() => {
      if (!this.settings.silent) this.send(connection, { type: "ka" });
    }, this.settings.keepAliveMs);
  }

  private async subscribe(connection: Connection, id: string | undefined, message: Record<string, unknown>): Promise<void> {
    const refuse = (errors: ErrorEntry[]) => this.send(connection, { type: "subscribe_error", id, errors });
    if (!connection.acknowledged) return refuse([{ errorType: "BadRequestException", message: "Send connection_init first." }]);
    if (!id || !SUBSCRIPTION_ID.test(id)) return refuse([{ errorType: "BadRequestException", message: "Subscription id must be 1-128 letters, digits and dashes." }]);
    if (connection.subscriptions.has(id)) return refuse([{ errorType: "BadRequestException", message: `Subscription id '${id}' is already in use.` }]);
    const channel = message.channel;
    const segments = parseChannel(channel, { wildcard: true });
    if (typeof segments === "string") return refuse([{ errorType: "BadRequestException", message: segments }]);
    const authorization = typeof message.authorization === "object" && message.authorization !== null ? lowerCaseKeys(message.authorization as Record<string, unknown>) : undefined;
    const problem = await this.authorize(authorization, JSON.stringify({ channel }));
    if (problem) return refuse([{ errorType: "UnauthorizedException", message: problem }]);
    if (connection.subscriptions.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
      return refuse([{ errorType: "LimitExceededException", message: `At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.` }]);
    }
    connection.subscriptions.set(id, channel as string);
    this.send(connection, { type: "subscribe_success", id });
  }

  /** Delivers events (JSON strings) to every subscription of a matching channel. */
  publish(channel: string, events: string[]): void {
    this.published += events.length;
    if (this.settings.silent) return;
    const copies = this.settings.duplicate ? 2 : 1;
    for (const connection of this.connections) {
      if (!connection.acknowledged) continue;
      for (const [id, subscription] of connection.subscriptions) {
        if (!channelMatches(subscription, channel)) continue;
        for (const event of events) {
          for (let i = 0; i < copies; i++) {
            this.delivered++;
            const deliver = () => this.send(connection, { type: "data", id, event });
            if (this.settings.delayMs > 0) setTimeout(deliver, this.settings.delayMs).unref();
            else deliver();
          }
        }
      }
    }
  }

  /** `POST /event` with the publisher's API key: `{channel, events: [json strings]}`, at most 5 events. */
  handlePublish(req: IncomingMessage, res: ServerResponse, body: string): void {
    const answer = (status: number, value: unknown) => sendJson(req, res, status, JSON.stringify(value), { "Content-Type": "application/json" });
    if (req.headers["x-api-key"] !== PUBLISHER_API_KEY) {
      return answer(401, { errors: [{ errorType: "UnauthorizedException", message: "Publishing is allowed only to the dashboard's EventBridge API destination." }] });
    }
    let input: { channel?: unknown; events?: unknown };
    try {
      input = JSON.parse(body) as typeof input;
    } catch {
      return answer(400, { errors: [{ errorType: "BadRequestException", message: "Body is not valid JSON." }] });
    }
    const segments = parseChannel(input.channel, { wildcard: false });
    if (typeof segments === "string") return answer(400, { errors: [{ errorType: "BadRequestException", message: segments }] });
    const events = input.events;
    if (!Array.isArray(events) || events.length === 0 || events.length > 5 || events.some((e) => typeof e !== "string")) {
      return answer(400, { errors: [{ errorType: "BadRequestException", message: "events must hold 1 to 5 JSON strings." }] });
    }
    this.publish(input.channel as string, events as string[]);
    answer(200, { failed: [], successful: events.map((_, index) => ({ identifier: `${Date.now()}-${index}`, index })) });
  }

  /** Closes every connection now (code 1006-like: no close frame is awaited), as a network drop would. */
  drop(): number {
    const count = this.connections.size;
    for (const connection of [...this.connections]) {
      connection.socket.terminate();
      this.forget(connection);
    }
    return count;
  }

  status() {
    return {
      settings: this.settings,
      connections: this.connections.size,
      subscriptions: [...this.connections].flatMap((c) => [...c.subscriptions.values()]),
      published: this.published,
      delivered: this.delivered,
    };
  }

  /** Back to the defaults, counters cleared (tests call it between runs). */
  reset(): void {
    this.settings = { ...DEFAULT_EVENTS_SETTINGS };
    this.published = 0;
    this.delivered = 0;
  }

  close(): void {
    this.drop();
    this.wss.close();
  }
}

const NUMBER_SETTINGS: Record<string, [number, number]> = { keepAliveMs: [50, 600_000], connectionTimeoutMs: [100, 3_600_000], delayMs: [0, 600_000] };
const BOOLEAN_SETTINGS = ["duplicate", "unauthorized", "silent", "refuse"];

/** A control request's settings, every one checked before any applies; a string says what is wrong. */
export function parseEventsSettings(body: Record<string, unknown>): Partial<EventsSettings> | string {
  const settings: Record<string, number | boolean> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name in NUMBER_SETTINGS) {
      const [min, max] = NUMBER_SETTINGS[name];
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) return `${name} must be an integer from ${min} to ${max}.`;
      settings[name] = value;
    } else if (BOOLEAN_SETTINGS.includes(name)) {
      if (typeof value !== "boolean") return `${name} must be a boolean.`;
      settings[name] = value;
    } else if (name !== "drop" && name !== "reset") {
      return `Unknown setting '${name}' (expected ${[...Object.keys(NUMBER_SETTINGS), ...BOOLEAN_SETTINGS, "drop", "reset"].join(", ")}).`;
    }
  }
  return settings as Partial<EventsSettings>;
}

import type { SignatureV4 } from "@smithy/signature-v4";
import { reconnectDelayMs, type LiveSignal, type PauseReason } from "../../core/live/connection";

/*
 * A subscriber of an AWS AppSync Events API over its real-time WebSocket, IAM-signed. Hand-written rather than
 * aws-amplify's `events` (aws-amplify/data): that pulls in Amplify's configuration, its own auth and credential
 * chain (we have ours: identity pool, assumed roles, sign-in) and the GraphQL client, tens of kB gzip for what
 * is ~200 lines here on the SDK's own signer, and it hides the connection state we must show and act on.
 * The protocol, as AWS documents it ("Understanding the Event API WebSocket protocol"):
 *   connect   subprotocols `aws-appsync-event-ws` and `header-<base64url(signed headers of POST /event "{}")>`
 *   →         {type: "connection_init"}            ← {type: "connection_ack", connectionTimeoutMs}
 *   ←         {type: "ka"} every minute or so; silence past connectionTimeoutMs means the connection is gone
 *   →         {type: "subscribe", id, channel, authorization: signed headers of POST /event {"channel": …}}
 *   ←         subscribe_success | subscribe_error {errors}; then {type: "data", id, event: "<json>"}
 *   →         {type: "unsubscribe", id}             ← unsubscribe_success | unsubscribe_error
 */

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AppSyncSocketOptions {
  /** The SDK's signer class (handed in, see LiveKit in ./live-updates). */
  SignatureV4: typeof SignatureV4;
  /** https://ID.appsync-api.REGION.amazonaws.com/event: what requests are signed for. */
  httpEndpoint: string;
  /** wss://ID.appsync-realtime-api.REGION.amazonaws.com/event/realtime */
  realtimeEndpoint: string;
  region: string;
  credentials: () => Promise<Credentials>;
  /** The SDK client's SHA-256 constructor (`client.config.sha256`). */
  sha256: ConstructorParameters<typeof SignatureV4>[0]["sha256"];
  /** A data message of a subscribed channel; `event` is the published JSON string. */
  onData(channel: string, event: unknown): void;
  onSignal(signal: LiveSignal): void;
  /** Tests give a fake; the browser's otherwise. */
  WebSocket?: typeof WebSocket;
  random?: () => number;
}

const PROTOCOL = "aws-appsync-event-ws";
const DEFAULT_TIMEOUT_MS = 300_000;

const base64Url = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

type Message = { type?: string; id?: string; event?: unknown; connectionTimeoutMs?: number; errors?: { errorType?: string }[] };

export class AppSyncSocket {
  private socket: WebSocket | undefined;
  private readonly wanted = new Set<string>();
  /** Subscriptions sent on this socket: id → channel (acknowledged or not). */
  private readonly subscriptions = new Map<string, string>();
  private readonly acknowledged = new Set<string>();
  private ready = false;
  private attempts = 0;
  private stopped = false;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private timeoutMs = DEFAULT_TIMEOUT_MS;
  private nextId = 0;

  constructor(private readonly options: AppSyncSocketOptions) {}

  /** The channels to be subscribed to; subscribes and unsubscribes the difference on the open socket. */
  setChannels(channels: Iterable<string>): void {
    const next = new Set(channels);
    this.wanted.clear();
    for (const channel of next) this.wanted.add(channel);
    if (!this.ready) return;
    for (const [id, channel] of [...this.subscriptions]) {
      if (next.has(channel)) continue;
      this.send({ type: "unsubscribe", id });
      this.subscriptions.delete(id);
      this.acknowledged.delete(id);
    }
    const have = new Set(this.subscriptions.values());
    for (const channel of next) if (!have.has(channel)) void this.subscribe(channel);
    this.reportIfSubscribed();
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    clearTimeout(this.watchdog);
    this.socket?.close(1000);
    this.socket = undefined;
  }

  private async signedHeaders(body: string): Promise<Record<string, string>> {
    const url = new URL(this.options.httpEndpoint);
    const signer = new this.options.SignatureV4({ service: "appsync", region: this.options.region, sha256: this.options.sha256, credentials: await this.options.credentials() });
    const signed = await signer.sign({
      method: "POST",
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      headers: { accept: "application/json, text/javascript", "content-encoding": "amz-1.0", "content-type": "application/json; charset=UTF-8", host: url.host },
      body,
    });
    return signed.headers as Record<string, string>;
  }

  private async connect(): Promise<void> {
    this.options.onSignal({ type: "connecting" });
    let header: string;
    try {
      header = base64Url(JSON.stringify(await this.signedHeaders("{}")));
    } catch {
      return this.fail("unauthorized");
    }
    if (this.stopped) return;
    const Socket = this.options.WebSocket ?? WebSocket;
    const socket = new Socket(this.options.realtimeEndpoint, [PROTOCOL, `header-${header}`]);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.send({ type: "connection_init" });
      this.armWatchdog();
    };
    socket.onmessage = (message) => {
      if (socket !== this.socket) return;
      this.armWatchdog();
      this.onMessage(typeof message.data === "string" ? message.data : "");
    };
    socket.onclose = () => {
      if (socket === this.socket) this.fail(opened ? "dropped" : "unreachable");
    };
  }

  private onMessage(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return;
    }
    switch (message.type) {
      case "connection_ack":
        this.timeoutMs = typeof message.connectionTimeoutMs === "number" && message.connectionTimeoutMs > 0 ? message.connectionTimeoutMs : DEFAULT_TIMEOUT_MS;
        this.armWatchdog();
        this.ready = true;
        this.subscriptions.clear();
        this.acknowledged.clear();
        for (const channel of this.wanted) void this.subscribe(channel);
        this.reportIfSubscribed();
        return;
      case "connection_error":
        return this.fail("unauthorized");
      case "subscribe_success":
        if (message.id && this.subscriptions.has(message.id)) this.acknowledged.add(message.id);
        return this.reportIfSubscribed();
      case "subscribe_error": {
        const unauthorized = message.errors?.some((e) => e.errorType === "UnauthorizedException");
        return this.fail(unauthorized ? "unauthorized" : "subscription refused");
      }
      case "data": {
        const channel = message.id ? this.subscriptions.get(message.id) : undefined;
        if (channel) this.options.onData(channel, message.event);
        return;
      }
      default:
        // ka (the watchdog is already re-armed), unsubscribe answers, errors about messages we never send.
        return;
    }
  }

  private async subscribe(channel: string): Promise<void> {
    const id = `sub-${++this.nextId}-${Math.floor((this.options.random ?? Math.random)() * 1e9)}`;
    this.subscriptions.set(id, channel);
    let authorization: Record<string, string>;
    try {
      authorization = await this.signedHeaders(JSON.stringify({ channel }));
    } catch {
      return this.fail("unauthorized");
    }
    if (this.subscriptions.get(id) === channel) this.send({ type: "subscribe", id, channel, authorization });
  }

  /** Live once every wanted channel is acknowledged on an acknowledged connection. */
  private reportIfSubscribed(): void {
    if (!this.ready) return;
    const acknowledged = new Set([...this.acknowledged].map((id) => this.subscriptions.get(id)));
    if ([...this.wanted].every((channel) => acknowledged.has(channel))) {
      this.attempts = 0;
      this.options.onSignal({ type: "subscribed" });
    }
  }

  private send(message: unknown): void {
    if (this.socket?.readyState === 1) this.socket.send(JSON.stringify(message));
  }

  private armWatchdog(): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.fail("keep-alive timeout"), this.timeoutMs);
  }

  /** Polling takes over at once (the signal), the socket goes, and a reconnect is scheduled with backoff. */
  private fail(reason: PauseReason): void {
    const socket = this.socket;
    this.socket = undefined;
    this.ready = false;
    clearTimeout(this.watchdog);
    socket?.close();
    if (this.stopped) return;
    this.attempts++;
    this.options.onSignal({ type: "failed", reason });
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), reconnectDelayMs(this.attempts, reason, this.options.random));
  }
}

import http from "node:http";
import { randomUUID } from "node:crypto";
import { BUILT_IN_KEYS, KeyStore, type StaticKey } from "./auth/keys";
import { COGNITO_TARGET_PREFIX, handleCognito, IdentityService } from "./cognito/identity";
import { BUILT_IN_POOLS, type IdentityPoolConfig } from "./cognito/pools";
import { handleLogin } from "./cognito/login";
import { TestLoginProvider } from "./cognito/login-grants";
import { LOGIN_PATH } from "./cognito/login-token";
import { EventsService, PUBLISH_PATH } from "./appsync/realtime";
import { trimEvent } from "./appsync/rule";
import { EventLog } from "./control/event-log";
import { Faults, type FaultSettings } from "./control/faults";
import { RequestLog } from "./control/request-log";
import { CONTROL_PREFIX, handleControl } from "./control/routes";
import { EMPTY_SCENARIO } from "./control/scenarios";
import { createEmulatorCore, type EmulatorCore, type EmulatorCoreOptions } from "./engine/core";
import { InternalFailure, UnknownOperationException } from "./errors";
import {
  answerPreflight,
  ClientGoneError,
  closeAfterAnswer,
  MAX_BODY_BYTES,
  MAX_CONTROL_BODY_BYTES,
  readBody,
  RequestEntityTooLargeException,
  sendJson,
  splitTarget,
} from "./http/http";
import { handleJsonCall } from "./protocol/json-service";
import { serviceFor } from "./protocol/services";
import { sendAwsError } from "./protocol/wire";
import type { Scenario } from "./scenario/types";
import { isFormContentType } from "./sts/query-protocol";
import { BUILT_IN_ROLES, type RoleConfig } from "./sts/roles";
import { handleSts } from "./sts/service";

export interface EmulatorServerOptions extends EmulatorCoreOptions {
  /** The world on start (default: empty). */
  scenario?: Scenario;
  /** Access keys accepted besides the built-in `test`/`test` and `readonly`/`readonly`. */
  keys?: StaticKey[];
  /** Cognito identity pools besides the two built-in ones. */
  identityPools?: IdentityPoolConfig[];
  /** IAM roles STS AssumeRole hands out besides the built-in ones (see sts/roles.ts). */
  roles?: RoleConfig[];
  /** Lifetime of Cognito-issued credentials (default 3600 s); also caps AssumeRole sessions. */
  credentialLifetimeSeconds?: number;
  /** Lifetime of id and access tokens from the local login provider `/_emulator/oauth2` (default 3600 s). */
  loginTokenLifetimeSeconds?: number;
  /** Lifetime of its authorization codes (default 60 s). */
  loginCodeLifetimeSeconds?: number;
  faults?: Partial<FaultSettings>;
  /** Seed of the fault generator (default 1), so fault runs repeat. */
  faultSeed?: number;
  /** Where unexpected errors are reported (default console.error). */
  log?: (line: string) => void;
}

export interface EmulatorServer {
  server: http.Server;
  core: EmulatorCore;
  keys: KeyStore;
  faults: Faults;
  requests: RequestLog;
  identity: IdentityService;
  /** The local OpenID Connect provider (`login.emulator.local`): its settings, grants and signing key. */
  login: TestLoginProvider;
  /** The AppSync Events API live updates subscribe to (`/event/realtime`, `POST /event`). */
  events: EventsService;
  /** Stop listening, drop open connections and stop the core's timers. */
  close(): Promise<void>;
}

/** Build an emulator: nothing listens and nothing global changes until the caller calls `server.listen`. */
export function createServer(options: EmulatorServerOptions = {}): EmulatorServer {
  const log = options.log ?? ((line: string) => console.error(line));
  const core = createEmulatorCore({ clock: options.clock, speed: options.speed, startTime: options.startTime });
  core.loadScenario(options.scenario ?? EMPTY_SCENARIO);
  const keys = new KeyStore([...BUILT_IN_KEYS, ...(options.keys ?? [])], options.credentialLifetimeSeconds ?? 3600);
  const faults = new Faults(options.faults, options.faultSeed);
  const requests = new RequestLog();
  const login = new TestLoginProvider(options.loginTokenLifetimeSeconds, options.loginCodeLifetimeSeconds);
  const identity = new IdentityService([...BUILT_IN_POOLS, ...(options.identityPools ?? [])], keys, login.keys);
  const roles = [...BUILT_IN_ROLES, ...(options.roles ?? [])];
  const events = new EventsService(keys, () => core.clock.now().getTime());
  const eventLog = new EventLog();
  // The dashboard's EventBridge rule: every CodePipeline event, trimmed, to its account and region's channel.
  core.onStateEvent((event) => {
    eventLog.record(event);
    const { channel, payload } = trimEvent(event);
    events.publish(channel, [JSON.stringify(payload)]);
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method === "OPTIONS") {
      answerPreflight(req, res);
      return;
    }
    const { path } = splitTarget(req.url);
    const isLogin = path.startsWith(`${LOGIN_PATH}/`);
    const isControl = !isLogin && path.startsWith(CONTROL_PREFIX);
    const body = await readBody(req, isControl ? MAX_CONTROL_BODY_BYTES : MAX_BODY_BYTES);
    if (isLogin) {
      await handleLogin(req, res, body, login);
      return;
    }
    if (isControl) {
      handleControl(req, res, body, { core, keys, faults, requests, login, events, eventLog }, log);
      return;
    }
    const target = String(req.headers["x-amz-target"] ?? "");
    const dot = target.lastIndexOf(".");
    const [prefix, operation] = dot < 0 ? ["", target] : [target.slice(0, dot), target.slice(dot + 1)];
    const service = serviceFor(prefix);
    if (req.method === "POST" && service) {
      await handleJsonCall(req, res, service, operation, body, { engine: core.engine, keys, faults, requests, log });
      return;
    }
    // STS speaks the Query protocol: no X-Amz-Target, a form-encoded body naming the Action.
    if (req.method === "POST" && !target && isFormContentType(req.headers["content-type"])) {
      await handleSts(req, res, body, { keys, roles, requests, simulatedNow: () => core.clock.now().getTime() });
      return;
    }
    if (req.method === "POST" && prefix === COGNITO_TARGET_PREFIX) {
      await handleCognito(req, res, operation, body, identity);
      return;
    }
    if (req.method === "POST" && path === PUBLISH_PATH) {
      events.handlePublish(req, res, body);
      return;
    }
    if (req.method === "GET" && path === "/") {
      sendJson(req, res, 200, JSON.stringify({ service: "codepipeline-emulator", control: `${CONTROL_PREFIX}health` }), {
        "Content-Type": "application/json",
      });
      return;
    }
    const problem =
      req.method !== "POST" ? `Method ${req.method} is not supported: AWS JSON 1.1 calls are POST / with an X-Amz-Target header.`
      : target ? `Unknown operation ${target}`
      : "Missing X-Amz-Target header.";
    sendAwsError(req, res, randomUUID(), new UnknownOperationException(problem));
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const requestId = randomUUID();
      if (error instanceof ClientGoneError) {
        req.socket.destroy();
        return;
      }
      if (error instanceof RequestEntityTooLargeException) {
        res.setHeader("Connection", "close");
        sendAwsError(req, res, requestId, error);
        closeAfterAnswer(req);
        return;
      }
      log(`InternalFailure on ${req.method} ${req.url} (request ${requestId}): ${error instanceof Error ? error.stack : String(error)}`);
      sendAwsError(req, res, requestId, new InternalFailure("The request processing has failed because of an unknown error, exception or failure."));
    });
  });
  // Node closes idle keep-alive connections after 5 s; a client that reuses one just as it closes gets
  // ECONNRESET (the SDK reports it as TimeoutError). Load runs saw that; AWS endpoints and load
  // balancers keep idle connections about a minute, so do the same (headersTimeout must be longer).
  server.on("upgrade", (req, socket, head) => {
    if (!events.handleUpgrade(req, socket, head)) socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Requests Node's HTTP parser refuses (garbage, oversized headers, bad framing) still get an AWS-shaped answer.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    const headersTooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const [status, reason, type] = headersTooLarge
      ? [431, "Request Header Fields Too Large", "RequestHeaderFieldsTooLargeException"]
      : [400, "Bad Request", "SerializationException"];
    const body = JSON.stringify({ __type: type, message: `Malformed HTTP request (${error.code ?? "parse error"}).` });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-RequestId: ${randomUUID()}\r\n` +
        `x-amzn-ErrorType: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  return {
    server,
    core,
    keys,
    faults,
    requests,
    identity,
    login,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        core.close();
        events.close();
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

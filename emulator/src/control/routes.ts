import type { IncomingMessage, ServerResponse } from "node:http";
import type { KeyStore } from "../auth/keys";
import { isActionPattern } from "../auth/permissions";
import { MAX_LOGIN_CODE_LIFETIME_SECONDS, MAX_LOGIN_TOKEN_LIFETIME_SECONDS, type TestLoginProvider } from "../cognito/login-grants";
import type { EmulatorCore } from "../engine/core";
import { WebhookAuthenticationError } from "../engine/webhooks";
import { AwsError, PipelineNotFoundException, WebhookNotFoundException } from "../errors";
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from "../scenario/accounts";
import { sendJson, splitTarget } from "../http/http";
import { parseFaultSettings, type Faults } from "./faults";
import type { RequestLog } from "./request-log";
import { resolveScenario } from "./scenarios";

export const CONTROL_PREFIX = "/_emulator/";

export interface ControlDeps {
  core: EmulatorCore;
  keys: KeyStore;
  faults: Faults;
  requests: RequestLog;
  login: TestLoginProvider;
}

/** A control request the caller got wrong: answered 400 `{error}`. */
class BadControlRequest extends Error {}

type Route = (body: unknown, deps: ControlDeps) => unknown;

function clockOf(core: EmulatorCore) {
  const now = core.clock.now();
  return { now: now.toISOString(), epochSeconds: now.getTime() / 1000, mode: core.clock.mode, speed: core.clock.speed };
}

function orFail<T>(value: T | string): T {
  if (typeof value === "string") throw new BadControlRequest(value);
  return value;
}

const MAX_ADVANCE_MS = 366 * 24 * 3600 * 1000;

function advanceMs(body: unknown): number {
  const input = (typeof body === "object" && body !== null ? body : {}) as { seconds?: unknown; ms?: unknown };
  const ms = typeof input.ms === "number" ? input.ms : typeof input.seconds === "number" ? input.seconds * 1000 : NaN;
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
    throw new BadControlRequest("Body must be {\"seconds\": N} or {\"ms\": N} with 0 <= N and at most a year.");
  }
  return ms;
}

function integerSetting(body: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) throw new BadControlRequest(`${name} must be an integer from ${min} to ${max}.`);
  return value;
}

function booleanSetting(body: Record<string, unknown>, name: string): boolean {
  const value = body[name];
  if (value !== undefined && typeof value !== "boolean") throw new BadControlRequest(`${name} must be a boolean.`);
  return value === true;
}

const CREDENTIAL_SETTINGS = ["lifetimeSeconds", "loginTokenLifetimeSeconds", "loginCodeLifetimeSeconds", "revokeAll", "revokeLoginSessions"];

function credentialsUpdate(body: unknown, deps: ControlDeps) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new BadControlRequest("Body must be a JSON object.");
  const settings = body as Record<string, unknown>;
  const unknown = Object.keys(settings).find((key) => !CREDENTIAL_SETTINGS.includes(key));
  if (unknown) throw new BadControlRequest(`Unknown setting '${unknown}' (expected ${CREDENTIAL_SETTINGS.join(", ")}).`);
  // Every setting is checked before any is applied, so a bad request changes nothing.
  const lifetimeSeconds = integerSetting(settings, "lifetimeSeconds", 1, 43200);
  const loginTokenLifetimeSeconds = integerSetting(settings, "loginTokenLifetimeSeconds", 1, MAX_LOGIN_TOKEN_LIFETIME_SECONDS);
  const loginCodeLifetimeSeconds = integerSetting(settings, "loginCodeLifetimeSeconds", 0, MAX_LOGIN_CODE_LIFETIME_SECONDS);
  const revokeAll = booleanSetting(settings, "revokeAll");
  const revokeLoginSessions = booleanSetting(settings, "revokeLoginSessions");
  if (lifetimeSeconds !== undefined) deps.keys.lifetimeSeconds = lifetimeSeconds;
  if (loginTokenLifetimeSeconds !== undefined) deps.login.tokenLifetimeSeconds = loginTokenLifetimeSeconds;
  if (loginCodeLifetimeSeconds !== undefined) deps.login.codeLifetimeSeconds = loginCodeLifetimeSeconds;
  return {
    lifetimeSeconds: deps.keys.lifetimeSeconds,
    loginTokenLifetimeSeconds: deps.login.tokenLifetimeSeconds,
    loginCodeLifetimeSeconds: deps.login.codeLifetimeSeconds,
    revoked: revokeAll ? deps.keys.revokeAllTemporary() : 0,
    revokedLoginSessions: revokeLoginSessions ? deps.login.revokeAllSessions() : 0,
  };
}

/** `{"accessKeyId": "readonly", "deny": ["logs:*"]}`: what that key may no longer do (`[]` gives it back). */
function permissionsUpdate(body: unknown, deps: ControlDeps) {
  const { accessKeyId, deny, ...rest } = (typeof body === "object" && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new BadControlRequest(`Unknown setting '${Object.keys(rest)[0]}' (expected accessKeyId, deny).`);
  if (typeof accessKeyId !== "string") throw new BadControlRequest("accessKeyId must be the access key to change.");
  if (!Array.isArray(deny) || !deny.every(isActionPattern)) {
    throw new BadControlRequest('deny must be a list of IAM actions, e.g. ["logs:GetLogEvents", "codebuild:*"].');
  }
  if (!deps.keys.setDeny(accessKeyId, deny)) throw new BadControlRequest(`No access key '${accessKeyId}'.`);
  return { accessKeyId, deny };
}

const ROUTES: Record<string, Route> = {
  "GET health": (_b, { core }) => ({ status: "ok", clock: clockOf(core) }),
  "POST reset": (_b, { core }) => {
    core.reset();
    return { ok: true };
  },
  "POST scenario": (body, { core }) => {
    const scenario = orFail(resolveScenario(body));
    try {
      core.loadScenario(scenario);
    } catch (error) {
      throw new BadControlRequest(`Scenario rejected: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { ok: true, pipelines: scenario.pipelines.length };
  },
  "POST advance": (body, { core }) => {
    core.advance(advanceMs(body));
    return clockOf(core);
  },
  "GET clock": (_b, { core }) => clockOf(core),
  "GET metrics": () => {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    return {
      uptimeSeconds: Math.round(process.uptime()),
      cpuUserMs: Math.round(cpu.user / 1000),
      cpuSystemMs: Math.round(cpu.system / 1000),
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      externalBytes: memory.external,
    };
  },
  "GET faults": (_b, { faults }) => faults.settings,
  "POST faults": (body, { faults }) => faults.update(orFail(parseFaultSettings(body))),
  "GET requests": (_b, { requests }) => requests.counts(),
  "POST requests/reset": (_b, { requests }) => {
    requests.reset();
    return requests.counts();
  },
  "POST credentials": credentialsUpdate,
  "POST permissions": permissionsUpdate,
};

function parseControlBody(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadControlRequest("Body is not valid JSON.");
  }
}

const WEBHOOK_PATH = /^webhooks\/([A-Za-z0-9.@\-_]{1,100})$/;

/**
 * `POST /_emulator/webhooks/NAME[?account=…&region=…]`: what a repository host's POST to the webhook's
 * URL does on AWS. The body is the payload the filters read; GitHub's `X-Hub-Signature-256` (or
 * `X-Hub-Signature`) header is checked for GITHUB_HMAC webhooks, the caller's address for IP ones.
 */
function callWebhook(req: IncomingMessage, name: string, body: string, core: EmulatorCore): [number, unknown] {
  const { query } = splitTarget(req.url);
  const scope = { accountId: query.get("account") ?? DEFAULT_ACCOUNT_ID, region: query.get("region") ?? DEFAULT_REGION };
  const header = (n: string) => (typeof req.headers[n] === "string" ? (req.headers[n] as string) : undefined);
  try {
    const outcome = core.triggerWebhook(scope, name, {
      body,
      signatures: { sha256: header("x-hub-signature-256"), sha1: header("x-hub-signature") },
      sourceIp: req.socket.remoteAddress ?? "",
    });
    return [200, outcome];
  } catch (error) {
    if (error instanceof WebhookAuthenticationError) return [401, { error: error.message }];
    if (error instanceof WebhookNotFoundException || error instanceof PipelineNotFoundException) return [404, { error: error.message }];
    if (error instanceof AwsError) return [400, { error: `${error.name}: ${error.message}` }];
    throw error;
  }
}

/** `/_emulator/*`: JSON in and out, no auth, never faulted. */
export function handleControl(req: IncomingMessage, res: ServerResponse, bodyText: string, deps: ControlDeps, log: (line: string) => void): void {
  const path = splitTarget(req.url).path.slice(CONTROL_PREFIX.length).replace(/\/$/, "");
  const reply = (status: number, value: unknown) =>
    sendJson(req, res, status, JSON.stringify(value), { "Content-Type": "application/json" });
  const webhook = WEBHOOK_PATH.exec(path);
  if (webhook && req.method === "POST") {
    reply(...callWebhook(req, webhook[1], bodyText, deps.core));
    return;
  }
  const route = ROUTES[`${req.method} ${path}`];
  if (!route) {
    const known = Object.keys(ROUTES).some((r) => r.endsWith(` ${path}`));
    reply(known ? 405 : 404, { error: known ? `Method ${req.method} not allowed on ${CONTROL_PREFIX}${path}.` : `No control endpoint ${CONTROL_PREFIX}${path}.` });
    return;
  }
  try {
    reply(200, route(parseControlBody(bodyText), deps));
  } catch (error) {
    if (error instanceof BadControlRequest) {
      reply(400, { error: error.message });
    } else {
      log(`Control ${req.method} ${path} failed: ${error instanceof Error ? error.stack : String(error)}`);
      reply(500, { error: error instanceof Error ? error.message : String(error) });
    }
  }
}

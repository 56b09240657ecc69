import { describe, expect, it } from "vitest";
import { parseConfig } from "./load-config";
import { EXAMPLE_CONFIGS, isLocalEndpoint } from "./schema";
import shipped from "../../public/config.json";

const URL_ = "http://localhost/config.json";
const valid = {
  region: "us-east-1",
  endpoint: "http://127.0.0.1:4599",
  credentials: { type: "cognito", identityPoolId: "us-east-1:0000aaaa-0000-4000-8000-000000000001" },
};

function details(raw: unknown): string[] {
  const result = parseConfig(raw, URL_);
  if (result.ok) throw new Error("expected the config to be refused");
  return result.problem.details;
}

describe("config validation", () => {
  it("accepts the shipped config and both examples", () => {
    expect(parseConfig(shipped, URL_).ok).toBe(true);
    expect(parseConfig(EXAMPLE_CONFIGS.emulator, URL_).ok).toBe(true);
    expect(parseConfig(EXAMPLE_CONFIGS.aws, URL_).ok).toBe(true);
  });

  it("fills polling defaults", () => {
    const result = parseConfig(valid, URL_);
    expect(result.ok && result.config.polling).toEqual({
      activeSeconds: 5,
      idleSeconds: 30,
      listSeconds: 60,
      offscreenSeconds: 300,
      maxConcurrentRequests: 4,
    });
  });

  it("names unknown keys", () => {
    expect(details({ ...valid, regoin: "x" })).toEqual(['(top level): unknown key "regoin"']);
    expect(details({ ...valid, polling: { activeSecs: 3 } })).toEqual(['polling: unknown key "activeSecs"']);
  });

  it("says which field is missing or malformed", () => {
    expect(details({ credentials: valid.credentials })).toEqual(["region: is required"]);
    expect(details({ ...valid, credentials: { type: "cognito" } })).toEqual(["credentials.identityPoolId: is required"]);
    expect(details({ ...valid, readOnly: "yes" })).toEqual(['readOnly: Invalid type: Expected boolean but received "yes"']);
    expect(details({ ...valid, region: "Virginia" })).toEqual(["region: region looks like us-east-1"]);
    expect(details({ ...valid, endpoint: "javascript:alert(1)" })[0]).toMatch(/^endpoint: endpoint must be an http\(s\) URL/);
  });

  it("refuses static keys unless the endpoint is local", () => {
    const keys = { type: "static", accessKeyId: "test", secretAccessKey: "test" };
    expect(parseConfig({ ...valid, credentials: keys }, URL_).ok).toBe(true);
    expect(parseConfig({ ...valid, endpoint: "http://[::1]:4599", credentials: keys }, URL_).ok).toBe(true);
    expect(details({ region: "us-east-1", credentials: keys })[0]).toMatch(/^credentials: Static keys are only allowed/);
    expect(details({ ...valid, endpoint: "https://codepipeline.example.com", credentials: keys })[0]).toMatch(
      /Static keys/,
    );
  });

  it("lists every problem at once, cross-field ones included, whatever else is wrong", () => {
    const keys = { type: "static", accessKeyId: "a", secretAccessKey: "b" };
    expect(details({ region: "Virginia", credentials: keys, pollingg: {}, polling: { activeSeconds: 9, idleSeconds: 3 } })).toEqual([
      "region: region looks like us-east-1",
      '(top level): unknown key "pollingg"',
      expect.stringMatching(/^credentials: Static keys are only allowed with a local endpoint/),
      "polling.idleSeconds: polling.idleSeconds must not be shorter than polling.activeSeconds",
    ]);
    expect(details("region: us-east-1")).toEqual(['(top level): Invalid type: Expected Object but received "region: us-east-1"']);
  });

  it("refuses an unknown credentials type with the accepted ones", () => {
    expect(details({ ...valid, credentials: { type: "profile" } })).toEqual([
      'credentials.type: must be "cognito" (an identity pool) or "static" (keys, local endpoints only)',
    ]);
  });

  it("checks the login block: an https issuer (http only on this machine), a client, openid in the scope", () => {
    const login = { provider: "login.emulator.local", authority: "http://127.0.0.1:4599/_emulator/oauth2", clientId: "dashboard" };
    const result = parseConfig({ ...valid, credentials: { ...valid.credentials, login } }, URL_);
    expect(result.ok && result.config.credentials.type === "cognito" && result.config.credentials.login).toEqual({ ...login, scope: "openid" });
    const withLogin = (changes: object) => details({ ...valid, credentials: { ...valid.credentials, login: { ...login, ...changes } } });
    expect(withLogin({ authority: "http://login.example.com" })).toEqual(["credentials.login.authority: authority must be an https URL (http only on localhost)"]);
    expect(withLogin({ authority: "not a url" })).toEqual(["credentials.login.authority: authority must be an https URL (http only on localhost)"]);
    expect(withLogin({ scope: "email profile" })).toEqual(['credentials.login.scope: scope must include "openid"']);
    expect(withLogin({ metadata: { token_endpoint: "http://tokens.example.com/token" } })).toEqual([
      "credentials.login.metadata.token_endpoint: token_endpoint must be an https URL (http only on localhost)",
    ]);
    expect(withLogin({ authorizeUrl: "https://x.example.com" })).toEqual(['credentials.login: unknown key "authorizeUrl"']);
  });

  it("signs a page in once: a source's login must be the top-level one", () => {
    const login = { provider: "p", authority: "https://login.example.com", clientId: "dashboard" };
    const top = { ...valid, credentials: { ...valid.credentials, login } };
    const source = (sourceLogin: object) => ({ id: "eu", label: "EU", region: "eu-west-1", credentials: { ...valid.credentials, login: sourceLogin } });
    expect(parseConfig({ ...top, sources: [source(login)] }, URL_).ok).toBe(true);
    expect(details({ ...top, sources: [source({ ...login, clientId: "other" })] })).toEqual([
      "sources.0.credentials.login: A page signs in once: a source's login must name the top-level login's authority and clientId (or be left out).",
    ]);
  });

  it("takes an optional events block: wss endpoints (ws only on this machine), a 12-digit account, a safety interval", () => {
    const events = { httpEndpoint: "https://abc.appsync-api.us-east-1.amazonaws.com/event", realtimeEndpoint: "wss://abc.appsync-realtime-api.us-east-1.amazonaws.com/event/realtime", accountId: "123456789012" };
    const result = parseConfig({ ...valid, events }, URL_);
    expect(result.ok && result.config.events).toEqual({ ...events, safetyIntervalSeconds: 60 });
    expect(parseConfig(valid, URL_).ok && (parseConfig(valid, URL_) as { config: { events?: unknown } }).config.events).toBeUndefined();
    expect(parseConfig({ ...valid, events: { ...events, realtimeEndpoint: "ws://127.0.0.1:4599/event/realtime" } }, URL_).ok).toBe(true);
    expect(details({ ...valid, events: { ...events, realtimeEndpoint: "ws://appsync.example.com/event/realtime" } })).toEqual([
      "events.realtimeEndpoint: events.realtimeEndpoint must be a wss URL (ws only on localhost)",
    ]);
    expect(details({ ...valid, events: { ...events, accountId: "12345" } })).toEqual(["events.accountId: an account id is 12 digits"]);
    expect(details({ ...valid, events: { ...events, region: "us-east-1" } })).toEqual(['events: unknown key "region"']);
    expect(details({ ...valid, events: { ...events, safetyIntervalSeconds: 1 } })[0]).toMatch(/^events.safetyIntervalSeconds:/);
  });

  it("refuses an idle interval shorter than the active one", () => {
    expect(details({ ...valid, polling: { activeSeconds: 20, idleSeconds: 10 } })).toEqual([
      "polling.idleSeconds: polling.idleSeconds must not be shorter than polling.activeSeconds",
    ]);
  });
});

describe("isLocalEndpoint", () => {
  it("knows the loopback names", () => {
    expect(isLocalEndpoint("http://localhost:4599")).toBe(true);
    expect(isLocalEndpoint("http://127.0.0.1:4599")).toBe(true);
    expect(isLocalEndpoint("http://localhost.evil.com")).toBe(false);
    expect(isLocalEndpoint(undefined)).toBe(false);
  });
});

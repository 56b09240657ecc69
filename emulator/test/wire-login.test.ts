import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { StartPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from "@aws-sdk/client-cognito-identity";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-provider-cognito-identity";
import { InMemoryWebStorage, OidcClient, WebStorageStateStore } from "oidc-client-ts";
import { READ_ONLY_POOL_ID, TEST_LOGIN_PROVIDER } from "../src/cognito/pools";
import { startEmulator, type StartedEmulator } from "./helpers";

let emu: StartedEmulator;
beforeAll(async () => (emu = await startEmulator({ loginTokenLifetimeSeconds: 900 })));
afterAll(() => emu.close());

const REDIRECT = "http://localhost:5173/dashboard/";
const issuer = () => `${emu.url}/_emulator/oauth2`;
const verifier = () => randomBytes(32).toString("base64url");
const challengeOf = (codeVerifier: string) => createHash("sha256").update(codeVerifier).digest("base64url");
const CODE_VERIFIER = verifier();
const good = {
  client_id: "dashboard",
  redirect_uri: REDIRECT,
  response_type: "code",
  state: "s-123",
  nonce: "n-456",
  scope: "openid email",
  code_challenge: challengeOf(CODE_VERIFIER),
  code_challenge_method: "S256",
};
const authorizeUrl = (params: Record<string, string>) => `${issuer()}/authorize?${new URLSearchParams(params)}`;

/** Submit the page's form as a browser would: its hidden fields plus what the user typed. */
async function submit(fields: Record<string, string>, request: Record<string, string> = good) {
  const page = await (await fetch(authorizeUrl(request))).text();
  const form: Record<string, string> = {};
  for (const [, name, value] of page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) form[name] = value.replace(/&#38;/g, "&");
  return fetch(`${issuer()}/authorize`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...form, action: "signin", ...fields }),
    redirect: "manual",
  });
}

function queryOf(response: Response): URLSearchParams {
  return new URL(response.headers.get("location") ?? "http://invalid/").searchParams;
}

async function codeFor(username = "alice", email = "alice@example.com"): Promise<string> {
  return queryOf(await submit({ username, email })).get("code")!;
}

function postForm(path: string, values: Record<string, string>) {
  return fetch(`${issuer()}${path}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(values) });
}

const exchange = (code: string, overrides: Record<string, string> = {}) =>
  postForm("/token", { grant_type: "authorization_code", code, client_id: "dashboard", redirect_uri: REDIRECT, code_verifier: CODE_VERIFIER, ...overrides });

const refresh = (refreshToken: string, clientId = "dashboard") => postForm("/token", { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId });

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8")) as Record<string, unknown>;
}

const setCredentials = (settings: Record<string, unknown>) => fetch(`${emu.url}/_emulator/credentials`, { method: "POST", body: JSON.stringify(settings) });

describe("local OpenID Connect provider (login.emulator.local): discovery and keys", () => {
  it("publishes a discovery document for the code flow with PKCE, named after the address it was reached at", async () => {
    const response = await fetch(`${issuer()}/.well-known/openid-configuration`, { headers: { Origin: "http://localhost:5173" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(await response.json()).toMatchObject({
      issuer: issuer(),
      authorization_endpoint: `${issuer()}/authorize`,
      token_endpoint: `${issuer()}/token`,
      jwks_uri: `${issuer()}/keys`,
      end_session_endpoint: `${issuer()}/logout`,
      revocation_endpoint: `${issuer()}/revoke`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      id_token_signing_alg_values_supported: ["RS256"],
    });
    const viaLocalhost = await fetch(`http://localhost:${emu.port}/_emulator/oauth2/.well-known/openid-configuration`);
    expect(((await viaLocalhost.json()) as { issuer: string }).issuer).toBe(`http://localhost:${emu.port}/_emulator/oauth2`);
  });

  it("publishes one RS256 signing key as a JWKS, without its private parts", async () => {
    const { keys } = (await (await fetch(`${issuer()}/keys`)).json()) as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", e: "AQAB", kid: expect.any(String) });
    expect(keys[0]).not.toHaveProperty("d");
  });
});

describe("local OpenID Connect provider: authorize", () => {
  it("serves an accessible sign-in page with a prefilled, labelled username", async () => {
    const response = await fetch(authorizeUrl(good));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain("<title>Sign in to the CodePipeline emulator</title>");
    expect(html).toContain('<label for="username">Username</label>');
    expect(html).toMatch(/<input id="username" name="username" type="text" value="alice" autocomplete="username"/);
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('<button type="submit" name="action" value="signin">Sign in</button>');
    expect(html).toContain('<form method="post" action="/_emulator/oauth2/authorize"');
    expect(html).toContain(`<input type="hidden" name="code_challenge" value="${good.code_challenge}">`);
  });

  it("redirects the form submission to redirect_uri?code=…&state=…, keeping the redirect URI's own query", async () => {
    const response = await submit({ username: "alice" }, { ...good, redirect_uri: `${REDIRECT}?tab=1` });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("tab")).toBe("1");
    expect(location.searchParams.get("state")).toBe("s-123");
    expect(location.searchParams.get("code")).toMatch(/^[\w-]{43}$/);
    expect(location.hash).toBe("");
  });

  it("refuses the implicit flow, plain PKCE, no PKCE and no openid scope, back at the redirect URI as OAuth does", async () => {
    for (const [change, error, description] of [
      [{ response_type: "id_token" }, "unsupported_response_type", "response_type must be code"],
      [{ response_type: "token" }, "unsupported_response_type", "response_type must be code"],
      [{ code_challenge_method: "plain" }, "invalid_request", "code_challenge_method must be S256 (got 'plain')"],
      [{ code_challenge: "", code_challenge_method: "" }, "invalid_request", "code_challenge is required"],
      [{ code_challenge: "short" }, "invalid_request", "43-character base64url"],
      [{ scope: "email" }, "invalid_scope", "scope must include openid"],
    ] as const) {
      const params = Object.fromEntries(Object.entries({ ...good, ...change }).filter(([, value]) => value !== ""));
      const response = await fetch(authorizeUrl(params), { redirect: "manual" });
      expect(response.status, JSON.stringify(change)).toBe(303);
      expect(Object.fromEntries(queryOf(response))).toMatchObject({ error, error_description: expect.stringContaining(description), state: "s-123" });
    }
    const cancelled = await submit({ action: "cancel" });
    expect(Object.fromEntries(queryOf(cancelled))).toMatchObject({ error: "access_denied", state: "s-123" });
  });

  it("refuses redirect URIs off this machine with a 400 page saying why", async () => {
    for (const [redirect, why] of [
      ["https://localhost:5173/", "must use http"],
      ["http://evil.example/", "'evil.example' is not allowed"],
      ["http://localhost.evil.example/", "is not allowed"],
      ["http://localhost@evil.example/", "is not allowed"],
      ["http://user:pw@127.0.0.1/", "must not carry a user name"],
      ["http://127.0.0.1:8080/#x", "must not contain a fragment"],
      ["javascript:alert(1)", "must use http"],
      ["/relative", "not an absolute URL"],
    ]) {
      const response = await fetch(authorizeUrl({ ...good, redirect_uri: redirect }), { redirect: "manual" });
      expect(response.status, redirect).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      const html = await response.text();
      expect(html).toContain("<h1>Sign-in request refused</h1>");
      expect(html, redirect).toContain(why.replace(/'/g, "&#39;"));
    }
    for (const redirect of ["http://127.0.0.1:1/cb", "http://[::1]:65535/", "http://localhost/"]) {
      expect((await fetch(authorizeUrl({ ...good, redirect_uri: redirect }))).status, redirect).toBe(200);
    }
    const missing = await fetch(authorizeUrl({ redirect_uri: REDIRECT }));
    expect([missing.status, await missing.text()]).toEqual([400, expect.stringContaining("client_id is required.")]);
  });

  it("escapes hostile input on the page and re-asks for a bad username", async () => {
    const hostile = `"><script>alert('x')</script><img src=x onerror=alert(1)>&amp;`;
    const html = await (await fetch(authorizeUrl({ ...good, client_id: hostile, state: hostile, nonce: hostile, redirect_uri: `http://localhost:1/?q=${hostile}` }))).text();
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/value="[^"]*"[^>]*onerror/);
    expect(html).toContain("&#34;&#62;&#60;script&#62;");
    const response = await submit({ username: hostile, email: "not an email" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    const again = await response.text();
    expect(again).not.toContain("<script>");
    expect(again).toContain('aria-invalid="true"');
    expect(again).toContain("Enter a username of 1 to 64");
    expect(again).toContain("Enter an email address");
  });
});

describe("local OpenID Connect provider: token endpoint", () => {
  it("trades a code and its PKCE verifier for signed id and access tokens and a refresh token", async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await exchange(await codeFor("alice", "alice@example.com"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const tokens = (await response.json()) as Record<string, string>;
    expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 900, scope: "openid email", refresh_token: expect.stringMatching(/^[\w-]{43}$/) });
    const keys = createRemoteJWKSet(new URL(`${issuer()}/keys`));
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token, keys, { issuer: issuer(), audience: "dashboard" });
    expect(protectedHeader).toMatchObject({ alg: "RS256", typ: "JWT" });
    expect(payload).toMatchObject({ sub: "alice", email: "alice@example.com", email_verified: true, nonce: "n-456", token_use: "id" });
    expect(payload.exp! - payload.iat!).toBe(900);
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    const access = await jwtVerify(tokens.access_token, keys, { issuer: issuer() });
    expect(access.payload).toMatchObject({ sub: "alice", client_id: "dashboard", token_use: "access", scope: "openid email" });
  });

  it("refuses a wrong verifier, client or redirect URI, and never hands out tokens for that code", async () => {
    for (const [overrides, description] of [
      [{ code_verifier: verifier() }, "code_verifier does not match the code_challenge"],
      [{ client_id: "other" }, "issued to another client_id"],
      [{ redirect_uri: "http://localhost:5173/other/" }, "redirect_uri differs"],
      [{ code_verifier: "too-short" }, "code_verifier must be 43-128 characters"],
    ] as const) {
      const response = await exchange(await codeFor(), overrides);
      expect(response.status, description).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/^invalid_(grant|request)$/), error_description: expect.stringContaining(description) });
    }
    const noVerifier = await postForm("/token", { grant_type: "authorization_code", code: await codeFor(), client_id: "dashboard", redirect_uri: REDIRECT });
    expect(await noVerifier.json()).toEqual({ error: "invalid_request", error_description: "code_verifier is required." });
    const password = await postForm("/token", { grant_type: "password", client_id: "dashboard" });
    expect(((await password.json()) as { error: string }).error).toBe("unsupported_grant_type");
  });

  it("takes a code once: a replay is refused and revokes the refresh token the first use gave", async () => {
    const code = await codeFor();
    const first = (await (await exchange(code)).json()) as { refresh_token: string };
    const replay = await exchange(code);
    expect(await replay.json()).toEqual({ error: "invalid_grant", error_description: expect.stringContaining("already used") });
    expect(((await (await refresh(first.refresh_token)).json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("refuses an expired code (lifetime through the control API)", async () => {
    expect(await (await setCredentials({ loginCodeLifetimeSeconds: 0 })).json()).toMatchObject({ loginCodeLifetimeSeconds: 0 });
    try {
      const response = await exchange(await codeFor());
      expect(await response.json()).toEqual({ error: "invalid_grant", error_description: "The authorization code expired (codes last 0 s)." });
    } finally {
      await setCredentials({ loginCodeLifetimeSeconds: 60 });
    }
    expect((await setCredentials({ loginCodeLifetimeSeconds: 601 })).status).toBe(400);
  });

  it("renews with the refresh token: same subject and sign-in time, no nonce, the lifetime set through the control API", async () => {
    const tokens = (await (await exchange(await codeFor("dana"))).json()) as { id_token: string; refresh_token: string };
    expect(await (await setCredentials({ loginTokenLifetimeSeconds: 5 })).json()).toMatchObject({ loginTokenLifetimeSeconds: 5 });
    try {
      const renewed = (await (await refresh(tokens.refresh_token)).json()) as Record<string, string | number>;
      expect(renewed).toMatchObject({ expires_in: 5, token_type: "Bearer" });
      expect(renewed).not.toHaveProperty("refresh_token");
      const claims = claimsOf(renewed.id_token as string);
      expect(claims).toMatchObject({ sub: "dana", auth_time: claimsOf(tokens.id_token).auth_time, aud: "dashboard" });
      expect(claims).not.toHaveProperty("nonce");
      expect((claims.exp as number) - (claims.iat as number)).toBe(5);
    } finally {
      await setCredentials({ loginTokenLifetimeSeconds: 900 });
    }
    expect(((await (await refresh(tokens.refresh_token, "other")).json()) as { error: string }).error).toBe("invalid_grant");
    expect((await setCredentials({ loginTokenLifetimeSeconds: 0 })).status).toBe(400);
  });

  it("stops renewing after revocation, sign-out, or when the control API ends every session", async () => {
    const revoked = (await (await exchange(await codeFor())).json()) as { refresh_token: string };
    expect((await postForm("/revoke", { token: revoked.refresh_token, token_type_hint: "refresh_token", client_id: "dashboard" })).status).toBe(200);
    expect((await refresh(revoked.refresh_token)).status).toBe(400);

    const signedOut = (await (await exchange(await codeFor())).json()) as { id_token: string; refresh_token: string };
    const logout = await fetch(`${issuer()}/logout?${new URLSearchParams({ id_token_hint: signedOut.id_token, post_logout_redirect_uri: REDIRECT, state: "bye" })}`, { redirect: "manual" });
    expect([logout.status, logout.headers.get("location")]).toEqual([303, `${REDIRECT}?state=bye`]);
    expect((await refresh(signedOut.refresh_token)).status).toBe(400);
    const page = await fetch(`${issuer()}/logout`);
    expect(await page.text()).toContain("<h1>Signed out</h1>");
    const elsewhere = await fetch(`${issuer()}/logout?post_logout_redirect_uri=${encodeURIComponent("http://evil.example/")}`, { redirect: "manual" });
    expect(elsewhere.status).toBe(400);

    const other = (await (await exchange(await codeFor())).json()) as { refresh_token: string };
    expect(await (await setCredentials({ revokeLoginSessions: true })).json()).toMatchObject({ revokedLoginSessions: expect.any(Number) });
    expect((await refresh(other.refresh_token)).status).toBe(400);
  });

  it("answers other methods, paths and content types clearly", async () => {
    expect((await fetch(authorizeUrl(good), { method: "DELETE" })).status).toBe(405);
    const getToken = await fetch(`${issuer()}/token`);
    expect([getToken.status, getToken.headers.get("allow")]).toEqual([405, "POST"]);
    expect((await fetch(`${issuer()}/nothing`)).status).toBe(404);
    const json = await fetch(`${issuer()}/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect([json.status, ((await json.json()) as { error: string }).error]).toEqual([400, "invalid_request"]);
    const form = await fetch(`${issuer()}/authorize`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(form.status).toBe(415);
  });
});

describe("local OpenID Connect provider with Cognito Identity", () => {
  it("gives an id token Cognito Identity accepts as an authenticated identity named after the subject", async () => {
    const { id_token: token, access_token: accessToken } = (await (await exchange(await codeFor("dana.q@ops", ""))).json()) as Record<string, string>;
    expect(claimsOf(token)).not.toHaveProperty("email");
    const logins = { [TEST_LOGIN_PROVIDER]: token };
    const cognito = new CognitoIdentityClient({ region: "us-east-1", endpoint: emu.url, maxAttempts: 1 });
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: READ_ONLY_POOL_ID, Logins: logins }));
    const unauthenticated = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId })).catch((e: Error) => e);
    expect((unauthenticated as Error).name).toBe("NotAuthorizedException");
    const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA/);
    // Cognito takes id tokens, not access tokens.
    const withAccessToken = await cognito.send(new GetIdCommand({ IdentityPoolId: READ_ONLY_POOL_ID, Logins: { [TEST_LOGIN_PROVIDER]: accessToken } })).catch((e: Error) => e);
    expect((withAccessToken as Error).message).toBe("Invalid login token. Token is not an id token.");
    cognito.destroy();
    const client = emu.client({
      credentials: fromCognitoIdentityPool({ identityPoolId: READ_ONLY_POOL_ID, logins, clientConfig: { region: "us-east-1", endpoint: emu.url } }),
    });
    const denied = await client.send(new StartPipelineExecutionCommand({ name: "release" })).catch((e: Error) => e);
    expect((denied as Error).message).toContain("assumed-role/CodePipelineDashboardReadOnly/dana.q@ops is not authorized");
  });
});

describe("local OpenID Connect provider with oidc-client-ts, the dashboard's library", () => {
  const client = () =>
    new OidcClient({
      authority: issuer(),
      client_id: "dashboard",
      redirect_uri: REDIRECT,
      scope: "openid email",
      stateStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      loadUserInfo: false,
    });

  /** Sign in on the page the way a person does, following the library's authorize URL. */
  async function signIn(oidc: OidcClient): Promise<string> {
    const request = await oidc.createSigninRequest({ state: { returnTo: "/wall" }, nonce: "n-oidc" });
    const url = new URL(request.url);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("response_type")).toBe("code");
    const response = await submit({ username: "erin", email: "erin@example.com" }, Object.fromEntries(url.searchParams));
    return response.headers.get("location")!;
  }

  it("signs in with the code flow and PKCE, checks state and nonce, and renews with the refresh token", async () => {
    const oidc = client();
    const callback = await signIn(oidc);
    const response = await oidc.processSigninResponse(callback);
    expect(response.userState).toEqual({ returnTo: "/wall" });
    expect(response.profile).toMatchObject({ sub: "erin", email: "erin@example.com" });
    expect(response.refresh_token).toBeTruthy();
    expect(claimsOf(response.id_token!).nonce).toBe("n-oidc");
    // The state was used up: the same answer again is refused.
    await expect(oidc.processSigninResponse(callback)).rejects.toThrow("No matching state found in storage");

    const renewed = await oidc.useRefreshToken({ state: { refresh_token: response.refresh_token!, id_token: response.id_token, session_state: null, scope: response.scope, profile: response.profile, data: undefined } });
    expect(renewed.id_token).not.toBe(response.id_token);
    expect(claimsOf(renewed.id_token!).sub).toBe("erin");
  });

  it("refuses an answer whose state this client never sent", async () => {
    const oidc = client();
    const callback = new URL(await signIn(oidc));
    callback.searchParams.set("state", "forged");
    await expect(oidc.processSigninResponse(callback.href)).rejects.toThrow("No matching state found in storage");
  });
});

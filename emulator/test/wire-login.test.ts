import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StartPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from "@aws-sdk/client-cognito-identity";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-provider-cognito-identity";
import { READ_ONLY_POOL_ID, TEST_LOGIN_PROVIDER } from "../src/cognito/pools";
import { startEmulator, type StartedEmulator } from "./helpers";

let emu: StartedEmulator;
beforeAll(async () => (emu = await startEmulator({ loginTokenLifetimeSeconds: 900 })));
afterAll(() => emu.close());

const REDIRECT = "http://localhost:5173/dashboard/";
const authorizeUrl = (params: Record<string, string>) => `${emu.url}/_emulator/oauth2/authorize?${new URLSearchParams(params)}`;
const good = { client_id: "dashboard", redirect_uri: REDIRECT, response_type: "id_token", state: "s-123", nonce: "n-456", scope: "openid email" };

/** Submit the page's form as a browser would: its hidden fields plus what the user typed. */
async function submit(fields: Record<string, string>) {
  const page = await (await fetch(authorizeUrl(good))).text();
  const form: Record<string, string> = {};
  for (const [, name, value] of page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) form[name] = value.replace(/&#38;/g, "&");
  return fetch(`${emu.url}/_emulator/oauth2/authorize`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...form, action: "signin", ...fields }),
    redirect: "manual",
  });
}

function fragmentOf(response: Response): URLSearchParams {
  const location = response.headers.get("location") ?? "";
  return new URLSearchParams(location.slice(location.indexOf("#") + 1));
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("local OpenID login (login.emulator.local)", () => {
  it("serves an accessible sign-in page with a prefilled, labelled username", async () => {
    const response = await fetch(authorizeUrl(good));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain("<title>Sign in to the CodePipeline emulator</title>");
    expect(html).toContain("<h1>Sign in to the CodePipeline emulator</h1>");
    expect(html).toContain('<label for="username">Username</label>');
    expect(html).toMatch(/<input id="username" name="username" type="text" value="alice" autocomplete="username"/);
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toMatch(/<input id="email" name="email" type="email" value="alice@example.com"/);
    expect(html).toContain('<button type="submit" name="action" value="signin">Sign in</button>');
    expect(html).toContain('<form method="post" action="/_emulator/oauth2/authorize"');
  });

  it("redirects the form submission to redirect_uri#id_token=…&state=… with the claims asked for", async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await submit({ username: "alice", email: "alice@example.com" });
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location.startsWith(`${REDIRECT}#`)).toBe(true);
    const fragment = fragmentOf(response);
    expect(fragment.get("state")).toBe("s-123");
    const token = fragment.get("id_token")!;
    expect(token.split(".")).toHaveLength(3);
    expect(JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString())).toEqual({ alg: "none", typ: "JWT" });
    const claims = claimsOf(token);
    expect(claims).toMatchObject({ sub: "alice", email: "alice@example.com", nonce: "n-456", aud: "dashboard", iss: "https://login.emulator.local" });
    expect(claims.exp).toBeGreaterThanOrEqual(before + 900);
    expect(claims.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 900);
  });

  it("makes a token Cognito Identity accepts as an authenticated identity named after the subject", async () => {
    const token = fragmentOf(await submit({ username: "dana.q@ops", email: "" })).get("id_token")!;
    expect(claimsOf(token)).not.toHaveProperty("email");
    const logins = { [TEST_LOGIN_PROVIDER]: token };
    const cognito = new CognitoIdentityClient({ region: "us-east-1", endpoint: emu.url, maxAttempts: 1 });
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: READ_ONLY_POOL_ID, Logins: logins }));
    const unauthenticated = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId })).catch((e: Error) => e);
    expect((unauthenticated as Error).name).toBe("NotAuthorizedException");
    const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA/);
    cognito.destroy();
    const client = emu.client({
      credentials: fromCognitoIdentityPool({ identityPoolId: READ_ONLY_POOL_ID, logins, clientConfig: { region: "us-east-1", endpoint: emu.url } }),
    });
    const denied = await client.send(new StartPipelineExecutionCommand({ name: "release" })).catch((e: Error) => e);
    expect((denied as Error).message).toContain("assumed-role/CodePipelineDashboardReadOnly/dana.q@ops is not authorized");
  });

  it("uses the lifetime set through the control API", async () => {
    const set = await fetch(`${emu.url}/_emulator/credentials`, { method: "POST", body: JSON.stringify({ loginTokenLifetimeSeconds: 5 }) });
    expect(await set.json()).toMatchObject({ loginTokenLifetimeSeconds: 5 });
    const claims = claimsOf(fragmentOf(await submit({ username: "alice" })).get("id_token")!);
    expect((claims.exp as number) - (claims.iat as number)).toBe(5);
    const bad = await fetch(`${emu.url}/_emulator/credentials`, { method: "POST", body: JSON.stringify({ loginTokenLifetimeSeconds: 0 }) });
    expect(bad.status).toBe(400);
    await fetch(`${emu.url}/_emulator/credentials`, { method: "POST", body: JSON.stringify({ loginTokenLifetimeSeconds: 900 }) });
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

  it("sends protocol errors back to a valid redirect URI, as OAuth does", async () => {
    const wrongType = await fetch(authorizeUrl({ ...good, response_type: "code" }), { redirect: "manual" });
    expect(wrongType.status).toBe(303);
    expect(Object.fromEntries(fragmentOf(wrongType))).toMatchObject({ error: "unsupported_response_type", state: "s-123" });
    const noNonce = await fetch(authorizeUrl({ ...good, nonce: "" }), { redirect: "manual" });
    expect(fragmentOf(noNonce).get("error")).toBe("invalid_request");
    const cancelled = await submit({ action: "cancel" });
    expect(Object.fromEntries(fragmentOf(cancelled))).toMatchObject({ error: "access_denied", state: "s-123" });
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

  it("answers other methods and paths with an HTML error, not a crash", async () => {
    expect((await fetch(authorizeUrl(good), { method: "DELETE" })).status).toBe(405);
    expect((await fetch(`${emu.url}/_emulator/oauth2/token`)).status).toBe(404);
    const json = await fetch(`${emu.url}/_emulator/oauth2/authorize`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
  });
});

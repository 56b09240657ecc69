import AxeBuilder from "@axe-core/playwright";
import type { Page, Request } from "@playwright/test";
import { configFor, e2eConfig, expect, signInConfig, signInThroughEmulator, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/**
 * Authenticated identity-pool access through OpenID Connect, the authorization code flow with PKCE: here the
 * emulator's own provider (discovery, JWKS, sign-in page, token endpoint).
 */
test.use({ config: configFor((url) => signInConfig(url)) });

const isCallback = (request: Request) => request.isNavigationRequest() && new URL(request.url()).searchParams.has("code");
const isTokenRequest = (request: Request) => request.method() === "POST" && request.url().endsWith("/_emulator/oauth2/token");
const sentToCognito = (request: Request) => (request.headers()["x-amz-target"] ?? "").startsWith("AWSCognitoIdentityService.");
const mainNavigation = (page: Page) => page.getByRole("navigation", { name: "Main" });
const signInAlert = (page: Page) => page.getByRole("alert").filter({ hasText: "Sign-in failed." });

/** Counts requests the page sends, from now on. */
function watch(page: Page, which: (request: Request) => boolean) {
  const seen: Request[] = [];
  page.on("request", (request) => which(request) && seen.push(request));
  return seen;
}

test.beforeEach(async ({ emulator }) => {
  await emulator.loadScenario(scenario(pipeline("signed-in-orders")));
  await emulator.advance(200);
});

test("signs in with the authorization code flow and PKCE, and reads pipelines as that identity", async ({ page, overview }) => {
  await page.goto("/");
  await expect(page.getByText("Sign in to see your pipelines.")).toBeVisible();
  const authorize = page.waitForRequest((request) => request.url().includes("/_emulator/oauth2/authorize?"));
  const token = page.waitForRequest(isTokenRequest);
  await signInThroughEmulator(page, { username: "alice", email: "alice@example.com" });

  const asked = new URL((await authorize).url()).searchParams;
  expect(Object.fromEntries(["response_type", "code_challenge_method", "client_id"].map((name) => [name, asked.get(name)]))).toEqual({
    response_type: "code",
    code_challenge_method: "S256",
    client_id: "codepipeline-dashboard",
  });
  expect(asked.get("code_challenge")).toMatch(/^[\w-]{43}$/);
  expect(asked.get("state")).toMatch(/^\w{32}$/);
  expect(asked.get("nonce")).toMatch(/^[\da-f-]{36}$/);
  const exchange = new URLSearchParams((await token).postData() ?? "");
  expect(exchange.get("grant_type")).toBe("authorization_code");
  expect(exchange.get("code_verifier")).toMatch(/^[\w.~-]{43,128}$/);

  await expect(overview.row("signed-in-orders")).toContainText("Succeeded");
  await expect(mainNavigation(page)).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("alice@example.com");
  // The tokens live in sessionStorage only, and the address no longer carries the code or state.
  const stored = await page.evaluate(() => JSON.stringify(sessionStorage));
  const { id_token: idToken, refresh_token: refreshToken } = JSON.parse(
    Object.entries(JSON.parse(stored) as Record<string, string>).find(([key]) => key.includes("user:"))![1],
  ) as { id_token: string; refresh_token: string };
  expect(idToken.split(".")).toHaveLength(3);
  const local = await page.evaluate(() => JSON.stringify(localStorage));
  expect(local).not.toContain(idToken);
  expect(local).not.toContain(refreshToken);
  expect(page.url()).not.toMatch(/code=|state=/);
});

test("comes back to the page it was opened at", async ({ page }) => {
  await page.goto("/pipelines/signed-in-orders?tab=history");
  await signInThroughEmulator(page);
  await expect(page).toHaveURL(/\/pipelines\/signed-in-orders\?tab=history$/);
});

test("refuses a replayed sign-in answer on the sign-in page, never half signed in", async ({ page, overview }) => {
  await page.goto("/");
  const callback = page.waitForRequest(isCallback);
  await signInThroughEmulator(page);
  const answer = (await callback).url();
  await expect(overview.row("signed-in-orders")).toBeVisible();

  const cognito = watch(page, sentToCognito);
  await page.goto(answer);
  await expect(signInAlert(page)).toContainText("does not belong to a sign-in started in this tab, or was already used");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(mainNavigation(page)).toHaveCount(0);
  expect(cognito).toHaveLength(0);
  // Signing in again works.
  await signInThroughEmulator(page);
  await expect(overview.row("signed-in-orders")).toBeVisible();
});

test("refuses an answer whose state is not the one sent", async ({ page }) => {
  // The provider's redirect comes back with another state, as from a forged link.
  await page.route("**/_emulator/oauth2/authorize", async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const location = new URL(response.headers().location);
    location.searchParams.set("state", "0123456789abcdef0123456789abcdef");
    await route.fulfill({ status: 303, headers: { location: location.href } });
  });
  await page.goto("/");
  const tokens = watch(page, isTokenRequest);
  await signInThroughEmulator(page);
  await expect(signInAlert(page)).toContainText("does not belong to a sign-in started in this tab");
  await expect(mainNavigation(page)).toHaveCount(0);
  // The code was never traded.
  expect(tokens).toHaveLength(0);
});

test("refuses an id token whose signature does not verify, and never hands it to Cognito", async ({ page }) => {
  await page.route("**/_emulator/oauth2/token", async (route) => {
    const response = await route.fetch();
    const tokens = (await response.json()) as { id_token: string };
    const [header, payload, signature] = tokens.id_token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: "mallory", email: "mallory@example.com" })).toString("base64url");
    await route.fulfill({ response, json: { ...tokens, id_token: [header, forged, signature].join(".") } });
  });
  await page.goto("/");
  const cognito = watch(page, sentToCognito);
  await signInThroughEmulator(page);
  await expect(signInAlert(page)).toContainText("The id token's signature does not match the keys");
  await expect(signInAlert(page)).toContainText("It was not used.");
  await expect(mainNavigation(page)).toHaveCount(0);
  expect(cognito).toHaveLength(0);
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes("user:")))).toEqual([]);
});

test("says an expired sign-in code was refused, and the next sign-in works", async ({ page, emulator, overview }) => {
  await emulator.credentials({ loginCodeLifetimeSeconds: 0 });
  await page.goto("/");
  await signInThroughEmulator(page);
  await expect(signInAlert(page)).toContainText("The provider refused the sign-in (invalid_grant: The authorization code expired");
  await expect(mainNavigation(page)).toHaveCount(0);
  await emulator.credentials({ loginCodeLifetimeSeconds: 60 });
  await signInThroughEmulator(page);
  await expect(overview.row("signed-in-orders")).toBeVisible();
});

test.describe("with a provider that is down", () => {
  test.use({
    config: configFor((url) => ({ ...signInConfig(url), credentials: { ...signInConfig(url).credentials, login: { ...signInConfig(url).credentials.login, authority: "http://127.0.0.1:9/_emulator/oauth2" } } })),
  });

  test("says it cannot be reached, and stays on the sign-in page", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(signInAlert(page)).toContainText("The sign-in provider at http://127.0.0.1:9 could not be reached");
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    await expect(mainNavigation(page)).toHaveCount(0);
  });
});

test("renews the sign-in before it expires, with the refresh token, and the page stays current", async ({ page, emulator, overview }) => {
  // Eight-second tokens and credentials: every credential fetch after the first needs a renewed id token.
  await emulator.credentials({ loginTokenLifetimeSeconds: 8, lifetimeSeconds: 8 });
  await page.goto("/");
  const renewals = watch(page, (request) => isTokenRequest(request) && new URLSearchParams(request.postData() ?? "").get("grant_type") === "refresh_token");
  const cognito = watch(page, (request) => request.headers()["x-amz-target"] === "AWSCognitoIdentityService.GetCredentialsForIdentity");
  await signInThroughEmulator(page);
  await expect(overview.row("signed-in-orders")).toContainText("Succeeded");

  await expect.poll(() => renewals.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await expect.poll(() => cognito.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  // Well past the first id token's expiry: the page still reads, with credentials from a renewed token.
  await emulator.loadScenario(scenario(pipeline("signed-in-orders"), pipeline("after-renewal")));
  await emulator.advance(200);
  await expect(overview.row("after-renewal")).toContainText("Succeeded", { timeout: 20_000 });
  await expect(page.getByRole("alert")).toHaveCount(0);
  // The renewed token is the one that is stored.
  const stored = await page.evaluate(() => Object.entries(sessionStorage).find(([key]) => key.includes("user:"))![1]);
  const { exp } = JSON.parse(Buffer.from((JSON.parse(stored) as { id_token: string }).id_token.split(".")[1], "base64url").toString()) as { exp: number };
  expect(exp * 1000).toBeGreaterThan(Date.now());
});

test("signs out: the tokens go, the provider's session ends, and going back shows no data", async ({ page, overview }) => {
  await page.goto("/");
  await signInThroughEmulator(page, { username: "alice", email: "alice@example.com" });
  await expect(overview.row("signed-in-orders")).toBeVisible();
  const logout = page.waitForRequest((request) => request.url().includes("/_emulator/oauth2/logout?"));
  const revocation = page.waitForRequest((request) => request.url().endsWith("/_emulator/oauth2/revoke"));
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();

  expect(new URLSearchParams((await revocation).postData() ?? "").get("token_type_hint")).toBe("refresh_token");
  expect(new URL((await logout).url()).searchParams.get("id_token_hint")).toBeTruthy();
  await expect(page.getByRole("status").filter({ hasText: "You signed out." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes("user:")))).toEqual([]);
  await page.goBack();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(overview.row("signed-in-orders")).toHaveCount(0);
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("the sign-in page, its refusal, the signed-in header and the renewal notice have no axe violations", async ({ page, emulator, overview }, testInfo) => {
      const axe = async () => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await emulator.credentials({ loginCodeLifetimeSeconds: 0 });
      await page.goto("/");
      await axe();
      await signInThroughEmulator(page);
      await expect(signInAlert(page)).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath("sign-in-refused.png") });
      await axe();
      await emulator.credentials({ loginCodeLifetimeSeconds: 60, loginTokenLifetimeSeconds: 20 });
      await signInThroughEmulator(page, { email: "alice@example.com" });
      await expect(overview.row("signed-in-orders")).toBeVisible();
      await emulator.credentials({ revokeLoginSessions: true });
      await expect(page.getByRole("alert").filter({ hasText: "could not be renewed" })).toBeVisible({ timeout: 20_000 });
      await page.screenshot({ path: testInfo.outputPath("signed-in-notice.png") });
      await axe();
    });
  });
}

test.describe("without a sign-in", () => {
  test.use({ config: configFor(e2eConfig) });

  test("loads no OpenID Connect code and shows no sign-out", async ({ page, overview }) => {
    const scripts = watch(page, (request) => request.resourceType() === "script");
    await page.goto("/");
    await expect(overview.row("signed-in-orders")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    expect(scripts.map((request) => request.url()).filter((url) => /oidc-session/.test(url))).toEqual([]);
  });
});

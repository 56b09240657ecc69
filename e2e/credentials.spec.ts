import { ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import type { Page, Response } from "@playwright/test";
import { configFor, e2eConfig, expect, signInConfig, signInThroughEmulator, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";
import { clientFor, PROD_ACCOUNT, placed, workingSourcesConfig } from "./fixtures/sources";

/** Temporary credentials from the emulator's Cognito Identity: renewal, early death, refusal, sign-in expiry. */

const world = () => scenario(pipeline("orders", { timeline: [{ at: 0, type: "start" }, { at: 300, type: "start" }] }));

/** Credential fetches and CodePipeline answers refused for their credentials, as the page sees them. */
function watchCredentials(page: Page) {
  const seen = { fetches: 0, refused: [] as string[], keys: new Set<string>() };
  page.on("request", (request) => {
    const target = request.headers()["x-amz-target"] ?? "";
    if (target === "AWSCognitoIdentityService.GetCredentialsForIdentity") seen.fetches++;
    const key = /Credential=(\w+)\//.exec(request.headers()["authorization"] ?? "")?.[1];
    if (key) seen.keys.add(key);
  });
  page.on("response", (response: Response) => {
    const type = response.headers()["x-amzn-errortype"];
    if (type === "ExpiredTokenException" || type === "UnrecognizedClientException") seen.refused.push(type);
  });
  return seen;
}

const row = (page: Page) =>
  page.getByRole("list", { name: "Pipelines" }).getByRole("listitem").filter({ has: page.getByRole("link", { name: "orders", exact: true }) });

async function expectCurrent(page: Page, emulator: { advance(seconds: number): Promise<unknown> }) {
  // The second execution starts at 300 s: the row shows it only if reads keep working.
  await emulator.advance(120);
  await expect(row(page)).toContainText("In progress", { timeout: 20_000 });
  await expect(page.getByRole("alert")).toHaveCount(0);
}

test("a long session keeps working across several credential expiries, without a reload", async ({ page, emulator }) => {
  await emulator.loadScenario(world());
  await emulator.advance(200);
  await emulator.credentials({ lifetimeSeconds: 4 });
  const seen = watchCredentials(page);
  await page.goto("/");
  await expect(row(page)).toContainText("Succeeded");
  const navigations: string[] = [];
  page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
  // Five sets of credentials, each dead four seconds after it was issued.
  await expect.poll(() => seen.keys.size, { timeout: 40_000 }).toBeGreaterThanOrEqual(5);
  expect(seen.refused).toEqual([]);
  await expectCurrent(page, emulator);
  expect(navigations).toEqual([]);
});

for (const refusal of ["ExpiredTokenException", "UnrecognizedClientException"] as const) {
  test(`${refusal} leads to a fresh credential fetch and the page carries on`, async ({ page, emulator }) => {
    await emulator.loadScenario(world());
    await emulator.advance(200);
    const seen = watchCredentials(page);
    let spoiled: string | undefined;
    if (refusal === "UnrecognizedClientException") {
      // What a restarted endpoint answers for keys it never issued: break the session token of the keys in use.
      await page.route(`${emulator.url}/`, (route) => {
        const headers = route.request().headers();
        const key = /Credential=(\w+)\//.exec(headers["authorization"] ?? "")?.[1];
        if (!spoiled || key !== spoiled) return route.continue();
        return route.continue({ headers: { ...headers, "x-amz-security-token": "forgotten" } });
      });
    }
    await page.goto("/");
    await expect(row(page)).toContainText("Succeeded");
    const fetchesBefore = seen.fetches;
    if (refusal === "ExpiredTokenException") await emulator.credentials({ revokeAll: true });
    else spoiled = [...seen.keys].at(-1);

    await expect.poll(() => seen.refused, { timeout: 20_000 }).toContain(refusal);
    await expect.poll(() => seen.fetches, { timeout: 20_000 }).toBeGreaterThan(fetchesBefore);
    await expectCurrent(page, emulator);
  });
}

test.describe("an identity pool that refuses", () => {
  test.use({ config: configFor((url) => ({ ...e2eConfig(url), credentials: { type: "cognito", identityPoolId: "us-east-1:0000aaaa-0000-4000-8000-0000000dead0" } })) });

  test("says on screen that credentials could not be obtained, and from which pool", async ({ page, emulator }) => {
    await emulator.loadScenario(world());
    await page.goto("/");
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Could not get AWS credentials from the identity pool us-east-1:0000aaaa-0000-4000-8000-0000000dead0", {
      timeout: 20_000,
    });
    await expect(alert).toContainText("ResourceNotFoundException");
    await expect(alert).not.toContainText(/\bat \S+ \(/);
  });
});

test.describe("a signed-in session", () => {
  test.use({ config: configFor((url) => signInConfig(url, "kiosk")) });

  test("says when the provider refuses to renew the sign-in, and signs in again back where it was", async ({ page, emulator }, testInfo) => {
    await emulator.loadScenario(world());
    await emulator.advance(200);
    await emulator.credentials({ loginTokenLifetimeSeconds: 8 });
    await page.goto("/wall?refresh=5");
    await signInThroughEmulator(page, { username: "kiosk" });
    await expect(page.getByRole("listitem", { name: /^orders: / })).toBeVisible();

    // The provider ends every session: the renewal a quarter of the token's life before it runs out is refused.
    await emulator.credentials({ revokeLoginSessions: true });
    const notice = page.getByRole("alert").filter({ hasText: "could not be renewed" });
    await expect(notice).toContainText(/Your sign-in ends at .*: it could not be renewed\. The provider refused to renew it \(invalid_grant/, { timeout: 20_000 });
    await page.screenshot({ path: testInfo.outputPath("sign-in-refused.png") });
    await expect(page.getByRole("alert").filter({ hasText: "Your sign-in expired at" })).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: testInfo.outputPath("sign-in-expired.png") });

    await emulator.credentials({ loginTokenLifetimeSeconds: 3600 });
    await signInThroughEmulator(page, { username: "kiosk", button: "Sign in again" });
    // Back where it was, signed in again, the notice gone.
    await expect(page).toHaveURL(/\/wall\?refresh=5$/);
    await expect(page.getByRole("listitem", { name: /^orders: / })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: /sign-in/ })).toHaveCount(0);
  });
});

test.describe("assumed roles after every key is revoked", () => {
  test.use({ config: configFor(workingSourcesConfig) });

  /** The same pipeline in Dev, in Prod (through AssumeRole) in us-east-1 and in eu-west-1; each starts again at 300 s. */
  const everywhere = () => {
    const orders = () => pipeline("orders", { timeline: [{ at: 0, type: "start" }, { at: 300, type: "start" }] });
    return scenario(orders(), placed(orders(), PROD_ACCOUNT), placed(orders(), PROD_ACCOUNT, "eu-west-1"));
  };

  test("every source, identity pool and assumed role alike, recovers without a reload", async ({ page, emulator, emulatorUrl }, testInfo) => {
    await emulator.loadScenario(everywhere());
    await emulator.advance(200);
    const seen = watchCredentials(page);
    const assumes: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.postData()?.startsWith("Action=AssumeRole")) assumes.push(request.url());
    });
    await page.goto("/");
    const rows = page.getByRole("list", { name: "Pipelines" }).getByRole("listitem");
    await expect(rows).toHaveCount(3);
    for (const source of ["Dev · us-east-1", "Prod · us-east-1", "Prod · eu-west-1"]) {
      await expect(rows.filter({ hasText: source })).toContainText("Succeeded");
    }
    const assumedBefore = assumes.length;

    // Every key the page holds (an hour left on each) dies now: the identity pool's and both assumed roles'.
    const { revoked } = await emulator.credentials({ revokeAll: true });
    expect(revoked).toBeGreaterThanOrEqual(3);
    await emulator.advance(120);
    // Ground truth, read through the SDK with keys of its own: a second execution runs in every account and region.
    for (const [account, region] of [["123456789012", "us-east-1"], [PROD_ACCOUNT, "us-east-1"], [PROD_ACCOUNT, "eu-west-1"]] as const) {
      const client = await clientFor(emulatorUrl, account, region);
      const { pipelineExecutionSummaries } = await client.send(new ListPipelineExecutionsCommand({ pipelineName: "orders", maxResults: 1 }));
      expect(pipelineExecutionSummaries?.[0].status, `${account} ${region}`).toBe("InProgress");
    }
    for (const source of ["Dev · us-east-1", "Prod · us-east-1", "Prod · eu-west-1"]) {
      await expect(rows.filter({ hasText: source }), source).toContainText("In progress", { timeout: 30_000 });
    }
    await expect(page.getByRole("alert")).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath("revoked-keys-recovered.png") });
    expect(seen.refused).toContain("ExpiredTokenException");
    console.log(`after revoking every key: ${assumes.length - assumedBefore} AssumeRole calls, ${seen.fetches} credential fetches in all`);
    // Each assumed role was assumed again, a few times at most: recovery, not a retry loop.
    expect(assumes.length - assumedBefore).toBeGreaterThanOrEqual(2);
    expect(assumes.length - assumedBefore).toBeLessThanOrEqual(8);
  });
});

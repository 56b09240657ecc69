import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { E2E_APP_PORT } from "../playwright.config";
import { expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/** The production build under its Content Security Policy, and what it leaves in the bundle and storage. */

/** Every CSP violation the page reports, from its first script on. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const console: string[] = [];
  page.on("console", (message) => message.text().includes("Content Security Policy") && console.push(message.text()));
  return {
    events: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    violations: async () => [...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)), ...console],
  };
}

test("ships a strict Content Security Policy and runs every page under it without a violation", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("orders", { withApproval: true })));
  await emulator.advance(70);
  const recorder = await recordViolations(page);

  await page.goto("/");
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').first().getAttribute("content");
  expect(policy).toContain("script-src 'self';");
  expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  // The runtime policy narrows connect-src to the configured region and endpoint.
  const narrowed = await page.locator('meta[http-equiv="Content-Security-Policy"]').nth(1).getAttribute("content");
  expect(narrowed).toBe(
    `connect-src 'self' https://codepipeline.us-east-1.amazonaws.com https://codebuild.us-east-1.amazonaws.com https://logs.us-east-1.amazonaws.com https://cognito-identity.us-east-1.amazonaws.com ${emulator.url}`,
  );

  await expect(page.getByRole("link", { name: "orders", exact: true })).toBeVisible();
  await page.goto("/pipelines/orders");
  await expect(page.getByRole("region", { name: /stages and actions/ })).toContainText("Review");
  await page.getByRole("button", { name: "Review approval Review" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.goto("/approvals");
  await expect(page.getByRole("article").filter({ hasText: "orders" })).toBeVisible();
  await page.goto("/wall");
  await expect(page.getByRole("listitem", { name: /^orders: / })).toBeVisible();
  expect(await recorder.violations()).toEqual([]);

  // Proof that the policy is enforced: another AWS host is out of reach, even for code on the page.
  const refused = await page.evaluate(() => fetch("https://s3.amazonaws.com/").then(() => "sent", () => "refused"));
  expect(refused).toBe("refused");
  expect(await recorder.events()).toEqual([expect.stringMatching(/^connect-src https:\/\/s3\.amazonaws\.com/)]);
});

test("keeps nothing sensitive in local storage", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("orders")));
  await page.goto("/");
  await expect(page.getByRole("link", { name: "orders", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Favourite orders" }).click();
  await expect(page.getByRole("button", { name: "Favourite orders" })).toHaveAttribute("aria-pressed", "true");
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  // Preferences only: no access keys, secrets, session tokens or id tokens (JWTs start with eyJ).
  expect(stored).not.toMatch(/A[SK]IA[0-9A-Z]{12,}|secretAccessKey|sessionToken|SessionToken|eyJ[\w-]{10,}\./);
});

test("the production bundle carries no keys or secrets", () => {
  const assets = join("node_modules/.cache", `e2e-dist-${E2E_APP_PORT}`, "assets");
  const files = readdirSync(assets).filter((file) => file.endsWith(".js"));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = readFileSync(join(assets, file), "utf8");
    expect.soft(text, file).not.toMatch(/\bA[SK]IA[0-9A-Z]{16}\b/);
    // A secret key literal: 40 base64 characters given to secretAccessKey.
    expect.soft(text, file).not.toMatch(/secretAccessKey["']?\s*:\s*["'][A-Za-z0-9/+=]{40}["']/);
    expect.soft(text, file).not.toMatch(/aws_secret_access_key|BEGIN (RSA |EC )?PRIVATE KEY/);
  }
  const config = JSON.parse(readFileSync(join("node_modules/.cache", `e2e-dist-${E2E_APP_PORT}`, "config.json"), "utf8")) as {
    credentials: { type: string };
  };
  expect(config.credentials.type).toBe("cognito");
});

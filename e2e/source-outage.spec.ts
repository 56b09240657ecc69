import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { configFor, expect, test } from "./fixtures";
import type { EmulatorControl } from "./fixtures/emulator";
import { pipeline, scenario } from "./fixtures/scenarios";
import { PROD_ACCOUNT, placed, workingSourcesConfig } from "./fixtures/sources";

/**
 * One region of one account down (Prod in eu-west-1) while Dev and Prod us-east-1 work, at the default polling
 * cadences (rows on screen every 30 s when idle, pipeline lists every minute): what the overview and the inbox
 * say, from the first failing read until the region answers again. The browser's clock starts at the
 * emulator's and is moved by the test, so a minute of polling takes a few seconds.
 */
test.use({
  config: configFor((url) => ({
    ...workingSourcesConfig(url),
    polling: { activeSeconds: 5, idleSeconds: 30, listSeconds: 60, offscreenSeconds: 300, maxConcurrentRequests: 4 },
  })),
});

// Minutes of polling, simulated a second at a time with the page answering in real time: slow on a busy machine.
test.describe.configure({ timeout: 120_000 });

const EU = "Prod · eu-west-1";
const euDown = { down: true, accounts: [PROD_ACCOUNT], regions: ["eu-west-1"] };
const euBack = { down: false, accounts: [], regions: [] };

async function open(page: Page, emulator: EmulatorControl, path: string) {
  await page.clock.install({ time: await emulator.now() });
  // Every alert the page ever shows, in order, so the test can tell what the first one said.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __alerts: string[] }).__alerts = seen;
    new MutationObserver(() => {
      for (const alert of document.querySelectorAll('[role="alert"]')) {
        const text = alert.textContent ?? "";
        if (!seen.includes(text)) seen.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(path);
}

const alertsSeen = (page: Page) => page.evaluate(() => (window as unknown as { __alerts: string[] }).__alerts);

/** Moves the browser's clock a second at a time until `done`; returns the simulated seconds it took. */
async function secondsUntil(page: Page, done: () => Promise<boolean>, limit = 180): Promise<number> {
  for (let seconds = 1; seconds <= limit; seconds++) {
    await page.clock.runFor(1_000);
    // Let the answers of the reads just sent arrive (real time; the emulator answers at once).
    await page.waitForTimeout(50);
    if (await done()) return seconds;
  }
  throw new Error(`not done after ${limit} simulated seconds`);
}

/** Screenshots light, dark and at a 390 px phone width, axe clean in both schemes; back to light desktop after. */
async function lookAt(page: Page, testInfo: TestInfo, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`) });
    expect((await new AxeBuilder({ page }).analyze()).violations, scheme).toEqual([]);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`) });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("the overview names the region that is down from its first failure, and clears as soon as it is back", async ({ page, emulator }, testInfo) => {
  await emulator.loadScenario(
    scenario(pipeline("orders"), placed(pipeline("orders"), PROD_ACCOUNT), placed(pipeline("orders"), PROD_ACCOUNT, "eu-west-1"), placed(pipeline("billing"), PROD_ACCOUNT, "eu-west-1")),
  );
  await emulator.advance(200);
  await open(page, emulator, "/");
  const rows = page.getByRole("list", { name: "Pipelines" }).getByRole("listitem");
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: EU }).first()).toContainText("Succeeded");
  const freshness = page.getByRole("timer");
  await expect(freshness).toHaveText(/^Updated \d+ s ago$/);

  await emulator.faults(euDown);
  const banner = page.getByRole("alert");
  const toBanner = await secondsUntil(page, async () => (await banner.count()) > 0);
  // The very first banner names the source, whichever read failed first.
  const first = await alertsSeen(page);
  expect(first.length).toBeGreaterThan(0);
  for (const text of first) expect(text).toContain(`of ${EU}`);
  await expect(banner).toHaveCount(1);
  await expect(banner).toContainText(/ServiceUnavailableException/);
  // The header speaks of the oldest data shown, not of the rows that just refreshed.
  await expect(freshness).toHaveText(/^Some sources are (\d+ s|\d+ min( \d+ s)?) old$/);
  await expect(rows.filter({ hasText: "Dev · us-east-1" })).not.toContainText("stale");
  await expect(rows.filter({ hasText: EU }).first()).toContainText(/stale, .* old/);

  // Until the pipeline list has failed too: the case where clearing used to wait for the list's next minute.
  const toList = await secondsUntil(page, async () => ((await banner.textContent()) ?? "").includes("the pipeline list"));
  await expect(banner).toContainText(`Could not refresh the pipeline list and 2 pipelines of ${EU}:`);
  await lookAt(page, testInfo, "overview-region-down");

  await emulator.faults(euBack);
  const toClear = await secondsUntil(page, async () => (await banner.count()) === 0);
  // The first read of the region to succeed again (a row on screen, within its 30 s) brings the list back with it.
  expect(toClear).toBeLessThanOrEqual(33);
  await expect(freshness).toHaveText(/^Updated \d+ s ago$/);
  await expect(rows.filter({ hasText: EU }).first()).not.toContainText("stale");
  console.log(`eu-west-1 down: first banner after ${toBanner} s (naming ${EU}), list failing ${toList} s later; back: banner gone after ${toClear} s`);
});

test("the approvals inbox names the region that is down and says its data is old", async ({ page, emulator }, testInfo) => {
  await emulator.loadScenario(
    scenario(pipeline("orders", { withApproval: true }), placed(pipeline("billing", { withApproval: true }), PROD_ACCOUNT, "eu-west-1")),
  );
  await emulator.advance(70);
  await open(page, emulator, "/approvals");
  const cards = page.getByRole("list", { name: "Waiting approvals" }).getByRole("article");
  await expect(cards).toHaveCount(2);
  const freshness = page.getByRole("timer");
  await expect(freshness).toHaveText(/^Updated \d+ s ago$/);

  await emulator.faults(euDown);
  const banner = page.getByRole("alert").filter({ hasText: "Could not refresh" });
  await secondsUntil(page, async () => (await banner.count()) > 0);
  for (const text of await alertsSeen(page)) expect(text).toContain(EU);
  await expect(freshness).toHaveText(/^Some sources are .+ old$/);
  // The other source's approval is still there, current.
  await expect(cards).toHaveCount(2);
  await lookAt(page, testInfo, "approvals-region-down");

  await emulator.faults(euBack);
  const toClear = await secondsUntil(page, async () => (await banner.count()) === 0);
  await expect(freshness).toHaveText(/^Updated \d+ s ago$/);
  console.log(`approvals, eu-west-1 back: banner gone after ${toClear} s`);
});

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { configFor, expect, test } from "./fixtures";
import type { EmulatorControl } from "./fixtures/emulator";
import { pipeline, scenario } from "./fixtures/scenarios";
import { multiSourceConfig, PROD_ACCOUNT, placed } from "./fixtures/sources";

/** The browser clock starts at the emulator's, so ages agree; both are moved together. */
async function openWall(page: Page, emulator: EmulatorControl, query = "") {
  await page.clock.install({ time: await emulator.now() });
  await page.goto(`/wall${query}`);
}

const tiles = (page: Page) => page.getByTestId("wall-tile");
/** A tile by its accessible name: "orders (Prod · us-east-1): Failed". */
const tile = (page: Page, name: string, source: string) => page.getByRole("listitem", { name: `${name} (${source})`, exact: false });

test.use({ config: configFor(multiSourceConfig), viewport: { width: 1920, height: 1080 } });

test.describe("wall display across accounts and regions", () => {
  test.beforeEach(async ({ emulator }) => {
    // "orders" in all three working sources, failing only in Prod us-east-1; "billing" only in eu-west-1.
    await emulator.loadScenario(
      scenario(
        pipeline("orders", { commits: [{ message: "Dev tweak", author: "Ada" }] }),
        placed(pipeline("orders", { buildFailsOnRuns: [1], buildError: "prod build broke" }), PROD_ACCOUNT),
        placed(pipeline("orders"), PROD_ACCOUNT, "eu-west-1"),
        placed(pipeline("billing"), PROD_ACCOUNT, "eu-west-1"),
      ),
    );
    await emulator.advance(200);
  });

  test.afterEach(async ({ emulator }) => {
    // The shared fixture resets faults but not their region scope.
    await emulator.faults({ down: false, regions: [] });
  });

  test("shows every source in one attention order, labelled, same names apart, the broken source named", async ({ page, emulator }, testInfo) => {
    await openWall(page, emulator, "?refresh=10");
    await expect(tiles(page)).toHaveCount(4);
    // Failures first, whichever account they are in.
    await expect(tiles(page).first()).toHaveAttribute("data-health", "failed");
    await expect(tiles(page).first().getByTestId("wall-tile-source")).toHaveText("Prod · us-east-1");
    await expect(tiles(page).first()).toContainText("prod build broke");

    await expect(tile(page, "orders", "Dev · us-east-1")).toContainText("Dev tweak");
    await expect(tile(page, "orders", "Dev · us-east-1")).toHaveAttribute("data-health", "succeeded");
    await expect(tile(page, "orders", "Prod · eu-west-1")).toHaveAttribute("data-health", "succeeded");
    await expect(tile(page, "billing", "Prod · eu-west-1")).toBeVisible();
    const labels = await page.getByTestId("wall-tile-source").allTextContents();
    expect(labels.sort()).toEqual(["Dev · us-east-1", "Prod · eu-west-1", "Prod · eu-west-1", "Prod · us-east-1"]);

    // The source whose role does not exist says so, without blanking the others.
    await expect(page.getByRole("status").filter({ hasText: "Broken · us-east-1" })).toContainText(/Can’t reach Broken · us-east-1/);
    await expect(page.getByTestId("wall-stale-banner")).toHaveCount(0);

    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("wall-sources-1920x1080.png") });

    // Budget per source: one state read per shown pipeline per interval, all sources together.
    await emulator.resetRequests();
    const steps = 12;
    for (let i = 0; i < steps; i++) {
      await emulator.advance(10);
      await page.clock.runFor(10_000);
    }
    const { byOperation } = await emulator.requests();
    expect(byOperation.GetPipelineState ?? 0).toBeGreaterThan(0);
    expect(byOperation.GetPipelineState ?? 0).toBeLessThanOrEqual(4 * (steps + 1));
  });

  test("is limited to the sources named in the URL, and names unknown ones it ignored", async ({ page, emulator }) => {
    await openWall(page, emulator, "?sources=prod-eu,nope");
    await expect(tiles(page)).toHaveCount(2);
    expect((await tiles(page).locator("h2").allTextContents()).sort()).toEqual(["billing", "orders"]);
    // One source shown: no labels on the tiles, the footer says which.
    await expect(page.getByTestId("wall-tile-source")).toHaveCount(0);
    await expect(page.getByTestId("wall-summary")).toContainText("Prod · eu-west-1");
    await expect(page.getByTestId("wall-ignored")).toContainText('unknown source "nope"');
    // The broken source was not chosen: not read, not reported.
    await expect(page.getByTestId("wall-source-down")).toHaveCount(0);

    await page.goto("/wall?sources=default,prod");
    await expect(tiles(page)).toHaveCount(2);
    await expect(tile(page, "orders", "Dev · us-east-1")).toBeVisible();
    await expect(tile(page, "orders", "Prod · us-east-1")).toBeVisible();

    await page.goto("/wall/setup");
    await page.getByRole("checkbox", { name: /Dev · us-east-1/ }).uncheck();
    await page.getByRole("checkbox", { name: /Broken · us-east-1/ }).uncheck();
    await expect(page.getByTestId("wall-url")).toContainText("/wall?sources=prod%2Cprod-eu");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByRole("link", { name: "Open the wall" }).click();
    await expect(tiles(page)).toHaveCount(3);
    await expect(page.getByTestId("wall-tile-source")).toHaveCount(3);
  });

  test("a region down goes stale grey with a note naming it while the other region stays current", async ({ page, emulator }, testInfo) => {
    await openWall(page, emulator, "?refresh=5");
    await expect(tiles(page)).toHaveCount(4);
    const euOrders = tile(page, "orders", "Prod · eu-west-1");
    const usOrders = tile(page, "orders", "Prod · us-east-1");
    // Fully read (state and executions) before the region goes down.
    await expect(euOrders).toHaveAttribute("data-health", "succeeded");
    await expect(tile(page, "billing", "Prod · eu-west-1")).toHaveAttribute("data-health", "succeeded");
    await expect(usOrders).toHaveAttribute("data-health", "failed");

    await emulator.faults({ down: true, regions: ["eu-west-1"] });
    await page.clock.runFor(40_000);
    await expect(euOrders).toHaveAttribute("data-stale", "true", { timeout: 20_000 });
    await expect(tile(page, "billing", "Prod · eu-west-1")).toHaveAttribute("data-stale", "true");
    await expect(euOrders.getByTestId("wall-tile-stale")).toContainText(/No data since \d\d:\d\d/);
    await expect(euOrders).toContainText("Stale · was Succeeded");
    await expect(usOrders).toHaveAttribute("data-stale", "false");
    await expect(usOrders).toHaveAttribute("data-health", "failed");
    await expect(tile(page, "orders", "Dev · us-east-1")).toHaveAttribute("data-stale", "false");
    // With the broken source, two of four fail: one note for both (e2e/wall-fit.spec.ts has three).
    const note = page.getByTestId("wall-sources-down");
    await expect(note).toHaveCount(1);
    await expect(note).toContainText(/^2 of 4 sources unreachable since \d\d:\d\d — Prod · eu-west-1, Broken · us-east-1; retrying$/);
    // The header speaks of the oldest data on the wall, not of the tiles that keep updating.
    await expect(page.getByTestId("wall-updated")).toHaveText(/^Some sources are .+ old$/);
    await page.screenshot({ path: testInfo.outputPath("wall-sources-region-down.png") });

    await emulator.faults({ down: false });
    // Backoff is capped at 5 minutes + 20 % jitter; the next poll brings it back.
    await page.clock.runFor(6 * 60_000);
    await expect(euOrders).toHaveAttribute("data-stale", "false", { timeout: 20_000 });
    await expect(note).toHaveCount(0);
    await expect(page.getByTestId("wall-source-down")).toContainText("Can’t reach Broken · us-east-1");
    await expect(page.getByTestId("wall-updated")).toHaveText(/^Updated \d+ s ago$/);
  });
});

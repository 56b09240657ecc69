import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { configFor, e2eConfig, expect, test } from "./fixtures";
import type { EmulatorControl } from "./fixtures/emulator";
import { pipeline, scenario } from "./fixtures/scenarios";
import { PROD_ACCOUNT, placed } from "./fixtures/sources";

const operatorRole = `arn:aws:iam::${PROD_ACCOUNT}:role/CodePipelineDashboardOperator`;

/**
 * Four sources with long labels: Dev (working), two Prod regions that the test takes down, and one whose role does
 * not exist (never answers). Three of four failing is the case that used to widen the page past the screen.
 */
const fourSources = (emulatorUrl: string) => ({
  ...e2eConfig(emulatorUrl),
  label: "Development account",
  sources: [
    { id: "prod-eu", label: "Production Europe", region: "eu-west-1", credentials: { type: "assumeRole", roleArn: operatorRole } },
    { id: "prod-ap", label: "Production Asia Pacific", region: "ap-southeast-2", credentials: { type: "assumeRole", roleArn: operatorRole } },
    { id: "broken", label: "Broken account", region: "us-east-1", credentials: { type: "assumeRole", roleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/Missing` } },
  ],
});

/** The browser clock starts at the emulator's, so ages agree; both are moved together. */
async function openWall(page: Page, emulator: EmulatorControl, query = "") {
  await page.clock.install({ time: await emulator.now() });
  await page.goto(`/wall${query}`);
}

const tiles = (page: Page) => page.getByTestId("wall-tile");

/**
 * What does not fit: the document wider or taller than the viewport, the footer's content past its box, and any
 * tile whose shown text boxes overlap each other or leave the tile.
 */
function misfits(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) problems.push(`document ${doc.scrollWidth} px wide in ${window.innerWidth}`);
    if (doc.scrollHeight > window.innerHeight) problems.push(`document ${doc.scrollHeight} px tall in ${window.innerHeight}`);
    // Boxes, not positions: the footer drifts a few pixels against burn-in (burnInOffset).
    const footer = document.querySelector("footer")!;
    if (footer.getBoundingClientRect().width > window.innerWidth) problems.push("footer wider than the screen");
    if (footer.scrollWidth > footer.clientWidth + 1) problems.push(`footer content ${footer.scrollWidth} px in ${footer.clientWidth}`);
    for (const tile of document.querySelectorAll<HTMLElement>("[data-testid=wall-tile]")) {
      const name = tile.querySelector("h2")?.textContent;
      const outer = tile.getBoundingClientRect();
      const parts = [...tile.querySelectorAll<HTMLElement>(".wall-tile-body > *")].filter((e) => getComputedStyle(e).display !== "none");
      const boxes = parts.map((e) => e.getBoundingClientRect());
      parts.forEach((part) => {
        // Squeezed below its text: a single line (or the error's lines, up to its two) cut across.
        const lineHeight = parseFloat(getComputedStyle(part).lineHeight);
        const clamped = part.classList.contains("wall-tile-error");
        const cut = clamped ? part.clientHeight < Math.min(part.scrollHeight, 2 * lineHeight) - 1 : part.scrollHeight > part.clientHeight + 1;
        if (cut) problems.push(`${name}: ${part.className} cut (${part.clientHeight} of ${part.scrollHeight} px)`);
      });
      boxes.forEach((box, i) => {
        if (box.bottom > outer.bottom + 0.5 || box.right > outer.right + 0.5) problems.push(`${name}: ${parts[i].className} leaves the tile`);
        if (i > 0 && box.top < boxes[i - 1].bottom - 0.5) problems.push(`${name}: ${parts[i].className} overlaps ${parts[i - 1].className}`);
      });
    }
    return problems;
  });
}

test.use({ config: configFor(fourSources) });

test.describe("wall display fits the screen with several sources failing", () => {
  test.beforeEach(async ({ emulator }) => {
    const long = "Unresolved reference: PaymentSheetResult in CheckoutActivity.kt:214, and 3 more compile errors in the module";
    await emulator.loadScenario(
      scenario(
        pipeline("orders-service", { buildFailsOnRuns: [1], buildError: long, commits: [{ message: "Speed up the checkout page for returning customers", author: "Ada Lovelace" }] }),
        pipeline("billing-api", { withApproval: true }),
        pipeline("inventory-sync"),
        placed(pipeline("orders-service", { buildFailsOnRuns: [1], buildError: long }), PROD_ACCOUNT, "eu-west-1"),
        placed(pipeline("billing-api"), PROD_ACCOUNT, "eu-west-1"),
        placed(pipeline("orders-service"), PROD_ACCOUNT, "ap-southeast-2"),
        placed(pipeline("mobile-app-release-train", { buildFailsOnRuns: [1], buildError: long }), PROD_ACCOUNT, "ap-southeast-2"),
      ),
    );
    await emulator.advance(200);
  });

  test.afterEach(async ({ emulator }) => {
    // The shared fixture resets faults but not their region scope.
    await emulator.faults({ down: false, regions: [] });
  });

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    test(`at ${viewport.width}x${viewport.height}: one combined note, no page wider than the screen, no tile text overlapping`, async ({ page, emulator }, testInfo) => {
      await page.setViewportSize(viewport);
      await openWall(page, emulator, "?refresh=5");
      await expect(tiles(page)).toHaveCount(7);
      await expect(page.getByRole("listitem", { name: /: Loading$/ })).toHaveCount(0);
      // One source down (the broken one): its own note, named.
      await expect(page.getByTestId("wall-source-down")).toContainText("Can’t reach Broken account · us-east-1");
      expect(await misfits(page)).toEqual([]);

      await emulator.faults({ down: true, regions: ["eu-west-1", "ap-southeast-2"] });
      await page.clock.runFor(40_000);
      await expect(page.locator("[data-stale=true]")).toHaveCount(4, { timeout: 20_000 });
      // Three of four down: one note says so, with the time of the oldest data shown and every failing source named.
      const note = page.getByTestId("wall-sources-down");
      await expect(note).toHaveCount(1);
      await expect(note).toContainText(/^3 of 4 sources unreachable since \d\d:\d\d/);
      await expect(note).toContainText("Production Europe · eu-west-1");
      await expect(note).toContainText("Production Asia Pacific · ap-southeast-2");
      await expect(note).toContainText("Broken account · us-east-1");
      await expect(page.getByTestId("wall-stale-banner")).toHaveCount(0);
      await expect(page.getByTestId("wall-source-down")).toHaveCount(0);
      expect(await misfits(page)).toEqual([]);
      await expect(page.getByTestId("wall-summary")).toBeVisible();
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`wall-3-of-4-down-${viewport.width}x${viewport.height}.png`) });

      await page.goto(`/wall?refresh=5&theme=light`);
      await expect(page.getByTestId("wall-sources-down")).toBeVisible({ timeout: 20_000 });
      expect(await misfits(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`wall-3-of-4-down-${viewport.width}x${viewport.height}-light.png`) });
    });
  }
});

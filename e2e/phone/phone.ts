import { expect, type Locator, type Page } from "@playwright/test";
import { test } from "../fixtures";

export { axe } from "../fixtures/axe";

/** The page does not scroll sideways: the document is no wider than the viewport. */
export async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${what}: document ${scrollWidth} px wide in a ${clientWidth} px viewport`).toBeLessThanOrEqual(clientWidth);
}

/** A primary action a thumb can hit: at least 44 px high and wide. */
export async function expectThumbSized(target: Locator) {
  const box = (await target.boundingBox())!;
  expect(box.height, "height").toBeGreaterThanOrEqual(44);
  expect(box.width, "width").toBeGreaterThanOrEqual(44);
}

/** Inside the visible part of the viewport (top to bottom). */
export async function expectOnScreen(page: Page, target: Locator) {
  const box = (await target.boundingBox())!;
  const height = await page.evaluate(() => window.visualViewport?.height ?? window.innerHeight);
  expect(box.y, "top").toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, "bottom").toBeLessThanOrEqual(height);
}

/** Where screenshots go: SCREENSHOT_DIR when set (for reviewing), else the test's output folder. */
export function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  const file = `${name}-${test.info().project.name}`;
  return page.screenshot({ path: dir ? `${dir}/${file}.png` : test.info().outputPath(`${file}.png`) });
}

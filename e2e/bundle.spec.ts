import { gzipSync } from "node:zlib";
import { expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/**
 * The first page's weight is a budget, not a timing: it is the same on every machine, so CI keeps it
 * (`npm run bench` reports it with brotli and per-route figures beside it).
 */
const FIRST_PAGE_GZIP_JS_BUDGET = 200 * 1024;

test("the overview ships under 200 KB of gzip JavaScript and none of the graph page's code", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("orders")));
  const scripts = new Map<string, number>();
  page.on("response", async (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith(".js")) scripts.set(path, gzipSync(await response.body(), { level: 9 }).length);
  });

  await page.goto("/");
  await expect(page.getByRole("link", { name: "orders", exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Pipelines" }).getByRole("listitem").first()).not.toContainText("Loading status");
  await page.waitForLoadState("networkidle");

  const names = [...scripts.keys()].map((path) => path.split("/").at(-1)!);
  expect(names.filter((name) => /^(pipeline-page|pipeline-graph)-/.test(name))).toEqual([]);
  const total = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
  console.log(`first page JS gzip: ${total} bytes`, JSON.stringify([...scripts]));
  expect(total, `first page JS, gzip, in ${scripts.size} files`).toBeLessThanOrEqual(FIRST_PAGE_GZIP_JS_BUDGET);
  // The graph page's code does exist, only elsewhere: opening a pipeline loads it.
  await page.getByRole("link", { name: "orders", exact: true }).click();
  await expect(page.getByRole("region", { name: /stages and actions/ })).toBeVisible();
  await expect.poll(() => [...scripts.keys()].some((path) => /\/pipeline-(page|graph)-/.test(path))).toBe(true);
});

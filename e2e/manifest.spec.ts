import { expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
  shortcuts: { name: string; url: string }[];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(body: Buffer) {
  expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

test("installable: a web app manifest with icons (maskable too), theme colours for light and dark, and no service worker", async ({ page, emulator, request }) => {
  await emulator.loadScenario(scenario(pipeline("orders")));
  await page.goto("/");
  await expect(page.getByRole("link", { name: "orders", exact: true })).toBeVisible();

  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = (await (await request.get(href!)).json()) as Manifest;
  expect(manifest).toMatchObject({ name: "CodePipeline Dashboard", display: "standalone", start_url: "/" });
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  for (const purpose of ["any", "maskable"]) {
    const sizes = manifest.icons.filter((i) => i.purpose === purpose && i.type === "image/png").map((i) => i.sizes);
    expect(sizes, purpose).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  }
  for (const icon of manifest.icons.filter((i) => i.type === "image/png")) {
    const response = await request.get(icon.src);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await response.body()), icon.src).toBe(icon.sizes);
  }
  // The home screen's shortcut opens the approvals inbox, an app page.
  expect(manifest.shortcuts.map((s) => s.url)).toContain("/approvals");
  await page.goto(manifest.shortcuts.find((s) => s.url === "/approvals")!.url);
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();

  const themes = await page.locator('meta[name="theme-color"]').evaluateAll((metas) => metas.map((m) => `${m.getAttribute("media")} ${m.getAttribute("content")}`));
  expect(themes).toEqual(["(prefers-color-scheme: light) #ffffff", "(prefers-color-scheme: dark) #18181b"]);
  // No service worker: nothing may serve a stale app or stale data.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
});

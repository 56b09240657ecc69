import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The e2e suite runs the built app (vite preview, one for all workers) against emulators of its own: each
 * Playwright worker starts one in-process on a free port (e2e/fixtures/index.ts), so spec files run in
 * parallel, E2E_WORKERS of them at once (default 2); the tests of one file run in order in one worker.
 * Chromium: Playwright's own build when installed (`npx playwright install chromium`),
 * otherwise Debian's /usr/bin/chromium; PLAYWRIGHT_CHROMIUM_PATH overrides both.
 */
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 4611);
/** One build per app port, so suites on other ports can run beside this one. */
const outDir = `node_modules/.cache/e2e-dist-${E2E_APP_PORT}`;

function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const launchOptions = {
  executablePath: chromiumPath(),
  args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_APP_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: "phone/**",
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    // Phones: only the specs under e2e/phone/ (overview, approvals by tapping, the stage list, every route at
    // 360 px, axe), in Chromium with each device's screen, touch and user agent, so the suite stays in its budget.
    {
      name: "pixel-7",
      testMatch: "phone/**/*.spec.ts",
      use: { ...devices["Pixel 7"], launchOptions },
    },
    {
      name: "iphone-13",
      testMatch: "phone/**/*.spec.ts",
      use: { ...devices["iPhone 13"], browserName: "chromium", launchOptions },
    },
  ],
  webServer: [
    {
      command: `vite build --outDir ${outDir} && vite preview --outDir ${outDir} --port ${E2E_APP_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${E2E_APP_PORT}/`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});

import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The e2e suite runs the built app (vite preview) against its own emulator instance.
 * Chromium: Playwright's own build when installed (`npx playwright install chromium`),
 * otherwise Debian's /usr/bin/chromium; PLAYWRIGHT_CHROMIUM_PATH overrides both.
 */
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4610);
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

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
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
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath(),
          args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: [
    {
      command: `tsx emulator/src/cli.ts --port ${E2E_EMULATOR_PORT} --scenario empty --clock manual`,
      url: `http://127.0.0.1:${E2E_EMULATOR_PORT}/_emulator/health`,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `vite build --outDir ${outDir} && vite preview --outDir ${outDir} --port ${E2E_APP_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${E2E_APP_PORT}/`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});

import { fileURLToPath } from "node:url";
import { createLogger, loadConfigFromFile } from "vite";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * vite.config.ts imports the CSP from src/config, so that part of the app is loaded by Node itself once Vite's
 * `configLoader: 'native'` becomes the default. Vite's bundling loader checks for what would break then
 * (imports without file extensions among them) and warns on every `npm start`, build and test run.
 */
describe("vite.config.ts", () => {
  it("loads without the warning about what Node's own loader could not load", async () => {
    const warnings: string[] = [];
    const logger = createLogger("warn");
    logger.warn = (message) => void warnings.push(message);
    logger.warnOnce = logger.warn;
    const loaded = await loadConfigFromFile({ command: "build", mode: "production" }, "vite.config.ts", root, "warn", logger, "bundle");
    expect(loaded?.path).toMatch(/vite\.config\.ts$/);
    expect(warnings.join("\n")).not.toMatch(/configLoader/);
  });
});

import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { configCookie, type ConfigChoice } from "./app";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** Playwright's own Chromium when installed, else Debian's (as the e2e suite does). */
export function chromiumPath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Precise heap figures for the memory section; the rest keeps background work out of the timings.
    args: ["--enable-precise-memory-info", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export interface PageOptions extends ConfigChoice {
  appUrl: string;
  viewport?: { width: number; height: number };
}

/** A fresh context (no cache, no storage) whose config.json is answered per section, e.g. with faster polling. */
export async function openPage(browser: Browser, options: PageOptions): Promise<{ context: BrowserContext; page: Page }> {
  // The app ships a strict CSP; the benchmark's page-side probes are evaluated strings, so Playwright bypasses it.
  const context = await browser.newContext({ baseURL: options.appUrl, viewport: options.viewport ?? { width: 1440, height: 900 }, bypassCSP: true });
  await context.addCookies([configCookie(options.appUrl, { polling: options.polling, events: options.events })]);
  const page = await context.newPage();
  return { context, page };
}

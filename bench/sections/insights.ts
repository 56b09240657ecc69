import type { Page } from "@playwright/test";
import { openPage } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { ms, type Row, type SectionResult } from "../lib/report";
import { historyScenario } from "../lib/scenarios";

export const INSIGHTS_SIZES = [100, 1000];
const DAYS = 90;

/** Reads the page's "Read N of M pipelines" progress until every pipeline is read; times the first and the last. */
async function timeToFigures(page: Page, total: number, started: number, timeoutMs: number) {
  let first: number | undefined;
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const text = (await page.getByRole("status").filter({ hasText: /^Read \d+ of \d+ pipelines/ }).textContent().catch(() => null)) ?? "";
    const match = /Read (\d+) of (\d+)/.exec(text);
    const read = match ? Number(match[1]) : 0;
    if (read > 0 && first === undefined) first = Date.now() - started;
    if (match && read === total && Number(match[2]) === total) return { first: first ?? Date.now() - started, all: Date.now() - started };
    await page.waitForTimeout(50);
  }
  throw new Error(`insights: not every pipeline was read within ${timeoutMs / 1000} s`);
}

/**
 * The Insights page over `size` pipelines × 90 days: time to the first figure (the first pipeline read) and
 * to all figures (every pipeline read), with the requests used; then the same after a reload at once (the
 * browser's IndexedDB cache is fresh: no history read) and after one 10 minutes later (one page of new
 * executions per pipeline).
 */
export async function insightsSection(context: BenchContext): Promise<SectionResult> {
  const sizes = context.options.quick ? INSIGHTS_SIZES.slice(0, 1) : INSIGHTS_SIZES;
  const rows: Row[] = [];
  const details: Record<number, unknown> = {};
  for (const size of sizes) {
    const loadStarted = Date.now();
    context.emulator.load(historyScenario(size, DAYS));
    const loadMs = Date.now() - loadStarted;
    const { context: browserContext, page } = await openPage(context.browser, { appUrl: context.app.url });
    const runs: Record<string, { firstMs: number; allMs: number; requests: number; history: number; byOperation: Record<string, number> }> = {};
    // The browser's clock is the emulator's, so "later" can be 10 minutes on without waiting them.
    await page.clock.install({ time: context.emulator.now() });
    for (const visit of ["cold", "warm", "later"] as const) {
      context.emulator.resetRequests();
      if (visit === "later") await page.clock.fastForward("10:00");
      const started = Date.now();
      if (visit === "cold") await page.goto(`/insights?window=${DAYS}`);
      else await page.reload();
      const { first, all } = await timeToFigures(page, size, started, 600_000);
      const counted = context.emulator.requests();
      runs[visit] = {
        firstMs: first,
        allMs: all,
        requests: counted.total,
        history: counted.byOperation.ListPipelineExecutions ?? 0,
        byOperation: counted.byOperation,
      };
    }
    await browserContext.close();
    const { cold, warm, later } = runs;
    details[size] = { days: DAYS, emulatorLoadMs: loadMs, cold, warm, later };
    const ofCold = (history: number) => `history ${(history / Math.max(1, cold.history)).toFixed(2)} of cold`;
    rows.push(
      { section: "insights", measure: `${size} pipelines × ${DAYS} days: first figure / all figures`, value: `${ms(cold.firstMs)} / ${ms(cold.allMs)}` },
      {
        section: "insights",
        measure: `${size} pipelines × ${DAYS} days: requests (ListPipelineExecutions)`,
        value: `${cold.requests} (${cold.history})`,
      },
      {
        section: "insights",
        measure: `${size} pipelines, reload at once (fresh cache): first / all figures, requests (history)`,
        value: `${ms(warm.firstMs)} / ${ms(warm.allMs)}, ${warm.requests} (${warm.history}); ${ofCold(warm.history)}`,
      },
      {
        section: "insights",
        measure: `${size} pipelines, reload 10 min later (cache past freshness): first / all figures, requests (history)`,
        value: `${ms(later.firstMs)} / ${ms(later.allMs)}, ${later.requests} (${later.history}); ${ofCold(later.history)}`,
        reference: "one page of what is newer per pipeline; the whole 2x window fits one page here",
      },
    );
  }
  return { rows, details };
}

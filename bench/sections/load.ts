import { openPage } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { installOverviewProbe, overviewTimes, type OverviewTimes } from "../lib/overview-probe";
import { median, ms, type Row, type SectionResult } from "../lib/report";
import { fleetScenario } from "../lib/scenarios";

export const FLEET_SIZES = [10, 100, 1000];

/** A cold load each time: new context, so no HTTP cache, no stored credentials, no query cache. */
async function coldLoad(context: BenchContext): Promise<OverviewTimes> {
  const { context: browserContext, page } = await openPage(context.browser, { appUrl: context.app.url });
  try {
    await installOverviewProbe(page);
    await page.goto("/");
    return await overviewTimes(page, 120_000);
  } finally {
    await browserContext.close();
  }
}

export async function loadSection(context: BenchContext): Promise<SectionResult> {
  const runs = context.options.quick ? 1 : 3;
  const sizes = context.options.quick ? FLEET_SIZES.slice(0, 2) : FLEET_SIZES;
  const rows: Row[] = [];
  const details: Record<number, OverviewTimes[]> = {};
  for (const size of sizes) {
    context.emulator.load(fleetScenario(size));
    details[size] = [];
    for (let i = 0; i < runs; i++) details[size].push(await coldLoad(context));
    const first = median(details[size].map((t) => t.firstRow!));
    const all = median(details[size].map((t) => t.allVisibleStatus!));
    rows.push({
      section: "Load",
      measure: `Overview, ${size} pipelines: first rows / all visible rows with status`,
      value: `${ms(first)} / ${ms(all)}`,
      reference: `median of ${runs} cold loads, ${details[size][0].visibleRows} rows visible at 1440x900`,
    });
  }
  return { rows, details };
}

import type { Page } from "@playwright/test";
import { DEFAULT_POLLING } from "../lib/app";
import { openPage } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { installOverviewProbe, overviewTimes, visibleOverviewRows } from "../lib/overview-probe";
import { fetchOnce, pollEverything, staleness, type Staleness } from "../lib/peer-strategies";
import { round1, type Row, type SectionResult } from "../lib/report";
import { fleetScenario } from "../lib/scenarios";
import { FLEET_SIZES } from "./load";

const RUNNING = /In progress|Waiting for approval|Stopping/;

/** Remember when the page last got each pipeline's state, to measure how stale the screen is. */
function trackStateReads(page: Page): Map<string, number[]> {
  const reads = new Map<string, number[]>();
  page.on("response", (response) => {
    const request = response.request();
    if (request.headers()["x-amz-target"] !== "CodePipeline_20150709.GetPipelineState" || !response.ok()) return;
    const name = (request.postDataJSON() as { name?: string } | null)?.name;
    if (name) reads.set(name, [...(reads.get(name) ?? []), Date.now()]);
  });
  return reads;
}

/** Wait out the first read of every pipeline (a one-off, reported apart) until a quiet second. */
async function settle(context: BenchContext, maxSeconds: number): Promise<void> {
  const until = Date.now() + maxSeconds * 1000;
  let last = context.emulator.requests().total;
  while (Date.now() < until) {
    await new Promise((done) => setTimeout(done, 1500));
    const now = context.emulator.requests().total;
    if (now - last <= 2) return;
    last = now;
  }
}

interface StrategyFigures {
  requests: number;
  perMinute: number;
  shown: Staleness;
  all: Staleness;
}

const describe = (s: Staleness) => `${round1(s.meanSeconds)} s mean, ${round1(s.maxSeconds)} s max`;

export async function apiEconomySection(context: BenchContext): Promise<SectionResult> {
  const windowSeconds = context.options.quick ? 15 : 60;
  const sizes = context.options.quick ? FLEET_SIZES.slice(0, 2) : FLEET_SIZES;
  const polling = DEFAULT_POLLING;
  const rows: Row[] = [];
  const details: Record<number, unknown> = {};
  for (const size of sizes) {
    context.emulator.load(fleetScenario(size));
    const names = fleetScenario(size).pipelines.map((p) => p.declaration.name!);

    // Ours: the overview in a browser, measured in its steady state.
    const { context: browserContext, page } = await openPage(context.browser, { appUrl: context.app.url, polling });
    const reads = trackStateReads(page);
    await installOverviewProbe(page);
    await page.goto("/");
    await overviewTimes(page, 120_000);
    await settle(context, 90);
    const initialRequests = context.emulator.requests().total;
    context.emulator.resetRequests();
    const shownRows = await visibleOverviewRows(page);
    const windowStart = Date.now();
    await page.waitForTimeout(windowSeconds * 1000);
    const windowEnd = Date.now();
    const counted = context.emulator.requests();
    await browserContext.close();
    const shownNames = shownRows.map((r) => r.name);
    const running = shownRows.filter((r) => RUNNING.test(r.status)).length;
    // The floor: each shown pipeline's state once per its interval, and the list once per listSeconds.
    const minimumPerMinute =
      running * (60 / polling.activeSeconds) + (shownRows.length - running) * (60 / polling.idleSeconds) + 60 / polling.listSeconds;
    const ours: StrategyFigures = {
      requests: counted.total,
      perMinute: (counted.total * 60_000) / (windowEnd - windowStart),
      shown: staleness(reads, shownNames, windowStart, windowEnd),
      all: staleness(reads, names, windowStart, windowEnd),
    };

    // Peers, each alone against the same world.
    context.emulator.resetRequests();
    const fixed = await pollEverything(context.emulator.url, { intervalSeconds: polling.idleSeconds, seconds: windowSeconds, concurrency: polling.maxConcurrentRequests });
    const fixedFigures: StrategyFigures = {
      requests: fixed.requests,
      perMinute: (fixed.requests * 60_000) / (fixed.endedAt - fixed.startedAt),
      shown: staleness(fixed.reads, shownNames, fixed.startedAt, fixed.endedAt),
      all: staleness(fixed.reads, names, fixed.startedAt, fixed.endedAt),
    };
    const once = await fetchOnce(context.emulator.url, { concurrency: polling.maxConcurrentRequests });
    // Nothing happens after the one read, so its staleness over the same window follows from the read times.
    const onceEnd = once.startedAt + windowSeconds * 1000;
    const onceFigures: StrategyFigures = {
      requests: once.requests,
      perMinute: (once.requests * 60_000) / (windowSeconds * 1000),
      shown: staleness(once.reads, shownNames, once.startedAt, onceEnd),
      all: staleness(once.reads, names, once.startedAt, onceEnd),
    };

    const ratio = ours.perMinute / minimumPerMinute;
    details[size] = { windowSeconds, polling, shown: shownRows.length, running, minimumPerMinute, initialRequests, ours: { ...ours, byOperation: counted.byOperation }, pollEverything: fixedFigures, fetchOnce: onceFigures };
    rows.push(
      {
        section: "API",
        measure: `${size} pipelines, ours: requests/min (ratio to minimum)`,
        value: `${round1(ours.perMinute)} (${ratio.toFixed(2)})`,
        reference: `minimum ${round1(minimumPerMinute)}/min for ${shownRows.length} shown (${running} running); first load ${initialRequests} requests`,
      },
      {
        section: "API",
        measure: `${size} pipelines, staleness shown / all: ours`,
        value: `${describe(ours.shown)} / ${describe(ours.all)}`,
      },
      {
        section: "API",
        measure: `${size} pipelines, poll all every ${polling.idleSeconds} s: requests/min, staleness shown / all`,
        value: `${round1(fixedFigures.perMinute)}; ${describe(fixedFigures.shown)} / ${describe(fixedFigures.all)}`,
        reference: ours.perMinute > 0 ? `${round1(fixedFigures.perMinute / ours.perMinute)}x ours` : "ours made none in the window",
      },
      {
        section: "API",
        measure: `${size} pipelines, fetch once: requests/min, staleness shown / all`,
        value: `0 after ${once.requests} once; ${describe(onceFigures.shown)} / ${describe(onceFigures.all)}`,
        reference: `staleness over the same ${windowSeconds} s window; it grows without bound`,
      },
    );
  }
  return { rows, details };
}

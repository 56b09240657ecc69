import type { BrowserContext } from "@playwright/test";
import { generatedPipelines } from "../../emulator/src/demo/generated";
import type { Scenario } from "../../emulator/src/scenario/types";
import { openPage } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { median, ms, percentile, round1, type Row, type SectionResult } from "../lib/report";
import { STEP_STAGES } from "../lib/scenarios";
import { samplesFor, VIEWS } from "./update-latency";

/*
 * Live updates (docs/live-updates.md) side by side with polling, in one run:
 * - change → on screen: the update section's stepping pipeline, overview and pipeline page, events on and off;
 * - CodePipeline requests per minute for 1, 10 and 50 viewers (each its own browser context, as separate
 *   people) of the same 100 pipelines, on the overview, while the world keeps changing: the clock moves
 *   SIM_SPEED simulated seconds per real second and every pipeline starts a run every TRAFFIC_SECONDS, so both
 *   modes see the same changes.
 */

const FLEET = 100;
const TRAFFIC_SECONDS = 1800;
const SIM_SPEED = 10;

function changingFleet(): Scenario {
  return { seed: 8, traffic: true, pipelines: generatedPipelines(FLEET, 8).map((p) => ({ ...p, traffic: { everySeconds: TRAFFIC_SECONDS } })) };
}

/** Until every page shows its rows' statuses, then until the first reads are over (a quiet second). */
async function openViewers(context: BenchContext, count: number, events: boolean): Promise<BrowserContext[]> {
  const open = async () => {
    const { context: browserContext, page } = await openPage(context.browser, { appUrl: context.app.url, emulatorUrl: context.emulator.url, events, viewport: { width: 1280, height: 800 } });
    await page.goto("/", { timeout: 180_000 });
    await page.waitForFunction(`[...document.querySelectorAll('[aria-label="Pipelines"] li a[href^="/pipelines/"]')].length > 0 && !document.body.innerText.includes("Loading status")`, undefined, { timeout: 300_000 });
    if (events) await page.getByRole("timer").filter({ hasText: /· Live$/ }).first().waitFor({ timeout: 120_000 });
    return browserContext;
  };
  // Ten at a time: all at once would time the machine, not the app.
  const contexts: BrowserContext[] = [];
  for (let i = 0; i < count; i += 10) contexts.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, open))));
  let last = context.emulator.requests().total;
  for (let quiet = 0; quiet < 2; ) {
    await new Promise((done) => setTimeout(done, 1000));
    const now = context.emulator.requests().total;
    quiet = now - last <= count ? quiet + 1 : 0;
    last = now;
  }
  return contexts;
}

async function requestsPerMinute(context: BenchContext, count: number, events: boolean, windowSeconds: number) {
  context.emulator.load(changingFleet());
  const contexts = await openViewers(context, count, events);
  try {
    context.emulator.resetRequests();
    const started = Date.now();
    for (let s = 0; s < windowSeconds; s++) {
      await new Promise((done) => setTimeout(done, 1000));
      context.emulator.advanceSeconds(SIM_SPEED);
    }
    const counted = context.emulator.requests();
    return { perMinute: (counted.total * 60_000) / (Date.now() - started), byOperation: counted.byOperation };
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}

export async function liveUpdatesSection(context: BenchContext): Promise<SectionResult> {
  const quick = context.options.quick;
  const samples = Math.min(quick ? 2 : 6, STEP_STAGES.length - 1);
  const viewerCounts = quick ? [1, 5] : [1, 10, 50];
  const windowSeconds = quick ? 20 : 60;
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};

  for (const view of VIEWS.filter((v) => v.name !== "wall")) {
    const polled = await samplesFor(context, view, samples, false);
    const live = await samplesFor(context, view, samples, true);
    details[`latency ${view.name}`] = { polling: polled, events: live };
    context.log(`live: ${view.name} latency events ${JSON.stringify(live)} polling ${JSON.stringify(polled)}`);
    rows.push({
      section: "Live",
      measure: `Change -> on screen, ${view.name}: events / polling`,
      value: `median ${ms(median(live))}, max ${ms(percentile(live, 100))} / median ${ms(median(polled))}, max ${ms(percentile(polled, 100))}`,
      reference: `${samples} changes each; goal with events: median under 1.5 s`,
    });
  }

  for (const count of viewerCounts) {
    let polled, live;
    try {
      context.log(`live: ${count} viewer(s), polling ...`);
      polled = await requestsPerMinute(context, count, false, windowSeconds);
      context.log(`live: ${count} viewer(s), events ...`);
      live = await requestsPerMinute(context, count, true, windowSeconds);
    } catch (error) {
      // Many browsers on a loaded machine may not all load: keep the figures of the smaller counts.
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      rows.push({ section: "Live", measure: `${count} viewer(s) of ${FLEET} pipelines`, value: "(failed)", reference: message.slice(0, 100) });
      details[`viewers ${count}`] = { error: message };
      continue;
    }
    details[`viewers ${count}`] = { windowSeconds, polling: polled, events: live };
    context.log(`live: ${count} viewer(s) ${JSON.stringify(details[`viewers ${count}`])}`);
    rows.push({
      section: "Live",
      measure: `${count} viewer(s) of ${FLEET} pipelines: CodePipeline requests/min, events / polling`,
      value: `${round1(live.perMinute)} / ${round1(polled.perMinute)}`,
      reference: live.perMinute > 0 ? `${round1(polled.perMinute / live.perMinute)}x fewer with events; goal at 50 viewers: at least 5x` : "no requests with events",
    });
  }
  return { rows, details };
}

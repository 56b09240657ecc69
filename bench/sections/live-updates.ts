import type { BrowserContext, Page, Request } from "@playwright/test";
import { generatedPipelines } from "../../emulator/src/demo/generated";
import type { Scenario } from "../../emulator/src/scenario/types";
import { DEFAULT_POLLING } from "../lib/app";
import { openPage } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { median, ms, percentile, round1, type Row, type SectionResult } from "../lib/report";
import { STEP_STAGES } from "../lib/scenarios";
import { samplesFor, VIEWS } from "./update-latency";

/*
 * Live updates (docs/live-updates.md) side by side with polling, in one run:
 * - change → on screen: the update section's stepping pipeline, overview and pipeline page, events on and off;
 * - CodePipeline requests per minute for 1, 10 and 50 viewers (each its own browser context, as separate
 *   people) of the same 100 pipelines (50 of the typical fleet only: see defaultRuns), on the overview, while
 *   the world keeps changing: every pipeline starts a run every FLEETS[fleet] seconds (drawn per run, so runs
 *   do not start in step), on a clock that moves at real speed.
 *   A faster clock would not be fair: polling keeps its wall-clock intervals while the events (and the reads they
 *   cause) come as fast as the simulated world changes. The window is one off-screen period (offscreenSeconds),
 *   so it holds each page's refresh of its rows off screen once: a shorter one left it out of polling's count.
 */

const FLEET = 100;
/**
 * How often each pipeline starts a run. Busy: every 5 to 15 minutes, runs of about 10, so most rows on screen run
 * or wait and most rows off screen change within any five minutes (the hardest case for events). Typical: every
 * 1 to 4 hours, so most rows are idle.
 */
const FLEETS: Record<string, [number, number]> = { busy: [300, 900], typical: [3600, 14_400] };
/** Viewers opened at once: more at once times the machine (2 cores), not the app. */
const OPEN_BATCH = 5;

function changingFleet(fleet: string): Scenario {
  const everySeconds = FLEETS[fleet];
  if (!everySeconds) throw new Error(`no fleet "${fleet}": ${Object.keys(FLEETS).join(", ")}`);
  return { seed: 8, traffic: true, pipelines: generatedPipelines(FLEET, 8).map((p) => ({ ...p, traffic: { everySeconds } })) };
}

interface Viewer {
  context: BrowserContext;
  page: Page;
  /** Pipelines whose state, and whose newest runs, this page has read (answered), until `stop`. */
  read: { states: Set<string>; runs: Set<string>; stop(): void };
}

/**
 * Counts, per page, the pipelines each first read has covered: the emulator's totals cannot tell pages apart.
 * Stopped once they are: with 50 pages, every request's event handled here is the bench's time, not the app's.
 */
function trackFirstReads(page: Page): Viewer["read"] {
  const onRequest = (request: Request) => {
    const target = request.headers()["x-amz-target"]?.split(".").pop();
    if (target !== "GetPipelineState" && target !== "ListPipelineExecutions") return;
    const body = request.postDataJSON() as { name?: string; pipelineName?: string } | null;
    if (target === "GetPipelineState" && body?.name) read.states.add(body.name);
    if (target === "ListPipelineExecutions" && body?.pipelineName) read.runs.add(body.pipelineName);
  };
  const read = { states: new Set<string>(), runs: new Set<string>(), stop: () => page.off("requestfinished", onRequest) };
  page.on("requestfinished", onRequest);
  return read;
}

/** Until every page shows its rows' statuses (and with events, says Live), then until each page has read every pipeline once and two seconds were quiet. */
async function openViewers(context: BenchContext, count: number, events: boolean): Promise<Viewer[]> {
  const open = async (): Promise<Viewer> => {
    const { context: browserContext, page } = await openPage(context.browser, { appUrl: context.app.url, events, viewport: { width: 1280, height: 800 } });
    const read = trackFirstReads(page);
    await page.goto("/", { timeout: 300_000 });
    await page.waitForFunction(`[...document.querySelectorAll('[aria-label="Pipelines"] li a[href^="/pipelines/"]')].length > 0 && !document.body.innerText.includes("Loading status")`, undefined, { timeout: 600_000 });
    if (events) await page.getByRole("timer").filter({ hasText: /· Live$/ }).first().waitFor({ timeout: 300_000 });
    return { context: browserContext, page, read };
  };
  const viewers: Viewer[] = [];
  try {
    for (let i = 0; i < count; i += OPEN_BATCH) {
      viewers.push(...(await Promise.all(Array.from({ length: Math.min(OPEN_BATCH, count - i) }, open))));
      // The world goes on while later batches load, as it would.
      context.emulator.advanceSeconds(1);
    }
    await firstReadsOver(context, viewers);
  } catch (error) {
    await Promise.all(viewers.map((v) => v.context.close()));
    throw error;
  }
  return viewers;
}

async function firstReadsOver(context: BenchContext, viewers: Viewer[]) {
  // Every page reads each pipeline's state and newest runs once on load, the rows in view first: on a loaded
  // machine the rest trickle in for minutes. Waited for page by page: the emulator's totals reach 100 per page
  // early, counting the polls and event reads of the pages already open, and the rest of the first reads then
  // fell into the window (50 viewers: 1,900 ListPipelineExecutions in 104 s, against 15 for 10 viewers).
  const readAll = (v: Viewer) => v.read.states.size >= FLEET && v.read.runs.size >= FLEET;
  for (const giveUp = Date.now() + 900_000; !viewers.every(readAll); ) {
    if (Date.now() > giveUp) throw new Error(`first reads not over after 15 minutes: ${viewers.filter(readAll).length} of ${viewers.length} pages`);
    await new Promise((done) => setTimeout(done, 1000));
    context.emulator.advanceSeconds(1);
  }
  viewers.forEach((v) => v.read.stop());
  let last = context.emulator.requests().total;
  for (let quiet = 0; quiet < 2; ) {
    await new Promise((done) => setTimeout(done, 1000));
    context.emulator.advanceSeconds(1);
    const now = context.emulator.requests().total;
    quiet = now - last <= viewers.length ? quiet + 1 : 0;
    last = now;
  }
}

/** What each page's freshness indicator says of the live mode: "Live", "Live updates paused, polling", or "" (none). */
async function liveModes(viewers: Viewer[]): Promise<Record<string, number>> {
  const modes: Record<string, number> = {};
  for (const { page } of viewers) {
    const text = await page.getByRole("timer").first().innerText({ timeout: 10_000 }).catch(() => "(no indicator)");
    const mode = text.includes("·") ? text.slice(text.lastIndexOf("·") + 1).trim() : "";
    modes[mode] = (modes[mode] ?? 0) + 1;
  }
  return modes;
}

async function requestsPerMinute(context: BenchContext, fleet: string, count: number, events: boolean, windowSeconds: number) {
  context.emulator.load(changingFleet(fleet));
  const opened = Date.now();
  const viewers = await openViewers(context, count, events);
  const openSeconds = Math.round((Date.now() - opened) / 1000);
  try {
    context.emulator.resetRequests();
    // How much the world changed in the window (EventBridge events of every pipeline, on screen or not).
    let changes = 0;
    const stopCounting = context.emulator.server.core.onStateEvent(() => changes++);
    const started = Date.now();
    const modesAt: Record<string, Record<string, number>> = {};
    for (let s = 1; s <= windowSeconds; s++) {
      await new Promise((done) => setTimeout(done, 1000));
      context.emulator.advanceSeconds(1);
      // Whether the sockets held through the window (a page that fell back to polling would poll at 5 s).
      if (events && s === Math.round(windowSeconds / 2)) modesAt.middle = await liveModes(viewers);
    }
    stopCounting();
    const counted = context.emulator.requests();
    const seconds = (Date.now() - started) / 1000;
    if (events) modesAt.end = await liveModes(viewers);
    return { perMinute: (counted.total * 60) / seconds, windowSeconds: Math.round(seconds), openSeconds, stateChangeEvents: changes, byOperation: counted.byOperation, ...(events && { liveModes: modesAt }) };
  } finally {
    await Promise.all(viewers.map((v) => v.context.close()));
  }
}

export async function liveUpdatesSection(context: BenchContext): Promise<SectionResult> {
  const quick = context.options.quick;
  const samples = Math.min(quick ? 2 : 6, STEP_STAGES.length - 1);
  const busy = (viewers: number) => ({ fleet: "busy", viewers });
  const typical = (viewers: number) => ({ fleet: "typical", viewers });
  // 50 viewers of the busy fleet do not load on a 2-core machine (37 of 50 polling pages had read every
  // pipeline after 15 minutes, load average 35): `--live-runs busy:50` on a larger one.
  const defaultRuns = quick ? [busy(1), busy(5)] : [busy(1), busy(10), typical(1), typical(50)];
  // Quick: too short to hold an off-screen refresh, for developing the section only.
  const windowSeconds = quick ? 20 : DEFAULT_POLLING.offscreenSeconds;
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

  for (const { fleet, viewers: count } of context.options.liveRuns ?? defaultRuns) {
    const name = `${count} viewer(s) of ${FLEET} ${fleet} pipelines`;
    let polled, live;
    try {
      context.log(`live: ${name}, polling ...`);
      polled = await requestsPerMinute(context, fleet, count, false, windowSeconds);
      context.log(`live: ${name}, events ...`);
      live = await requestsPerMinute(context, fleet, count, true, windowSeconds);
    } catch (error) {
      // Many browsers on a loaded machine may not all load: keep the figures of the smaller counts.
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      rows.push({ section: "Live", measure: name, value: "(failed)", reference: message.slice(0, 100) });
      details[name] = { error: message };
      continue;
    }
    details[name] = { polling: polled, events: live };
    context.log(`live: ${name} ${JSON.stringify(details[name])}`);
    rows.push({
      section: "Live",
      measure: `${name}: CodePipeline requests/min, events / polling`,
      value: `${round1(live.perMinute)} / ${round1(polled.perMinute)}`,
      reference: live.perMinute > 0 ? `${round1(polled.perMinute / live.perMinute)}x fewer with events; goal at 50 viewers: at least 5x` : "no requests with events",
    });
  }
  return { rows, details };
}

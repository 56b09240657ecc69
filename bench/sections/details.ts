import type { Page } from "@playwright/test";
import { codeBuild, githubSource, pipeline, stage } from "../../emulator/src/demo/builders";
import type { Scenario } from "../../emulator/src/scenario/types";
import { openPage } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { median, ms, percentile, round1, type Row, type SectionResult } from "../lib/report";

/*
 * The action details' build log: how long from opening a failed CodeBuild action to its failing line on screen,
 * how a 100,000-line log paints and scrolls, and what an open log view costs in requests while it follows a
 * running build and once the build has ended (which must be nothing).
 */

const NAME = "bench-build";
const FAILURE = "Unit tests failed: checkout";
const LONG_LOG = 100_000;

function buildScenario(options: { fails: boolean; logLines?: number; seconds: number }): Scenario {
  return {
    seed: 18,
    traffic: false,
    pipelines: [
      {
        declaration: pipeline({
          name: NAME,
          stages: [stage("Source", [githubSource("acme/bench-build")]), stage("Build", [codeBuild("Compile", "bench-build", { in: "SourceOutput" })])],
        }),
        actions: {
          "Source.Source": { durationSeconds: 10 },
          "Build.Compile": {
            durationSeconds: options.seconds,
            ...(options.fails && { failOnRuns: [1], error: { code: "JobFailed", message: FAILURE } }),
            ...(options.logLines !== undefined && { build: { logLines: options.logLines } }),
          },
        },
        timeline: [{ at: 0, type: "start" }],
      },
    ],
  };
}

const LOG = '[role="region"][aria-label="Build log"]';
/** In the page: the log's highlighted failing line lies inside the log's visible box. */
const FAILED_LINE_ON_SCREEN = `(() => {
  const log = document.querySelector(${JSON.stringify(LOG)});
  const line = log?.querySelector('[aria-current="true"]');
  if (!log || !line) return false;
  const a = log.getBoundingClientRect(), b = line.getBoundingClientRect();
  return b.top >= a.top && b.bottom <= a.bottom;
})()`;
const FIRST_LINE_SHOWN = `!!document.querySelector(${JSON.stringify(LOG)})?.innerText.trim()`;

const waitFor = (page: Page, predicate: string) => page.waitForFunction(predicate, undefined, { polling: "raf", timeout: 120_000 });

/** Opens the pipeline page fresh (empty cache) and clicks the action's details link; ms until each predicate holds. */
async function openDetails(context: BenchContext, predicates: string[]): Promise<{ page: Page; times: number[]; close: () => Promise<void> }> {
  const { context: browserContext, page } = await openPage(context.browser, { appUrl: context.app.url });
  await page.goto(`/pipelines/${NAME}`);
  const link = page.getByRole("link", { name: "Run details of Compile" });
  await link.waitFor();
  const started = Date.now();
  await link.click();
  const times: number[] = [];
  for (const predicate of predicates) {
    await waitFor(page, predicate);
    times.push(Date.now() - started);
  }
  return { page, times, close: () => browserContext.close() };
}

/**
 * Scrolls the log by `step` px every animation frame for `frames` frames; the frame intervals in ms. A string
 * evaluated in the page: tsx names functions with a helper the page does not have (see overview-probe.ts).
 */
function scrollFrames(page: Page, step: number, frames: number): Promise<number[]> {
  return page.evaluate(`new Promise((done) => {
    const log = document.querySelector(${JSON.stringify(LOG)});
    log.scrollTop = 0;
    const intervals = [];
    let last = performance.now();
    const tick = (now) => {
      intervals.push(now - last);
      last = now;
      log.scrollTop += ${step};
      if (intervals.length < ${frames}) requestAnimationFrame(tick);
      else done(intervals.slice(1));
    };
    requestAnimationFrame(tick);
  })`);
}

const LOG_OPERATIONS = ["GetLogEvents", "BatchGetBuilds"];
const logRequests = (context: BenchContext) => {
  const { byOperation } = context.emulator.requests();
  return LOG_OPERATIONS.reduce((sum, op) => sum + (byOperation[op] ?? 0), 0);
};

export async function detailsSection(context: BenchContext): Promise<SectionResult> {
  const quick = context.options.quick;
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};

  // 1. A failed build with a log of a few hundred lines: open → failing line on screen.
  const openTimes: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    context.emulator.load(buildScenario({ fails: true, seconds: 240 }));
    context.emulator.advanceSeconds(400);
    const opened = await openDetails(context, [FAILED_LINE_ON_SCREEN]);
    openTimes.push(opened.times[0]!);
    await opened.close();
  }
  details.openToFailedLine = openTimes;
  rows.push({
    section: "Details",
    measure: "Details open -> failed line on screen (failed CodeBuild action, ~250-line log)",
    value: `median ${ms(median(openTimes))}`,
    reference: `${openTimes.length} opens from the graph, fresh page each; BatchGetBuilds + GetLogEvents`,
  });

  // 2. A failed build with a 100,000-line log: first lines, failing line, then scrolling frame by frame.
  context.emulator.load(buildScenario({ fails: true, logLines: LONG_LOG, seconds: 900 }));
  context.emulator.advanceSeconds(1200);
  const long = await openDetails(context, [FIRST_LINE_SHOWN, FAILED_LINE_ON_SCREEN]);
  const scrollHeightPx = await long.page.evaluate<number>(`document.querySelector(${JSON.stringify(LOG)}).scrollHeight`);
  const frames = await scrollFrames(long.page, 400, quick ? 120 : 600);
  await long.close();
  details.longLog = { firstLinesMs: long.times[0], failedLineMs: long.times[1], scrollHeightPx, frameIntervalsMs: frames };
  rows.push(
    {
      section: "Details",
      measure: `${LONG_LOG.toLocaleString("en")}-line log: first lines painted / failing line on screen`,
      value: `${ms(long.times[0]!)} / ${ms(long.times[1]!)}`,
      reference: "GetLogEvents pages of 10,000 events from the head, each page shown as it arrives",
    },
    {
      section: "Details",
      measure: `${LONG_LOG.toLocaleString("en")}-line log: scroll frame interval`,
      value: `p95 ${round1(percentile(frames, 95))} ms, max ${round1(percentile(frames, 100))} ms`,
      reference: `${frames.length} frames scrolling 400 px each (virtualized: ~60 Hz is 16.7 ms)`,
    },
  );

  // 3. Requests of an open log view: following a running build, then after it ended.
  const windowMs = quick ? 15_000 : 60_000;
  context.emulator.load(buildScenario({ fails: false, seconds: 600 }));
  context.emulator.advanceSeconds(120);
  const live = await openDetails(context, [FIRST_LINE_SHOWN]);
  context.emulator.resetRequests();
  const following = Date.now();
  // Simulated time moves on as the test waits, so the log keeps growing.
  while (Date.now() - following < windowMs) {
    await live.page.waitForTimeout(2_000);
    context.emulator.advanceSeconds(4);
  }
  const followingPerMinute = (logRequests(context) * 60_000) / (Date.now() - following);
  context.emulator.advanceSeconds(900);
  await live.page.getByText(/^[\d,]+ lines$/).waitFor({ timeout: 120_000 });
  context.emulator.resetRequests();
  const ended = Date.now();
  await live.page.waitForTimeout(windowMs);
  const endedPerMinute = (logRequests(context) * 60_000) / (Date.now() - ended);
  await live.close();
  details.requestsPerMinute = { following: followingPerMinute, afterEnd: endedPerMinute, windowMs };
  rows.push({
    section: "Details",
    measure: "Open log view: log requests per minute while following / after the build ended",
    value: `${round1(followingPerMinute)} / ${round1(endedPerMinute)}`,
    reference: `GetLogEvents + BatchGetBuilds over ${windowMs / 1000} s each; activeSeconds 5; after the end it must be 0`,
  });
  return { rows, details };
}

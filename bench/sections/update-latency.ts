import type { Page } from "@playwright/test";
import { openPage } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { median, ms, percentile, type Row, type SectionResult } from "../lib/report";
import { STEP_SECONDS, STEP_STAGES, steppingScenario } from "../lib/scenarios";

const PIPELINE = "stepper";

interface View {
  name: string;
  path: string;
  cadence: string;
  /** True in the page once it shows the pipeline in `stage`. */
  shows: (stage: string) => string;
  viewport?: { width: number; height: number };
}

// Predicates are strings evaluated in the page (see overview-probe.ts for why not functions).
export const VIEWS: View[] = [
  {
    name: "overview",
    path: "/",
    cadence: "polls every 5 s while running (activeSeconds)",
    shows: (stage) => `[...document.querySelectorAll('[aria-label="Pipelines"] li')].some((li) => li.innerText.includes(${JSON.stringify(PIPELINE)}) && li.innerText.includes(${JSON.stringify(`in ${stage}`)}))`,
  },
  {
    name: "pipeline page",
    path: `/pipelines/${PIPELINE}`,
    cadence: "polls every 5 s while running (activeSeconds)",
    // Wide enough for the whole 10-stage graph to fit: off-screen nodes are not in the DOM, so not on screen either.
    viewport: { width: 1920, height: 1080 },
    shows: (stage) => {
      const action = stage === STEP_STAGES[0] ? "Source" : `${stage}Job`;
      return `!!document.querySelector('[aria-label^=${JSON.stringify(`Action ${action}: In progress`)}]')`;
    },
  },
  {
    name: "wall",
    path: `/wall`,
    cadence: "the wall refreshes every 30 s by default (?refresh=)",
    shows: (stage) => `[...document.querySelectorAll('[data-testid="wall-tile"]')].some((t) => t.innerText.includes(${JSON.stringify(stage)}) && /in progress/i.test(t.innerText))`,
  },
];

/**
 * Moves the emulator's clock one stage on and times until the page shows the new stage: the polling
 * interval (activeSeconds while running) plus request and render time. A page-side check every
 * animation frame, so the figure is the page's, not the round trips of asking it.
 */
export async function samplesFor(context: BenchContext, view: View, samples: number, events = false): Promise<number[]> {
  context.emulator.load(steppingScenario(PIPELINE));
  const { context: browserContext, page } = await openPage(context.browser, { appUrl: context.app.url, viewport: view.viewport, events });
  try {
    await page.goto(view.path);
    await waitFor(page, view.shows(STEP_STAGES[0]));
    const latencies: number[] = [];
    for (let i = 1; i <= samples; i++) {
      // Start between two polls, at a random phase, as a real change would.
      await page.waitForTimeout(Math.random() * 1000);
      const started = Date.now();
      context.emulator.advanceSeconds(STEP_SECONDS);
      await waitFor(page, view.shows(STEP_STAGES[i]));
      latencies.push(Date.now() - started);
    }
    return latencies;
  } finally {
    await browserContext.close();
  }
}

function waitFor(page: Page, predicate: string) {
  return page.waitForFunction(predicate, undefined, { polling: "raf", timeout: 90_000 });
}

export async function updateLatencySection(context: BenchContext): Promise<SectionResult> {
  const samples = context.options.quick ? 2 : 6;
  const rows: Row[] = [];
  const details: Record<string, number[]> = {};
  for (const view of VIEWS) {
    // The wall waits up to its 30 s refresh per change: fewer samples keep the run short.
    const count = view.name === "wall" ? Math.ceil(samples / 2) : samples;
    const latencies = await samplesFor(context, view, Math.min(count, STEP_STAGES.length - 1));
    details[view.name] = latencies;
    rows.push({
      section: "Update",
      measure: `Emulator change -> on screen, ${view.name} (running pipeline)`,
      value: `median ${ms(median(latencies))}, max ${ms(percentile(latencies, 100))}`,
      reference: `${latencies.length} changes; ${view.cadence}`,
    });
  }
  return { rows, details };
}

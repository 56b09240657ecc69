import type { Page } from "@playwright/test";
import { openPage } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { ms, percentile, round1, type Row, type SectionResult } from "../lib/report";
import { graphScenario } from "../lib/scenarios";

const SIZES = [5, 20, 50];

interface GraphRender {
  /** ms from navigation start to the first frame with the Source stage and an action on screen. */
  renderedMs: number;
  nodes: number;
  articlesInDom: number;
}

/** Records, per animation frame, the time since the previous one; read back with `stopFrameSampler`. */
const START_FRAME_SAMPLER = `(() => {
  const frames = [];
  let last = performance.now();
  window.__benchFrames = frames;
  window.__benchSampling = true;
  const tick = (now) => {
    frames.push(now - last);
    last = now;
    if (window.__benchSampling) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

async function renderGraph(page: Page, name: string): Promise<GraphRender> {
  await page.goto(`/pipelines/${name}`);
  const handle = await page.waitForFunction(
    `(() => {
      const graph = document.querySelector('[data-testid="pipeline-graph"]');
      if (!graph || !graph.querySelector('[aria-label="Stage Source"]') || !graph.querySelector('[aria-label^="Action "]')) return false;
      return { renderedMs: performance.now(), nodes: Number(graph.getAttribute("data-node-count")), articlesInDom: graph.querySelectorAll('[aria-label^="Action "]').length };
    })()`,
    undefined,
    { polling: "raf", timeout: 120_000 },
  );
  return (await handle.jsonValue()) as GraphRender;
}

/** Drag the canvas around for a few seconds and keep the frame-to-frame times. */
async function panFrames(page: Page, seconds: number): Promise<number[]> {
  const box = (await page.getByTestId("pipeline-graph").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.evaluate(START_FRAME_SAMPLER);
  await page.mouse.down();
  const steps = Math.round(seconds * 30);
  for (let i = 0; i < steps; i++) {
    // A slow circle of 300 px: always new parts of the graph coming into view.
    const angle = (i / steps) * 4 * Math.PI;
    await page.mouse.move(cx - 300 * Math.sin(angle) - i * 4, cy + 150 * Math.cos(angle) - 150);
    await page.waitForTimeout(1000 / 30);
  }
  await page.mouse.up();
  const frames = (await page.evaluate("(() => { window.__benchSampling = false; return window.__benchFrames; })()")) as number[];
  return frames.slice(1);
}

export async function graphSection(context: BenchContext): Promise<SectionResult> {
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const size of context.options.quick ? [5, 50] : SIZES) {
    const { name, scenario } = graphScenario(size);
    context.emulator.load(scenario);
    context.emulator.advanceSeconds(60);
    const { context: browserContext, page } = await openPage(context.browser, { appUrl: context.app.url });
    try {
      const render = await renderGraph(page, name);
      // React Flow culls nodes outside the viewport once it has measured them: count again when settled.
      await page.waitForTimeout(2000);
      const settledArticles = await page.getByTestId("pipeline-graph").locator('[aria-label^="Action "]').count();
      details[`${size}x${size}`] = { ...render, settledArticles };
      rows.push({
        section: "Graph",
        measure: `Pipeline page ${size}x${size}: navigation -> graph drawn`,
        value: ms(render.renderedMs),
        reference: `${render.nodes} nodes; actions in the DOM: ${render.articlesInDom} at first draw, ${settledArticles} after 2 s`,
      });
      if (size === SIZES.at(-1)) {
        const frames = await panFrames(page, context.options.quick ? 1.5 : 5);
        const long = frames.filter((f) => f > 50).length;
        details.pan = { frames: frames.map(round1), p50: percentile(frames, 50), p95: percentile(frames, 95), max: percentile(frames, 100) };
        rows.push({
          section: "Graph",
          measure: `Panning ${size}x${size}: frame time p50 / p95 / max`,
          value: `${round1(percentile(frames, 50))} / ${round1(percentile(frames, 95))} / ${round1(percentile(frames, 100))} ms`,
          reference: `${frames.length} frames, ${long} over 50 ms (headless Chromium, software rendering)`,
        });
      }
    } finally {
      await browserContext.close();
    }
  }
  return { rows, details };
}

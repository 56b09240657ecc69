import type { CDPSession } from "@playwright/test";
import { demoScenario } from "../../emulator/src/demo";
import type { Polling } from "../lib/app";
import { openPage } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { mb, type Row, type SectionResult } from "../lib/report";

const SIMULATED_SECONDS = 24 * 3600;
/** As fast as config.json allows, so a day of polling and re-rendering fits in minutes. */
const FAST_POLLING: Polling = { activeSeconds: 1, idleSeconds: 2, listSeconds: 5, offscreenSeconds: 0, maxConcurrentRequests: 4 };

interface MemorySample {
  simulatedHours: number;
  heapUsedBytes: number;
  /** Nodes alive in the renderer, detached ones included (a leak shows here first). */
  nodes: number;
  /** Elements in the document. */
  domElements: number;
  listeners: number;
}

async function sample(cdp: CDPSession, simulatedHours: number): Promise<MemorySample> {
  // Only what survives a full collection is growth.
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const { result } = await cdp.send("Runtime.evaluate", { expression: "document.getElementsByTagName('*').length", returnByValue: true });
  return {
    simulatedHours: Math.round(simulatedHours * 10) / 10,
    heapUsedBytes: metric("JSHeapUsedSize"),
    nodes: metric("Nodes"),
    domElements: result.value as number,
    listeners: metric("JSEventListeners"),
  };
}

const growth = (from: number, to: number) => `${to >= from ? "+" : ""}${(((to - from) / from) * 100).toFixed(1)}%`;

/**
 * The wall display over a simulated day: the demo (with its background traffic) on the manual clock,
 * moved forward in small steps while the wall polls at its fastest.
 */
export async function memorySection(context: BenchContext): Promise<SectionResult> {
  const realSeconds = context.options.quick ? 20 : 120;
  context.emulator.load(demoScenario({ traffic: true }));
  const { context: browserContext, page } = await openPage(context.browser, {
    appUrl: context.app.url,
    polling: FAST_POLLING,
    viewport: { width: 1920, height: 1080 },
  });
  try {
    const cdp = await browserContext.newCDPSession(page);
    await cdp.send("Performance.enable");
    // The wall has its own refresh (URL, default 30 s); 5 s is its minimum.
    await page.goto("/wall?refresh=5");
    await page.getByTestId("wall-tile").first().waitFor();
    await page.waitForTimeout(3000);
    const samples = [await sample(cdp, 0)];
    const stepMs = 500;
    const steps = (realSeconds * 1000) / stepMs;
    const perStep = SIMULATED_SECONDS / steps;
    for (let i = 1; i <= steps; i++) {
      await page.waitForTimeout(stepMs);
      context.emulator.advanceSeconds(perStep);
      if (i % (steps / 4) === 0) samples.push(await sample(cdp, (i * perStep) / 3600));
    }
    const [start, end] = [samples[0], samples.at(-1)!];
    const rows: Row[] = [
      {
        section: "Memory",
        measure: "Wall, JS heap after GC: start -> after 24 simulated h",
        value: `${mb(start.heapUsedBytes)} -> ${mb(end.heapUsedBytes)} (${growth(start.heapUsedBytes, end.heapUsedBytes)})`,
        reference: `quarters: ${samples.map((s) => mb(s.heapUsedBytes)).join(", ")}; ${realSeconds} s real, wall refresh 5 s`,
      },
      {
        section: "Memory",
        measure: "Wall, DOM elements / renderer nodes: start -> end",
        value: `${start.domElements} -> ${end.domElements} / ${start.nodes} -> ${end.nodes}`,
        reference: `event listeners ${start.listeners} -> ${end.listeners}`,
      },
    ];
    return { rows, details: { realSeconds, polling: FAST_POLLING, samples } };
  } finally {
    await browserContext.close();
  }
}

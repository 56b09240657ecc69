/*
 * `npm run bench`: builds the app, starts the emulator (manual clock) and the built app on loopback ports
 * 4750-4759, drives Chromium through Playwright, prints one table and writes it with every detail as JSON.
 *
 *   npm run bench                                   # everything; writes docs/benchmarks.json
 *   npm run bench -- --only size,graph --quick      # some sections, short windows; writes bench/results/quick.json
 *   npm run bench -- --no-build                     # reuse the last bench build
 *
 * Figures are measured here and only reported: nothing in this script passes or fails on a timing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import type { Browser } from "@playwright/test";
import { buildApp, ROOT, serveApp, type ServedApp } from "./lib/app";
import { launchBrowser } from "./lib/browser";
import type { BenchContext, Section } from "./lib/context";
import { BenchEmulator } from "./lib/emulator";
import { parseOptions, type SectionName } from "./lib/options";
import { formatTable, type Row } from "./lib/report";
import { apiEconomySection } from "./sections/api-economy";
import { detailsSection } from "./sections/details";
import { emulatorLoadSection } from "./sections/emulator-load";
import { graphSection } from "./sections/graph";
import { insightsSection } from "./sections/insights";
import { lighthouseSection } from "./sections/lighthouse";
import { loadSection } from "./sections/load";
import { memorySection } from "./sections/memory";
import { sizeSection } from "./sections/size";
import { updateLatencySection } from "./sections/update-latency";

const SECTION_RUNNERS: Record<SectionName, Section> = {
  size: sizeSection,
  load: loadSection,
  update: updateLatencySection,
  graph: graphSection,
  economy: apiEconomySection,
  memory: memorySection,
  lighthouse: lighthouseSection,
  emulator: emulatorLoadSection,
  insights: insightsSection,
  details: detailsSection,
};

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = loadavg();
  let emulator: BenchEmulator | undefined;
  let app: ServedApp | undefined;
  let browser: Browser | undefined;
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  try {
    if (options.build) {
      log("building the app (vite build --manifest) ...");
      await buildApp();
    }
    emulator = await BenchEmulator.start();
    app = await serveApp(emulator.url);
    browser = await launchBrowser();
    const context: BenchContext = { options, emulator, app, browser, log };
    for (const name of options.sections) {
      log(`section ${name} ...`);
      const sectionStarted = Date.now();
      try {
        const result = await SECTION_RUNNERS[name](context);
        rows.push(...result.rows);
        details[name] = { ...(result.details as object), seconds: Math.round((Date.now() - sectionStarted) / 1000) };
      } catch (error) {
        // One broken section must not cost the figures of the others.
        const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
        log(`section ${name} failed: ${message}`);
        rows.push({ section: name, measure: "(failed)", value: message.slice(0, 100) });
        details[name] = { error: error instanceof Error ? error.stack : String(error) };
        process.exitCode = 1;
      }
      log(`section ${name} took ${Math.round((Date.now() - sectionStarted) / 1000)} s`);
    }
  } finally {
    await browser?.close();
    await app?.close();
    await emulator?.close();
  }
  const table = formatTable(rows);
  console.log(table);
  const seconds = Math.round((Date.now() - started) / 1000);
  const machine = { cpus: cpus().length, loadAverageBefore: loadBefore.map((x) => Math.round(x * 100) / 100), loadAverageAfter: loadavg().map((x) => Math.round(x * 100) / 100) };
  console.log(`\n${seconds} s in all; ${machine.cpus} CPUs, load average ${machine.loadAverageBefore[0]} before, ${machine.loadAverageAfter[0]} after.`);
  const out = resolve(ROOT, options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ takenAt: new Date().toISOString(), quick: options.quick, seconds, machine, table, rows, details }, null, 2)}\n`);
  log(`wrote ${options.out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});

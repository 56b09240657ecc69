import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { BENCH_DIST } from "../lib/app";
import { openPage } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { fleetScenario } from "../lib/scenarios";
import { kb, type Row, type SectionResult } from "../lib/report";

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface Weight {
  files: string[];
  /** gzip bytes per file, largest first: where to cut. */
  gzipByFile: Record<string, number>;
  raw: number;
  gzip: number;
  brotli: number;
}

/** The issue's budget for the first page. */
const FIRST_PAGE_GZIP_JS_BUDGET = 200 * 1024;

function weigh(files: string[]): Weight {
  const weight: Weight = { files, gzipByFile: {}, raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = readFileSync(resolve(BENCH_DIST, file));
    weight.raw += bytes.length;
    const gzip = gzipSync(bytes, { level: 9 }).length;
    weight.gzip += gzip;
    weight.gzipByFile[file] = gzip;
    weight.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  weight.gzipByFile = Object.fromEntries(Object.entries(weight.gzipByFile).sort((a, b) => b[1] - a[1]));
  return weight;
}

/** Every chunk a key pulls in through static imports: what the browser must load before it runs. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) closure(manifest, imported, seen);
  return seen;
}

function filesOf(manifest: Manifest, keys: Iterable<string>): { js: string[]; css: string[] } {
  const js: string[] = [];
  const css: string[] = [];
  for (const key of keys) {
    js.push(manifest[key].file);
    css.push(...(manifest[key].css ?? []));
  }
  return { js, css: [...new Set(css)] };
}

const routeName = (key: string) => key.replace(/^src\//, "").replace(/\.(tsx?|jsx?)$/, "");

async function assetsLoadedByOverview(context: BenchContext): Promise<{ js: string[]; css: string[] }> {
  const { context: browserContext, page } = await openPage(context.browser, { appUrl: context.app.url });
  const js: string[] = [];
  const css: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname.replace(/^\//, "");
    if (path.endsWith(".js")) js.push(path);
    if (path.endsWith(".css")) css.push(path);
  });
  await page.goto("/");
  await page.getByRole("heading", { name: "Pipelines", level: 1 }).waitFor();
  await page.getByRole("list", { name: "Pipelines" }).getByRole("listitem").first().waitFor();
  await page.waitForLoadState("networkidle").catch(() => {});
  await browserContext.close();
  return { js: [...new Set(js)], css: [...new Set(css)] };
}

/** Features' lazily loaded route modules (the manifest also lists the app shell and SDK helpers as dynamic). */
const isRoute = (key: string) => key.startsWith("src/features/");

export async function sizeSection(context: BenchContext): Promise<SectionResult> {
  const manifest = JSON.parse(readFileSync(resolve(BENCH_DIST, ".vite/manifest.json"), "utf8")) as Manifest;
  context.emulator.load(fleetScenario(10));
  const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  // The first page is what the browser really fetches for the overview (the entry lazily loads the app shell).
  const loaded = await assetsLoadedByOverview(context);
  const firstJs = weigh(loaded.js);
  const firstCss = weigh(loaded.css);
  const firstKeys = new Set(loaded.js.map((f) => keyOfFile.get(f)).filter((k): k is string => k !== undefined));
  const rows: Row[] = [
    { section: "Size", measure: "First page (overview) JS, gzip / brotli", value: `${kb(firstJs.gzip)} / ${kb(firstJs.brotli)}`, reference: `budget ${kb(FIRST_PAGE_GZIP_JS_BUDGET)} gzip; ${loaded.js.length} files, raw ${kb(firstJs.raw)}` },
    { section: "Size", measure: "First page (overview) CSS, gzip / brotli", value: `${kb(firstCss.gzip)} / ${kb(firstCss.brotli)}`, reference: `raw ${kb(firstCss.raw)}` },
  ];

  const routes: Record<string, { js: Weight; css: Weight }> = {};
  for (const key of Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && isRoute(k))) {
    // Only what opening this route adds to what the overview already loaded.
    const own = [...closure(manifest, key)].filter((k) => !firstKeys.has(k));
    const files = filesOf(manifest, own);
    const route = { js: weigh(files.js), css: weigh(files.css.filter((f) => !loaded.css.includes(f))) };
    routes[routeName(key)] = route;
    rows.push({
      section: "Size",
      measure: `Lazy ${routeName(key).replace(/^features\//, "")} JS, gzip / brotli`,
      value: `${kb(route.js.gzip)} / ${kb(route.js.brotli)}`,
      reference: `${route.js.files.length} files${route.css.files.length ? `, + CSS ${kb(route.css.gzip)} gzip` : ""}`,
    });
  }

  // Chunks that only the pipeline pages need (the graph and its libraries): none may load on the overview.
  const otherEntries = Object.keys(manifest).filter((k) => (manifest[k].isEntry || manifest[k].isDynamicEntry) && !k.includes("features/pipeline/"));
  const needElsewhere = new Set(otherEntries.flatMap((k) => [...closure(manifest, k)]));
  const pipelineKey = Object.keys(manifest).find((k) => k.includes("features/pipeline/routes/pipeline-page"));
  const graphOnly = pipelineKey ? [...closure(manifest, pipelineKey)].filter((k) => !needElsewhere.has(k)).map((k) => manifest[k].file) : [];
  const graphLoaded = loaded.js.filter((f) => graphOnly.includes(f));
  rows.push({
    section: "Size",
    measure: "Graph page chunks loaded on the overview",
    value: graphLoaded.length === 0 ? "none" : graphLoaded.join(", "),
    reference: `of ${graphOnly.length} chunks only the pipeline pages need`,
  });
  return {
    rows,
    details: { firstPage: { js: firstJs, css: firstCss }, routes, graphOnlyChunks: graphOnly, graphChunksOnOverview: graphLoaded, withinBudget: firstJs.gzip <= FIRST_PAGE_GZIP_JS_BUDGET },
  };
}

import { launch } from "chrome-launcher";
import lighthouse, { defaultConfig, desktopConfig } from "lighthouse";
import { DEBIAN_CHROMIUM } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { PORTS } from "../lib/ports";
import type { Row, SectionResult } from "../lib/report";
import { fleetScenario } from "../lib/scenarios";
import { demoScenario } from "../../emulator/src/demo";

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;

/**
 * The overview and the wall are desktop and TV pages: both with Lighthouse's desktop preset. The overview also
 * with Lighthouse's default config (mobile: a Moto G Power-sized screen, simulated slow 4G and 4x CPU slowdown),
 * since people open it on a phone, and so is the approval deep link (issue 20).
 */
const RUNS = [
  { key: "overview", label: "overview", path: "/", preset: "desktop" },
  { key: "wall", label: "wall", path: "/wall", preset: "desktop" },
  { key: "overviewMobile", label: "overview (mobile)", path: "/", preset: "mobile" },
  // Where an approver lands from a chat message or a notification, usually on a phone: the demo's waiting plan review.
  { key: "approvalMobile", label: "approval deep link (mobile)", path: "/pipelines/platform-infra/approvals/Review/ApprovePlan", preset: "mobile" },
] as const;

const PRESETS = {
  desktop: { config: desktopConfig, reference: "desktop preset" },
  mobile: { config: defaultConfig, reference: "default config (mobile)" },
} as const;

interface Audit {
  path: string;
  preset: string;
  scores: Record<string, number>;
  /** Audits below a full score in accessibility and best practices: what to fix. */
  failing: { category: string; id: string; title: string }[];
  metrics: Record<string, number | undefined>;
  /** Lighthouse's largest layout shifts (`layout-shifts` audit): the element that moved most in each, and why. */
  layoutShifts: { score: number; selector?: string; snippet?: string; causes: string[] }[];
  warnings: string[];
  /** Where the main thread's time went (`mainthread-work-breakdown`) and the scripts that took most (`bootup-time`), ms. */
  mainThread: Record<string, number>;
  scripts: { url: string; total: number; scripting: number; parse: number }[];
}

interface ShiftItem {
  score?: number;
  node?: { selector?: string; snippet?: string };
  subItems?: { items?: { cause?: unknown }[] };
}

export async function lighthouseSection(context: BenchContext): Promise<SectionResult> {
  context.emulator.load({ ...demoScenario({ traffic: false }), pipelines: [...demoScenario({ traffic: false }).pipelines, ...fleetScenario(50).pipelines] });
  const chrome = await launch({
    chromePath: DEBIAN_CHROMIUM,
    port: PORTS.lighthouseChrome,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  const rows: Row[] = [];
  const details: Record<string, Audit> = {};
  try {
    for (const { key, label, path, preset } of RUNS) {
      const result = await lighthouse(
        `${context.app.url}${path}`,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] },
        PRESETS[preset].config,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${path} (${preset})`);
      const { lhr } = result;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? NaN) * 100)]));
      const failing = (["accessibility", "best-practices"] as const).flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => ({ category, id: ref.id, title: lhr.audits[ref.id].title })),
      );
      const metric = (id: string) => lhr.audits[id]?.numericValue;
      const shiftDetails = lhr.audits["layout-shifts"]?.details as { items?: ShiftItem[] } | undefined;
      const layoutShifts = (shiftDetails?.items ?? []).map((item) => ({
        score: Math.round((item.score ?? 0) * 10000) / 10000,
        selector: item.node?.selector,
        snippet: item.node?.snippet,
        causes: (item.subItems?.items ?? []).map((s) => (typeof s.cause === "string" ? s.cause : JSON.stringify(s.cause))),
      }));
      const metrics = {
        fcp: metric("first-contentful-paint"),
        lcp: metric("largest-contentful-paint"),
        tbt: metric("total-blocking-time"),
        cls: metric("cumulative-layout-shift"),
        si: metric("speed-index"),
      };
      const items = <T,>(id: string) => ((lhr.audits[id]?.details as { items?: T[] } | undefined)?.items ?? []);
      const mainThread = Object.fromEntries(
        items<{ groupLabel: string; duration: number }>("mainthread-work-breakdown").map((i) => [i.groupLabel, Math.round(i.duration)]),
      );
      const scripts = items<{ url: string; total: number; scripting: number; scriptParseCompile: number }>("bootup-time")
        .slice(0, 6)
        .map((i) => ({ url: i.url.replace(context.app.url, ""), total: Math.round(i.total), scripting: Math.round(i.scripting), parse: Math.round(i.scriptParseCompile) }));
      details[key] = { path, preset, scores, failing, metrics, layoutShifts, warnings: lhr.runWarnings, mainThread, scripts };
      const cls = metrics.cls === undefined ? "" : `, CLS ${metrics.cls.toFixed(3)}`;
      rows.push({
        section: "Lighthouse",
        measure: `${label}: performance / accessibility / best practices`,
        value: CATEGORIES.map((c) => scores[c]).join(" / "),
        reference: `${PRESETS[preset].reference}${cls}${failing.length ? `; below 100: ${failing.map((f) => f.id).join(", ")}` : ""}`,
      });
    }
  } finally {
    chrome.kill();
  }
  return { rows, details };
}

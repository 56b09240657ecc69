import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { DEBIAN_CHROMIUM } from "../lib/browser";
import type { BenchContext } from "../lib/context";
import { PORTS } from "../lib/ports";
import type { Row, SectionResult } from "../lib/report";
import { fleetScenario } from "../lib/scenarios";
import { demoScenario } from "../../emulator/src/demo";

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const PAGES = [
  { name: "overview", path: "/" },
  { name: "wall", path: "/wall" },
];

interface Audit {
  scores: Record<string, number>;
  /** Audits below a full score in accessibility and best practices: what to fix. */
  failing: { category: string; id: string; title: string }[];
  metrics: Record<string, number | undefined>;
}

/** Lighthouse's desktop preset (the overview and wall are desktop and TV pages) in Debian's Chromium. */
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
    for (const { name, path } of PAGES) {
      const result = await lighthouse(
        `${context.app.url}${path}`,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] },
        desktopConfig,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = result;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? NaN) * 100)]));
      const failing = (["accessibility", "best-practices"] as const).flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => ({ category, id: ref.id, title: lhr.audits[ref.id].title })),
      );
      const metric = (id: string) => lhr.audits[id]?.numericValue;
      details[name] = {
        scores,
        failing,
        metrics: { fcp: metric("first-contentful-paint"), lcp: metric("largest-contentful-paint"), tbt: metric("total-blocking-time"), cls: metric("cumulative-layout-shift") },
      };
      rows.push({
        section: "Lighthouse",
        measure: `${name}: performance / accessibility / best practices`,
        value: CATEGORIES.map((c) => scores[c]).join(" / "),
        reference: failing.length ? `below 100: ${failing.map((f) => f.id).join(", ")}` : "desktop preset",
      });
    }
  } finally {
    chrome.kill();
  }
  return { rows, details };
}

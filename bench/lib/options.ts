import { parseArgs } from "node:util";

export const SECTIONS = ["size", "load", "update", "graph", "economy", "memory", "lighthouse", "emulator", "insights", "details", "live"] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface BenchOptions {
  sections: SectionName[];
  /** Short windows and fewer sizes, for developing the benchmark itself. */
  quick: boolean;
  /** Reuse the previous build in the cache folder. */
  build: boolean;
  out: string;
  /** The live section's fleets and viewer counts (default busy:1,busy:10,busy:50,typical:1; busy:1,busy:5 when quick). */
  liveRuns?: { fleet: string; viewers: number }[];
}

const USAGE = `Usage: npm run bench -- [--only ${SECTIONS.join(",")}] [--quick] [--no-build] [--out FILE] [--live-runs busy:1,busy:10,typical:1]`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: "string" },
      quick: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      out: { type: "string" },
      "live-runs": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const wanted = values.only ? values.only.split(",").map((s) => s.trim()).filter(Boolean) : [...SECTIONS];
  const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`Unknown section(s) ${unknown.join(", ")}. ${USAGE}`);
  const quick = values.quick ?? false;
  const liveRuns = values["live-runs"]?.split(",").map((run) => {
    const [fleet, viewers] = run.split(":");
    if (!fleet || !/^[1-9]\d*$/.test(viewers ?? "")) throw new Error(`--live-runs takes fleet:viewers pairs, e.g. busy:1,typical:1. ${USAGE}`);
    return { fleet, viewers: Number(viewers) };
  });
  return {
    sections: SECTIONS.filter((s) => wanted.includes(s)),
    quick,
    build: !values["no-build"],
    // A quick run must never overwrite the published figures.
    out: values.out ?? (quick ? "bench/results/quick.json" : "docs/benchmarks.json"),
    liveRuns,
  };
}

import { cpuPerRequest, runLoad, startCliEmulator } from "../emulator-load";
import type { BenchContext } from "../lib/context";
import { mb, type SectionResult } from "../lib/report";
import { PORTS } from "../lib/ports";

/** The emulator's own load test (bench/emulator-load.ts), shortened: the CLI in its own process, 200 requests/s. */
export async function emulatorLoadSection(context: BenchContext): Promise<SectionResult> {
  const seconds = context.options.quick ? 3 : 20;
  const emulator = await startCliEmulator(["--port", String(PORTS.loadTestEmulator), "--pipelines", "100"]);
  try {
    const result = await runLoad(emulator.url, { seconds, rate: 200 });
    const errors = Object.values(result.errors).reduce((a, b) => a + b, 0);
    return {
      rows: [
        {
          section: "Emulator",
          measure: `Load ${result.targetRate}/s for ${seconds} s: p50 / p95 / p99 latency`,
          value: `${result.latencyMs.p50} / ${result.latencyMs.p95} / ${result.latencyMs.p99} ms`,
          reference: `${result.achievedRate}/s achieved, ${errors} errors, ${result.skipped} skipped`,
        },
        {
          section: "Emulator",
          measure: "Load: emulator CPU per request, RSS after",
          value: `${cpuPerRequest(result).toFixed(2)} ms, ${mb(result.after.rssBytes)}`,
          reference: `RSS before ${mb(result.before.rssBytes)}`,
        },
      ],
      details: result,
    };
  } finally {
    await emulator.stop();
  }
}

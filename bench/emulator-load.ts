/*
 * Load on the emulator: ~200 requests/second of the dashboard's reads (ListPipelines, GetPipelineState,
 * ListPipelineExecutions, GetPipeline) through the real SDK over loopback, against the CLI started as a
 * separate process with the demo scenario (real clock, background traffic on), for a bounded time.
 * Reports errors, p50/p95/p99 latency and the emulator's RSS and heap before and after.
 *
 *   npm run bench                          # 60 s at 200/s
 *   npx tsx bench/emulator-load.ts --seconds 10 --rate 300 --pipelines 200
 *
 * `emulator/test/wire-load.test.ts` runs the same thing for 10 s inside the test suite.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { Agent } from "node:http";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
} from "@aws-sdk/client-codepipeline";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface Metrics {
  uptimeSeconds: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
}

export interface LoadResult {
  seconds: number;
  targetRate: number;
  sent: number;
  ok: number;
  /** Error name → count (expected empty). */
  errors: Record<string, number>;
  /** The first message seen for each error name. */
  errorSamples: Record<string, string>;
  /** Requests not sent because too many were in flight (the emulator fell behind). */
  skipped: number;
  achievedRate: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  byOperation: Record<string, number>;
  before: Metrics;
  after: Metrics;
}

export interface CliEmulator {
  url: string;
  child: ChildProcessWithoutNullStreams;
  stop(): Promise<void>;
}

/** Start `emulator/src/cli.ts` as its own process on a free port and wait for its URL. */
export async function startCliEmulator(args: string[] = []): Promise<CliEmulator> {
  // node with tsx's loader: one process to stop (the tsx wrapper would leave its child behind on SIGKILL).
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/src/cli.ts", "--port", "0", ...args], { cwd: root });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((done, fail) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) done(match[1]);
    });
    child.once("exit", (code) => fail(new Error(`emulator exited ${code}: ${output}`)));
  });
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function metricsOf(url: string): Promise<Metrics> {
  return (await (await fetch(`${url}/_emulator/metrics`)).json()) as Metrics;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Hold `rate` requests/second (open loop: a slow answer does not slow the schedule) for `seconds`. */
export async function runLoad(url: string, options: { seconds: number; rate: number; maxInFlight?: number }): Promise<LoadResult> {
  const { seconds, rate, maxInFlight = 200 } = options;
  const client = new CodePipelineClient({
    region: "us-east-1",
    endpoint: url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
    // The SDK's default of 50 sockets would queue an open-loop load on the client side.
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: maxInFlight }) },
  });
  const names = ((await client.send(new ListPipelinesCommand({}))).pipelines ?? []).map((p) => p.name!);
  if (names.length === 0) throw new Error("The emulator has no pipelines to read.");
  // Warm up (JIT, connection pool) before measuring memory.
  for (let i = 0; i < 50; i++) await client.send(new GetPipelineStateCommand({ name: names[i % names.length] }));
  const before = await metricsOf(url);

  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const errorSamples: Record<string, string> = {};
  const byOperation: Record<string, number> = {};
  let sent = 0;
  let ok = 0;
  let skipped = 0;
  let inFlight = 0;
  let n = 0;
  const pending = new Set<Promise<void>>();

  const one = () => {
    const name = names[n % names.length];
    const kind = n++ % 10;
    // The dashboard's mix: state and history polls dominate, the list and definitions less often.
    const [operation, command] =
      kind < 4 ? ["GetPipelineState", new GetPipelineStateCommand({ name })]
      : kind < 7 ? ["ListPipelineExecutions", new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 25 })]
      : kind < 9 ? ["GetPipeline", new GetPipelineCommand({ name })]
      : ["ListPipelines", new ListPipelinesCommand({})];
    byOperation[operation] = (byOperation[operation] ?? 0) + 1;
    const t0 = performance.now();
    inFlight++;
    sent++;
    const done = (client.send(command as never) as Promise<unknown>).then(
      () => {
        ok++;
        latencies.push(performance.now() - t0);
      },
      (error: { name?: string; message?: string }) => {
        const name = error.name ?? "Error";
        errors[name] = (errors[name] ?? 0) + 1;
        errorSamples[name] ??= `${operation}: ${error.message ?? String(error)}`;
      },
    ).finally(() => {
      inFlight--;
      pending.delete(done);
    });
    pending.add(done);
  };

  const started = performance.now();
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const elapsed = (performance.now() - started) / 1000;
      if (elapsed >= seconds) {
        clearInterval(timer);
        done();
        return;
      }
      const due = Math.floor(elapsed * rate) - sent - skipped;
      for (let i = 0; i < due; i++) {
        if (inFlight >= maxInFlight) skipped++;
        else one();
      }
    }, 5);
  });
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  const after = await metricsOf(url);
  client.destroy();
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    seconds: round(elapsed),
    targetRate: rate,
    sent,
    ok,
    errors,
    errorSamples,
    skipped,
    achievedRate: round(sent / elapsed),
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? 0) },
    byOperation,
    before,
    after,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The emulator's own CPU time per request over the run: what the host's load does not change much. */
export function cpuPerRequest(result: LoadResult): number {
  const used = result.after.cpuUserMs + result.after.cpuSystemMs - result.before.cpuUserMs - result.before.cpuSystemMs;
  return result.sent > 0 ? used / result.sent : 0;
}

export function describeResult(result: LoadResult): string {
  const errors = Object.entries(result.errors).map(([name, count]) => `${name} ${count} (${result.errorSamples[name]})`).join(", ") || "none";
  return [
    `${result.sent} requests in ${result.seconds} s (${result.achievedRate}/s, target ${result.targetRate}/s), ${result.ok} ok, errors: ${errors}, skipped: ${result.skipped}`,
    `latency ms: p50 ${result.latencyMs.p50}, p95 ${result.latencyMs.p95}, p99 ${result.latencyMs.p99}, max ${result.latencyMs.max}`,
    `emulator CPU ${cpuPerRequest(result).toFixed(2)} ms per request (user+system; the load generator runs in another process)`,
    `emulator RSS ${mb(result.before.rssBytes)} -> ${mb(result.after.rssBytes)}, heap used ${mb(result.before.heapUsedBytes)} -> ${mb(result.after.heapUsedBytes)}`,
    `mix: ${JSON.stringify(result.byOperation)}`,
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "60" },
      rate: { type: "string", default: "200" },
      pipelines: { type: "string", default: "0" },
      url: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const seconds = Number(values.seconds);
  const rate = Number(values.rate);
  if (!(seconds > 0) || !(rate > 0)) throw new Error("--seconds and --rate must be positive numbers.");
  const emulator = values.url ? undefined : await startCliEmulator(["--pipelines", values.pipelines!]);
  try {
    const url = values.url ?? emulator!.url;
    console.error(`Loading ${url} at ${rate}/s for ${seconds} s ...`);
    const result = await runLoad(url, { seconds, rate });
    console.log(values.json ? JSON.stringify(result, null, 2) : describeResult(result));
    if (Object.keys(result.errors).length > 0) process.exitCode = 1;
  } finally {
    await emulator?.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

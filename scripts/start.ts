/**
 * `npm start`: the emulator with its demo and the dashboard (Vite dev server) together; Ctrl-C stops both.
 * The shipped public/config.json points at the emulator's default port, so nothing needs configuring.
 * The example job worker runs too, so the demo's custom action (custom-worker-demo) keeps moving.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer, type ViteDevServer } from "vite";

const EMULATOR_URL = "http://127.0.0.1:4599";
/**
 * On Node 20 the AWS SDK warns, once per process that builds a client (the example worker does), that
 * its releases after January 2027 need Node 22. That notice says nothing about the demo, so the children
 * get the SDK's own switch for it (aws/aws-sdk-js-v3#7983); every other warning and error still shows.
 */
const CHILD_ENV = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
const require = createRequire(import.meta.url);
const tsxCli = require.resolve("tsx/cli");

let emulator: ChildProcess | undefined;
let worker: ChildProcess | undefined;
let vite: ViteDevServer | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // Nothing of the worker's needs keeping: the emulator (and its jobs) stops with it.
  worker?.kill("SIGKILL");
  await vite?.close().catch(() => undefined);
  if (emulator && emulator.exitCode === null) {
    emulator.kill("SIGTERM");
    await new Promise((resolve) => emulator!.once("exit", resolve));
  }
  process.exit(code);
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (emulator?.exitCode !== null) throw new Error(`the emulator exited with code ${emulator?.exitCode}`);
    try {
      const response = await fetch(`${url}/_emulator/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the emulator did not answer ${url}/_emulator/health within ${timeoutMs / 1000} s`);
}

async function main() {
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  emulator = spawn(process.execPath, [tsxCli, "emulator/src/cli.ts", "--scenario", "demo"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: CHILD_ENV,
  });
  emulator.once("exit", (code) => {
    if (!stopping) {
      console.error(`\nThe emulator stopped (exit code ${code}); stopping the dashboard too.`);
      void stop(code ?? 1);
    }
  });
  await waitForHealth(EMULATOR_URL, 60_000);
  // Slow steps (10 s each), so the dashboard shows the custom action's progress.
  // One process (no tsx wrapper), so killing it stops the worker itself.
  worker = spawn(process.execPath, ["--import", "tsx", "examples/job-worker/worker.ts", "--endpoint", EMULATOR_URL, "--work", "10"], {
    stdio: ["ignore", "ignore", "inherit"],
    // The emulator's test/test keys, even when the shell holds real AWS credentials.
    env: { ...CHILD_ENV, AWS_ACCESS_KEY_ID: "" },
  });

  vite = await createServer({ server: { host: "127.0.0.1" } });
  await vite.listen();
  console.log(`\n  Emulator   ${EMULATOR_URL}  (demo scenario; see emulator/README.md)`);
  console.log("  Worker     examples/job-worker/worker.ts  (runs the custom action of custom-worker-demo)");
  vite.printUrls();
  console.log("\n  Open the Local URL above. Press Ctrl-C to stop them all.\n");
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  void stop(1);
});

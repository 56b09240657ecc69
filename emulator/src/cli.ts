import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { LOGIN_DISCOVERY_PATH } from "./cognito/login";
import { MAX_LOGIN_TOKEN_LIFETIME_SECONDS } from "./cognito/login-grants";
import { EMPTY_SCENARIO, MAX_EXTRA_PIPELINES } from "./control/scenarios";
import { demoScenario } from "./demo";
import { hostileScenario } from "./scenarios/hostile";
import type { Scenario } from "./scenario/types";
import { createServer } from "./server";

const USAGE = `Usage: tsx emulator/src/cli.ts [options]

A local AWS CodePipeline emulator (AWS JSON 1.1 wire protocol, SigV4, Cognito Identity).

Options:
  --port N                   Port to listen on (default 4599; 0 picks a free one)
  --host HOST                Interface to bind (default 127.0.0.1)
  --scenario demo|empty|hostile|PATH.json
                             World to start with (default demo; hostile: test data with markup, scripts
                             and odd URLs in every text field)
  --no-traffic               Demo without background executions
  --pipelines N              Extra generated pipelines for the demo, 0-${MAX_EXTRA_PIPELINES} (default 0)
  --seed N                   Seed of the demo's random generator
  --clock real|manual        Simulated time flows, or moves only through POST /_emulator/advance (default real)
  --speed N                  Real-clock speed factor, > 0 (default 1)
  --state-file PATH          Load state from PATH if it exists; save every change to it
  --credential-lifetime SECONDS
                             Lifetime of Cognito-issued credentials, 1-43200 (default 3600)
  --login-token-lifetime SECONDS
                             Lifetime of id and access tokens from the local login provider, 1-86400
                             (default 3600; refresh tokens renew them)
  -h, --help                 Show this help

Credentials: test/test (full access) or readonly/readonly, account 123456789012.
Control API: GET /_emulator/health, POST /_emulator/advance, ... (see emulator/README.md).`;

export interface CliOptions {
  port: number;
  host: string;
  scenario: string;
  traffic: boolean;
  pipelines: number;
  seed?: number;
  clock: "real" | "manual";
  speed: number;
  stateFile?: string;
  credentialLifetime: number;
  loginTokenLifetime: number;
}

export class UsageError extends Error {}

function integer(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got '${text}').`);
  }
  return value;
}

/** Parse the command line; `undefined` means --help was asked for. Throws UsageError on bad flags. */
export function parseCliArgs(argv: string[]): CliOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        scenario: { type: "string" },
        "no-traffic": { type: "boolean" },
        pipelines: { type: "string" },
        seed: { type: "string" },
        clock: { type: "string" },
        speed: { type: "string" },
        "state-file": { type: "string" },
        "credential-lifetime": { type: "string" },
        "login-token-lifetime": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return undefined;
  const clock = values.clock ?? "real";
  if (clock !== "real" && clock !== "manual") throw new UsageError(`--clock must be real or manual (got '${clock}').`);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0 || values.speed?.trim() === "") {
    throw new UsageError(`--speed must be a number above 0 (got '${values.speed}').`);
  }
  const host = values.host ?? "127.0.0.1";
  if (host.trim() === "") throw new UsageError("--host must not be empty.");
  return {
    port: integer("port", values.port, 0, 65535) ?? 4599,
    host,
    scenario: values.scenario ?? "demo",
    traffic: !values["no-traffic"],
    pipelines: integer("pipelines", values.pipelines, 0, MAX_EXTRA_PIPELINES) ?? 0,
    seed: integer("seed", values.seed, 0, 2 ** 32 - 1),
    clock,
    speed,
    stateFile: values["state-file"],
    credentialLifetime: integer("credential-lifetime", values["credential-lifetime"], 1, 43200) ?? 3600,
    loginTokenLifetime: integer("login-token-lifetime", values["login-token-lifetime"], 1, MAX_LOGIN_TOKEN_LIFETIME_SECONDS) ?? 3600,
  };
}

function loadScenario(options: CliOptions): Scenario {
  if (options.scenario === "empty") return EMPTY_SCENARIO;
  if (options.scenario === "hostile") return hostileScenario();
  if (options.scenario === "demo") {
    return demoScenario({ extraPipelines: options.pipelines, seed: options.seed, traffic: options.traffic });
  }
  const path = resolve(options.scenario);
  if (!existsSync(path)) throw new UsageError(`--scenario: no such file '${path}' (or use demo / empty / hostile).`);
  try {
    const scenario = JSON.parse(readFileSync(path, "utf8")) as Scenario;
    if (!Array.isArray(scenario.pipelines)) throw new Error("it has no 'pipelines' array");
    return scenario;
  } catch (error) {
    throw new UsageError(`--scenario: cannot read '${path}': ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Saves state after changes, debounced, through a temp file and a rename so a crash never leaves half a file. */
function persistState(path: string, snapshot: () => unknown) {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    timer = undefined;
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(snapshot()));
    renameSync(temp, path);
  };
  return {
    changed() {
      timer ??= setTimeout(save, 250);
    },
    flush() {
      if (timer) {
        clearTimeout(timer);
        save();
      }
    },
  };
}

async function main(argv: string[]): Promise<void> {
  let options: CliOptions | undefined;
  try {
    options = parseCliArgs(argv);
    if (!options) {
      console.log(USAGE);
      return;
    }
    const stateFile = options.stateFile ? resolve(options.stateFile) : undefined;
    const restoring = stateFile !== undefined && existsSync(stateFile);
    const emulator = createServer({
      clock: options.clock,
      speed: options.speed,
      scenario: restoring ? EMPTY_SCENARIO : loadScenario(options),
      credentialLifetimeSeconds: options.credentialLifetime,
      loginTokenLifetimeSeconds: options.loginTokenLifetime,
    });
    if (restoring) {
      try {
        emulator.core.restore(JSON.parse(readFileSync(stateFile, "utf8")));
      } catch (error) {
        throw new UsageError(`--state-file: cannot restore '${stateFile}': ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const persistence = stateFile ? persistState(stateFile, () => emulator.core.snapshot()) : undefined;
    if (persistence) emulator.core.onChange(() => persistence.changed());

    await new Promise<void>((done, fail) => {
      emulator.server.once("error", fail);
      emulator.server.listen(options!.port, options!.host, () => done());
    });
    const address = emulator.server.address();
    const port = typeof address === "object" && address ? address.port : options.port;
    const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
    console.log(`CodePipeline emulator listening on http://${shownHost}:${port}`);
    console.log(`  scenario: ${restoring ? `restored from ${stateFile}` : options.scenario}, clock: ${options.clock}` +
      (options.clock === "real" && options.speed !== 1 ? ` x${options.speed}` : ""));
    console.log(`  credentials: test/test (read-only: readonly/readonly), region any, account 123456789012`);
    console.log(`  local login (login.emulator.local, OpenID Connect): http://${shownHost}:${port}${LOGIN_DISCOVERY_PATH}`);

    const stop = (signal: string) => {
      console.log(`Received ${signal}, stopping.`);
      persistence?.flush();
      void emulator.close().then(() => process.exit(0));
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\nRun with --help for usage.`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main(process.argv.slice(2));
}

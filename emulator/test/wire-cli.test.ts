import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const cli = "emulator/src/cli.ts";

describe("CLI", () => {
  it("prints help and exits 0", () => {
    const result = spawnSync(tsx, [cli, "--help"], { cwd: root, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("--state-file PATH");
  });

  it("exits 2 with a clear message on a bad flag", () => {
    for (const args of [["--port", "http"], ["--clock", "sundial"], ["--pipelines", "1001"], ["--frobnicate"]]) {
      const result = spawnSync(tsx, [cli, ...args], { cwd: root, encoding: "utf8" });
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/^error: /);
    }
  });

  it("parses the documented defaults", () => {
    expect(parseCliArgs([])).toEqual({
      port: 4599, host: "127.0.0.1", scenario: "demo", traffic: true, pipelines: 0, seed: undefined,
      clock: "real", speed: 1, stateFile: undefined, credentialLifetime: 3600, loginTokenLifetime: 3600,
    });
    expect(parseCliArgs(["--no-traffic", "--speed", "60", "--pipelines", "500"])).toMatchObject({ traffic: false, speed: 60, pipelines: 500 });
  });

  it("starts, prints its URL, answers health and stops on SIGTERM", async () => {
    // node with tsx's loader is one process (the tsx wrapper would leave its child behind on SIGKILL).
    const child = spawn(process.execPath, ["--import", "tsx", cli, "--port", "0", "--scenario", "empty", "--clock", "manual"], { cwd: root });
    try {
      let output = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = output.match(/listening on (http:\/\/\S+)/);
          if (match) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      const health = (await (await fetch(`${url}/_emulator/health`)).json()) as { status: string; clock: { mode: string } };
      expect(health).toMatchObject({ status: "ok", clock: { mode: "manual" } });
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 20_000);
});

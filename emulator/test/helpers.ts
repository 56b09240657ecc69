import type { AddressInfo } from "node:net";
import { SignatureV4 } from "@smithy/signature-v4";
import { CodePipelineClient, type CodePipelineClientConfig } from "@aws-sdk/client-codepipeline";
import { NodeSha256 } from "../src/auth/sigv4";
import type { FaultSettings } from "../src/control/faults";
import type { RequestCounts } from "../src/control/request-log";
import type { EmulatorCore } from "../src/engine/core";
import type { Scenario } from "../src/scenario/types";
import { createServer, type EmulatorServer, type EmulatorServerOptions } from "../src/server";

export interface StartedEmulator {
  url: string;
  port: number;
  core: EmulatorCore;
  /** The in-process server, for tests that need its key store, identity service or faults directly. */
  emulator: EmulatorServer;
  /** A CodePipelineClient against this emulator: test/test, us-east-1, no retries (override any of it). */
  client(config?: Partial<CodePipelineClientConfig>): CodePipelineClient;
  /** The control API over HTTP, as the dashboard's tests and e2e use it. */
  control: {
    advance(seconds: number): Promise<{ now: string; epochSeconds: number }>;
    reset(): Promise<void>;
    loadScenario(scenario: Scenario | { name: "demo"; extraPipelines?: number } | { name: "empty" }): Promise<void>;
    faults(settings: Partial<FaultSettings>): Promise<FaultSettings>;
    requests(): Promise<RequestCounts>;
  };
  /** A raw SigV4-signed POST, for bodies and headers the SDK would never send. */
  signedFetch(target: string, body: string, options?: SignedFetchOptions): Promise<Response>;
  close(): Promise<void>;
}

export interface SignedFetchOptions {
  contentType?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  region?: string;
  /** The credential scope's service (default codepipeline). */
  service?: string;
  /** When the request says it was signed (default now). */
  signingDate?: Date;
}

/** Start an emulator on 127.0.0.1 with a free port and a manual clock (unless told otherwise). */
export async function startEmulator(options: EmulatorServerOptions = {}): Promise<StartedEmulator> {
  const emulator = createServer({ clock: "manual", log: () => {}, ...options });
  await new Promise<void>((resolve, reject) => {
    emulator.server.once("error", reject);
    emulator.server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = emulator.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const clients: CodePipelineClient[] = [];

  async function control<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${url}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(`${method} /_emulator/${path}: ${response.status} ${json.error ?? ""}`);
    return json;
  }

  return {
    url,
    port,
    core: emulator.core,
    emulator,
    client(config = {}) {
      const client = new CodePipelineClient({
        region: "us-east-1",
        endpoint: url,
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
        maxAttempts: 1,
        ...config,
      });
      clients.push(client);
      return client;
    },
    control: {
      advance: (seconds) => control("POST", "advance", { seconds }),
      reset: async () => void (await control("POST", "reset")),
      loadScenario: async (scenario) => void (await control("POST", "scenario", scenario)),
      faults: (settings) => control("POST", "faults", settings),
      requests: () => control("GET", "requests"),
    },
    async signedFetch(target, body, options = {}) {
      const { contentType = "application/x-amz-json-1.1", accessKeyId = "test", secretAccessKey = "test", region = "us-east-1", service = "codepipeline", signingDate } = options;
      const signer = new SignatureV4({ service, region, sha256: NodeSha256, credentials: { accessKeyId, secretAccessKey } });
      const request = {
        method: "POST",
        protocol: "http:",
        hostname: "127.0.0.1",
        port,
        path: "/",
        query: {},
        headers: { host: `127.0.0.1:${port}`, "content-type": contentType, "x-amz-target": target },
        body,
      };
      const signed = await signer.sign(request, { signingDate });
      return fetch(`${url}/`, { method: "POST", headers: signed.headers, body });
    },
    async close() {
      for (const client of clients) client.destroy();
      await emulator.close();
    },
  };
}

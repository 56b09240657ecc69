import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CodePipelineClient, GetPipelineStateCommand, ListPipelinesCommand } from "@aws-sdk/client-codepipeline";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { HOSTILE_NAMES } from "../src/scenarios/hostile";
import { startEmulator, type StartedEmulator } from "./helpers";

let emu: StartedEmulator;
beforeAll(async () => (emu = await startEmulator({ startTime: new Date("2025-01-01T00:00:00Z") })));
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control.faults({ throttleRate: 0, errorRate: 0, latencyMs: 0, down: false });
});

/** A client of the second account, through STS AssumeRole as the dashboard reaches it. */
async function prodClient(region: string): Promise<CodePipelineClient> {
  const sts = new STSClient({ region, endpoint: emu.url, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: "arn:aws:iam::210987654321:role/CodePipelineDashboardReadOnly", RoleSessionName: "faults" }),
  );
  return emu.client({
    region,
    credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken },
  });
}

const post = (path: string, body: unknown) =>
  fetch(`${emu.url}/_emulator/${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

async function outcomes(calls: number): Promise<Record<string, number>> {
  const client = emu.client();
  const counts: Record<string, number> = {};
  for (let i = 0; i < calls; i++) {
    const name = await client.send(new GetPipelineStateCommand({ name: "p" })).then(
      () => "ok",
      (e: { name: string; $metadata: { httpStatusCode?: number } }) => `${e.name} ${e.$metadata.httpStatusCode}`,
    );
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

describe("control API", () => {
  it("answers health and the clock", async () => {
    const health = await (await fetch(`${emu.url}/_emulator/health`)).json();
    expect(health).toMatchObject({ status: "ok", clock: { mode: "manual" } });
    const clock = (await (await fetch(`${emu.url}/_emulator/clock`)).json()) as { now: string };
    expect(clock.now).toBe(new Date(emu.core.clock.now()).toISOString());
  });

  it("advances the simulated clock and answers the new time", async () => {
    const before = emu.core.clock.now().getTime();
    const after = await emu.control.advance(90);
    expect(after.epochSeconds * 1000 - before).toBe(90_000);
    const ms = (await (await post("advance", { ms: 500 })).json()) as { epochSeconds: number };
    expect(ms.epochSeconds * 1000 - before).toBe(90_500);
  });

  it("throttles roughly the set share of calls as ThrottlingException 400, repeatably", async () => {
    await emu.control.faults({ throttleRate: 0.3 });
    const first = await outcomes(200);
    const throttled = first["ThrottlingException 400"] ?? 0;
    expect(throttled).toBeGreaterThan(40);
    expect(throttled).toBeLessThan(80);
    await emu.control.faults({ throttleRate: 0.3 }); // same settings restart the seeded sequence
    expect(await outcomes(200)).toEqual(first);
  });

  it("sends __type in throttling bodies so botocore sees it", async () => {
    await emu.control.faults({ throttleRate: 1 });
    const response = await emu.signedFetch("CodePipeline_20150709.ListPipelines", "{}");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ __type: "ThrottlingException", message: "Rate exceeded" });
  });

  it("fails roughly the set share with InternalFailure 500", async () => {
    await emu.control.faults({ errorRate: 0.5 });
    const failed = (await outcomes(100))["InternalFailure 500"] ?? 0;
    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(70);
  });

  it("refuses everything with 503 when down, but never the control API or preflights", async () => {
    await emu.control.faults({ down: true });
    expect(await outcomes(3)).toEqual({ "ServiceUnavailableException 503": 3 });
    expect((await fetch(`${emu.url}/_emulator/health`)).status).toBe(200);
    expect((await fetch(`${emu.url}/`, { method: "OPTIONS" })).status).toBe(204);
  });

  it("takes one region down while others keep answering", async () => {
    await emu.control.faults({ down: true, regions: ["eu-west-1"] });
    const eu = await emu.client({ region: "eu-west-1" }).send(new ListPipelinesCommand({})).catch((e) => e);
    expect(eu.name).toBe("ServiceUnavailableException");
    await expect(emu.client({ region: "us-east-1" }).send(new ListPipelinesCommand({}))).resolves.toHaveProperty("pipelines");
    await emu.control.faults({ down: false, regions: [] });
  });

  it("takes one account down, or one region of one account, while the others keep answering", async () => {
    const prod = await prodClient("eu-west-1");
    const prodUs = await prodClient("us-east-1");
    const dev = emu.client({ region: "eu-west-1" });
    const outcome = (client: CodePipelineClient) => client.send(new ListPipelinesCommand({})).then(() => "ok", (e: Error) => e.name);

    await emu.control.faults({ down: true, accounts: ["210987654321"] });
    expect([await outcome(prod), await outcome(prodUs), await outcome(dev)]).toEqual(["ServiceUnavailableException", "ServiceUnavailableException", "ok"]);

    await emu.control.faults({ down: false, errorRate: 1, accounts: ["210987654321"], regions: ["eu-west-1"] });
    expect([await outcome(prod), await outcome(prodUs), await outcome(dev)]).toEqual(["InternalFailure", "ok", "ok"]);
    await emu.control.faults({ errorRate: 0, accounts: [], regions: [] });
  });

  it("counts calls per operation and per access key, and resets the counts", async () => {
    await post("requests/reset", {});
    await emu.client().send(new ListPipelinesCommand({})).catch(() => {});
    await emu.client().send(new ListPipelinesCommand({})).catch(() => {});
    await emu.client({ credentials: { accessKeyId: "readonly", secretAccessKey: "readonly" } }).send(new GetPipelineStateCommand({ name: "p" })).catch(() => {});
    const counts = await emu.control.requests();
    expect(counts).toMatchObject({ total: 3, byOperation: { ListPipelines: 2, GetPipelineState: 1 }, byAccessKey: { test: 2, readonly: 1 } });
    expect(Date.parse(counts.since)).not.toBeNaN();
    await post("requests/reset", {});
    expect((await emu.control.requests()).total).toBe(0);
  });

  it("loads named scenarios and rejects bad ones with 400 {error}", async () => {
    expect((await post("scenario", { name: "empty" })).status).toBe(200);
    expect((await post("scenario", { name: "demo", extraPipelines: 3 })).status).toBe(200);
    // Test data has its own scenario, never the demo's.
    const demoNames = (await emu.client().send(new ListPipelinesCommand({ maxResults: 1000 }))).pipelines!.map((p) => p.name);
    expect(demoNames).not.toContain(HOSTILE_NAMES.pipeline);
    expect(await (await post("scenario", { name: "hostile" })).json()).toEqual({ ok: true, pipelines: 1 });
    expect((await emu.client().send(new ListPipelinesCommand({}))).pipelines!.map((p) => p.name)).toEqual([HOSTILE_NAMES.pipeline]);
    for (const [path, body] of [
      ["scenario", { name: "nope" }],
      ["scenario", { name: "demo", extraPipelines: 5000 }],
      ["scenario", { pipelines: "many" }],
      ["faults", { throttleRate: 2 }],
      ["faults", { jitter: 1 }],
      ["faults", { regions: "eu-west-1" }],
      ["faults", { accounts: ["prod"] }],
      ["advance", { seconds: -1 }],
      ["credentials", { lifetimeSeconds: 0 }],
    ] as const) {
      const response = await post(path, body);
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(typeof ((await response.json()) as { error: unknown }).error).toBe("string");
    }
    const malformed = await fetch(`${emu.url}/_emulator/faults`, { method: "POST", body: "{oops" });
    expect(malformed.status).toBe(400);
    expect((await fetch(`${emu.url}/_emulator/nothing`)).status).toBe(404);
  });
});

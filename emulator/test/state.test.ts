import {
  CreateCustomActionTypeCommand,
  CreatePipelineCommand,
  DeleteCustomActionTypeCommand,
  GetPipelineCommand,
  GetPipelineStateCommand,
  ListActionTypesCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  PutActionRevisionCommand,
  StartPipelineExecutionCommand,
  type CodePipelineClient,
} from "@aws-sdk/client-codepipeline";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Scenario } from "../src/scenario/types";
import { approval, build, driver, expectError, pipeline, simple, source, stage, stageState } from "./fixtures";
import { startEmulator, type StartedEmulator } from "./helpers";

const START = new Date("2025-03-01T10:00:00Z");
let emu: StartedEmulator;
let client: CodePipelineClient;
const extra: StartedEmulator[] = [];
beforeAll(async () => {
  emu = await startEmulator({ startTime: START });
  client = emu.client();
});
afterAll(() => emu.close());
afterEach(async () => {
  for (const e of extra.splice(0)) await e.close();
});

async function another(): Promise<[StartedEmulator, CodePipelineClient]> {
  const e = await startEmulator({ startTime: START });
  extra.push(e);
  return [e, e.client()];
}

/** Everything a dashboard would read about a pipeline. */
async function observe(c: CodePipelineClient, name: string) {
  return {
    pipeline: await c.send(new GetPipelineCommand({ name })),
    state: await c.send(new GetPipelineStateCommand({ name })),
    executions: (await c.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries,
  };
}
const strip = <T extends { $metadata?: unknown }>(o: T) => ({ ...o, $metadata: undefined });

const flaky: Scenario = {
  seed: 42,
  pipelines: [
    {
      declaration: pipeline("flaky", [stage("Source", source()), stage("Build", build("A"), build("B"))]),
      actions: { "Build.A": { failureRate: 0.3 }, "Build.B": { failureRate: 0.3 } },
    },
  ],
};

describe("snapshot and restore", () => {
  it("a restored emulator shows the same pipelines, executions and history, and carries on the same way", async () => {
    await emu.control.reset();
    await client.send(new CreatePipelineCommand({ pipeline: pipeline("gated", [stage("Source", source()), stage("Approve", approval()), stage("Build", build())]) }));
    await emu.control.advance(60);
    await client.send(new StartPipelineExecutionCommand({ name: "gated" }));
    await emu.control.advance(30);
    const snapshot = JSON.parse(JSON.stringify(emu.core.snapshot()));

    const [restored, restoredClient] = await another();
    restored.core.restore(snapshot);
    expect(restored.core.clock.now()).toEqual(emu.core.clock.now());
    const before = await observe(client, "gated");
    const after = await observe(restoredClient, "gated");
    expect(strip(after.pipeline)).toEqual(strip(before.pipeline));
    expect(strip(after.state)).toEqual(strip(before.state));
    expect(after.executions).toEqual(before.executions);

    // Timers survive too: an approval approved in both ends the same way.
    await emu.control.advance(7 * 86400);
    await restored.control.advance(7 * 86400);
    expect((await observe(restoredClient, "gated")).executions).toEqual((await observe(client, "gated")).executions);
  });

  it("refuses something that is not a snapshot", async () => {
    const [other] = await another();
    expect(() => other.core.restore({ hello: "world" })).toThrow(/snapshot/);
  });
});

describe("determinism", () => {
  it("the same scenario, seed and calls give the same ids and outcomes; another seed does not", async () => {
    const run = async (e: StartedEmulator, c: CodePipelineClient, seed: number) => {
      await e.control.loadScenario({ ...flaky, seed });
      for (let i = 0; i < 8; i++) {
        await c.send(new StartPipelineExecutionCommand({ name: "flaky", clientRequestToken: `t${i}` }));
        await e.control.advance(400);
      }
      return (await c.send(new ListPipelineExecutionsCommand({ pipelineName: "flaky" }))).pipelineExecutionSummaries!.map((x) => [x.pipelineExecutionId, x.status, x.sourceRevisions?.[0]?.revisionId]);
    };
    const [twin, twinClient] = await another();
    const [third, thirdClient] = await another();
    const a = await run(emu, client, 42);
    const b = await run(twin, twinClient, 42);
    expect(b).toEqual(a);
    expect(new Set(a.map((x) => x[1]))).toEqual(new Set(["Succeeded", "Failed"]));
    expect(a[0][0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await run(third, thirdClient, 43)).not.toEqual(a);
  });
});

describe("scenarios", () => {
  it("fast-forwards history: traffic and past timeline events have happened by load time, future ones happen later", async () => {
    const declaration = pipeline("busy", [stage("Source", source()), stage("Build", build()), stage("Prod", build("Deploy"))]);
    await emu.control.loadScenario({
      seed: 3,
      historyDays: 2,
      pipelines: [
        {
          declaration,
          tags: [{ key: "team", value: "web" }],
          traffic: { everySeconds: [3600, 7200] },
          actions: { "Build.Build": { durationSeconds: 120, failureRate: 0.2 }, "Prod.Deploy": { durationSeconds: 60 } },
          timeline: [
            { at: -600, type: "disableTransition", stageName: "Prod", reason: "Freeze", by: "ops" },
            { at: 60, type: "enableTransition", stageName: "Prod" },
          ],
        },
      ],
    });
    const now = emu.core.clock.now().getTime();
    const summaries = (await client.send(new ListPipelineExecutionsCommand({ pipelineName: "busy" }))).pipelineExecutionSummaries!;
    expect(summaries.length).toBeGreaterThan(20);
    expect(summaries.length).toBeLessThan(50);
    const oldest = summaries.at(-1)!.startTime!.getTime();
    expect(now - oldest).toBeGreaterThan(1.9 * 86400_000);
    expect(summaries.slice(3).every((x) => x.status !== "InProgress")).toBe(true);
    // A connection source's changes arrive as WebhookV2, naming the connection, as on AWS.
    expect(summaries[0].trigger).toEqual({ triggerType: "WebhookV2", triggerDetail: "arn:aws:codeconnections:us-east-1:123456789012:connection/abc" });
    const [listed] = (await client.send(new ListPipelinesCommand({}))).pipelines!;
    expect(listed.created!.getTime()).toBeLessThanOrEqual(oldest);

    const prod = await stageState(client, "busy", "Prod");
    expect(prod.inboundTransitionState).toMatchObject({ enabled: false, disabledReason: "Freeze", lastChangedBy: "arn:aws:iam::123456789012:user/ops" });
    await emu.control.advance(60);
    expect((await stageState(client, "busy", "Prod")).inboundTransitionState?.enabled).toBe(true);
  });

  it("announces changes to onChange listeners, not reads", async () => {
    const d = driver(emu, client);
    await d.load(simple(), { "Build.Build": { durationSeconds: 10 } });
    let changes = 0;
    const off = emu.core.onChange(() => changes++);
    await client.send(new GetPipelineStateCommand({ name: "simple" }));
    expect(changes).toBe(0);
    await d.start("simple");
    expect(changes).toBe(1);
    await d.advance(20);
    expect(changes).toBe(2);
    off();
  });
});

describe("custom actions and PutActionRevision", () => {
  it("registers a custom action type whose runs wait for a job worker", async () => {
    await emu.control.reset();
    await client.send(
      new CreateCustomActionTypeCommand({
        category: "Test",
        provider: "LoadTester",
        version: "1",
        inputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
        outputArtifactDetails: { minimumCount: 0, maximumCount: 0 },
      }),
    );
    const custom = (await client.send(new ListActionTypesCommand({ actionOwnerFilter: "Custom" }))).actionTypes!;
    expect(custom.map((t) => t.id)).toEqual([{ category: "Test", owner: "Custom", provider: "LoadTester", version: "1" }]);
    const loadTest = { name: "Load", actionTypeId: { category: "Test" as const, owner: "Custom" as const, provider: "LoadTester", version: "1" } };
    await client.send(new CreatePipelineCommand({ pipeline: pipeline("custom", [stage("Source", source()), stage("Test", loadTest)]) }));
    await emu.control.advance(86400);
    expect((await stageState(client, "custom", "Test")).actionStates![0].latestExecution?.status).toBe("InProgress");
    await client.send(new DeleteCustomActionTypeCommand({ category: "Test", provider: "LoadTester", version: "1" }));
    expect((await client.send(new ListActionTypesCommand({ actionOwnerFilter: "Custom" }))).actionTypes).toEqual([]);
  });

  it("PutActionRevision starts an execution for a new revision, and none for one the pipeline already ran", async () => {
    await driver(emu, client).load(simple());
    const put = (revisionId: string) =>
      client.send(new PutActionRevisionCommand({ pipelineName: "simple", stageName: "Source", actionName: "Source", actionRevision: { revisionId, revisionChangeId: revisionId, created: new Date() } }));
    const executions = async () => (await client.send(new ListPipelineExecutionsCommand({ pipelineName: "simple" }))).pipelineExecutionSummaries!;
    const revisionId = "a".repeat(40);
    const out = await put(revisionId);
    expect(out).toMatchObject({ newRevision: true, pipelineExecutionId: expect.any(String) });
    // Seen while that execution is still on its way to the source action...
    expect(await put(revisionId)).toMatchObject({ newRevision: false, pipelineExecutionId: out.pipelineExecutionId });
    await emu.control.advance(5);
    const [x] = await executions();
    expect(x).toMatchObject({ pipelineExecutionId: out.pipelineExecutionId, trigger: { triggerType: "PutActionRevision", triggerDetail: "arn:aws:iam::123456789012:root" } });
    expect(x.sourceRevisions?.[0].revisionId).toBe(revisionId);
    // ...and after it ran: nothing new starts.
    const count = (await executions()).length;
    expect(await put(revisionId)).toMatchObject({ newRevision: false, pipelineExecutionId: out.pipelineExecutionId });
    expect((await executions()).length).toBe(count);
    const next = await put("b".repeat(40));
    expect(next.newRevision).toBe(true);
    expect((await executions())[0].pipelineExecutionId).toBe(next.pipelineExecutionId);
    await expectError(client.send(new PutActionRevisionCommand({ pipelineName: "simple", stageName: "Source", actionName: "Nope", actionRevision: { revisionId, revisionChangeId: revisionId, created: new Date() } })), "ActionNotFoundException");
  });
});

describe("a scenario that does not load", () => {
  it("is refused with the pipeline named, and leaves the world and the clock as they were", async () => {
    await emu.control.reset();
    await client.send(new CreatePipelineCommand({ pipeline: simple("keep") }));
    const before = emu.core.clock.now();
    const broken: Scenario = { historyDays: 3, pipelines: [{ declaration: simple("ok") }, { declaration: pipeline("bad", [stage("Source", source())]) }] };
    expect(() => emu.core.loadScenario(broken)).toThrow(/'bad'.*minimum of 2 stages/);
    expect(emu.core.clock.now()).toEqual(before);
    expect((await client.send(new ListPipelinesCommand({}))).pipelines!.map((p) => p.name)).toEqual(["keep"]);
  });
});

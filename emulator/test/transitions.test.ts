import { DisableStageTransitionCommand, EnableStageTransitionCommand, type CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, driver, expectError, pipeline, simple, source, stage, stageState } from "./fixtures";
import { startEmulator, type StartedEmulator } from "./helpers";

let emu: StartedEmulator;
let client: CodePipelineClient;
let d: ReturnType<typeof driver>;
beforeAll(async () => {
  emu = await startEmulator({ startTime: new Date("2025-03-01T10:00:00Z") });
  client = emu.client();
  d = driver(emu, client);
});
afterAll(() => emu.close());

const disable = (stageName: string, transitionType: "Inbound" | "Outbound" = "Inbound", pipelineName = "simple") =>
  client.send(new DisableStageTransitionCommand({ pipelineName, stageName, transitionType, reason: "Change freeze (OPS-1)" }));
const enable = (stageName: string, transitionType: "Inbound" | "Outbound" = "Inbound", pipelineName = "simple") =>
  client.send(new EnableStageTransitionCommand({ pipelineName, stageName, transitionType }));

describe("stage transitions", () => {
  it("holds an arriving execution at a disabled inbound transition and releases it when enabled", async () => {
    await d.load(simple(), { "Build.Build": { durationSeconds: 10 } });
    await disable("Build");
    const transition = (await stageState(client, "simple", "Build")).inboundTransitionState!;
    expect(transition).toEqual({ enabled: false, disabledReason: "Change freeze (OPS-1)", lastChangedBy: expect.stringMatching(/^arn:aws:/), lastChangedAt: emu.core.clock.now() });
    const id = await d.start("simple");
    await d.advance(60);
    let buildState = await stageState(client, "simple", "Build");
    expect(buildState.inboundExecution).toEqual({ pipelineExecutionId: id, status: "InProgress", type: "STANDARD" });
    expect(buildState.latestExecution).toBeUndefined();
    await enable("Build");
    buildState = await stageState(client, "simple", "Build");
    expect(buildState.inboundTransitionState?.enabled).toBe(true);
    expect(buildState.inboundExecution).toBeUndefined();
    expect(buildState.latestExecution).toMatchObject({ pipelineExecutionId: id, status: "InProgress" });
    await d.advance(10);
    expect((await d.execution("simple", id)).status).toBe("Succeeded");
  });

  it("supersedes the held execution when a newer one arrives (SUPERSEDED) and queues them for V2 QUEUED", async () => {
    await d.load(simple(), { "Build.Build": { durationSeconds: 10 } });
    await disable("Build");
    const older = await d.start("simple");
    await d.advance(10);
    const newer = await d.start("simple");
    await d.advance(10);
    expect((await d.execution("simple", older)).status).toBe("Superseded");
    expect((await stageState(client, "simple", "Build")).inboundExecution?.pipelineExecutionId).toBe(newer);

    await d.load(simple("queued", { pipelineType: "V2", executionMode: "QUEUED" }), { "Build.Build": { durationSeconds: 10 } });
    await disable("Build", "Inbound", "queued");
    const a = await d.start("queued");
    await d.advance(10);
    const b = await d.start("queued");
    await d.advance(10);
    expect((await stageState(client, "queued", "Build")).inboundExecutions?.map((x) => x.pipelineExecutionId)).toEqual([a, b]);
    await enable("Build", "Inbound", "queued");
    await d.advance(30);
    expect([(await d.execution("queued", a)).status, (await d.execution("queued", b)).status]).toEqual(["Succeeded", "Succeeded"]);
  });

  it("an outbound transition holds executions leaving the stage", async () => {
    await d.load(pipeline("three", [stage("Source", source()), stage("Build", build()), stage("Test", build("Test"))]), {
      "Build.Build": { durationSeconds: 10 },
      "Test.Test": { durationSeconds: 10 },
    });
    await disable("Build", "Outbound", "three");
    const id = await d.start("three");
    await d.advance(30);
    expect((await stageState(client, "three", "Test")).inboundExecution?.pipelineExecutionId).toBe(id);
    await enable("Build", "Outbound", "three");
    await d.advance(10);
    expect((await d.execution("three", id)).status).toBe("Succeeded");
  });

  it("answers PipelineNotFoundException and StageNotFoundException", async () => {
    await d.load(simple());
    await expectError(disable("Nope"), "StageNotFoundException", /Nope/);
    await expectError(enable("Build", "Inbound", "ghost"), "PipelineNotFoundException", /ghost/);
  });
});

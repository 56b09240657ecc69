import { DisableStageTransitionCommand, EnableStageTransitionCommand } from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { build, expectError, pipeline, simple, source, stage, stageState, emulatorSuite } from "./fixtures";

const suite = emulatorSuite();

const disable = (stageName: string, transitionType: "Inbound" | "Outbound" = "Inbound", pipelineName = "simple") =>
  suite.client.send(new DisableStageTransitionCommand({ pipelineName, stageName, transitionType, reason: "Change freeze (OPS-1)" }));
const enable = (stageName: string, transitionType: "Inbound" | "Outbound" = "Inbound", pipelineName = "simple") =>
  suite.client.send(new EnableStageTransitionCommand({ pipelineName, stageName, transitionType }));

describe("stage transitions", () => {
  it("holds an arriving execution at a disabled inbound transition and releases it when enabled", async () => {
    await suite.d.load(simple(), { "Build.Build": { durationSeconds: 10 } });
    await disable("Build");
    const transition = (await stageState(suite.client, "simple", "Build")).inboundTransitionState!;
    expect(transition).toEqual({ enabled: false, disabledReason: "Change freeze (OPS-1)", lastChangedBy: expect.stringMatching(/^arn:aws:/), lastChangedAt: suite.emu.core.clock.now() });
    const id = await suite.d.start("simple");
    await suite.d.advance(60);
    let buildState = await stageState(suite.client, "simple", "Build");
    expect(buildState.inboundExecution).toEqual({ pipelineExecutionId: id, status: "InProgress", type: "STANDARD" });
    expect(buildState.latestExecution).toBeUndefined();
    await enable("Build");
    buildState = await stageState(suite.client, "simple", "Build");
    expect(buildState.inboundTransitionState?.enabled).toBe(true);
    expect(buildState.inboundExecution).toBeUndefined();
    expect(buildState.latestExecution).toMatchObject({ pipelineExecutionId: id, status: "InProgress" });
    await suite.d.advance(10);
    expect((await suite.d.execution("simple", id)).status).toBe("Succeeded");
  });

  it("supersedes the held execution when a newer one arrives (SUPERSEDED) and queues them for V2 QUEUED", async () => {
    await suite.d.load(simple(), { "Build.Build": { durationSeconds: 10 } });
    await disable("Build");
    const older = await suite.d.start("simple");
    await suite.d.advance(10);
    const newer = await suite.d.start("simple");
    await suite.d.advance(10);
    expect((await suite.d.execution("simple", older)).status).toBe("Superseded");
    expect((await stageState(suite.client, "simple", "Build")).inboundExecution?.pipelineExecutionId).toBe(newer);

    await suite.d.load(simple("queued", { pipelineType: "V2", executionMode: "QUEUED" }), { "Build.Build": { durationSeconds: 10 } });
    await disable("Build", "Inbound", "queued");
    const a = await suite.d.start("queued");
    await suite.d.advance(10);
    const b = await suite.d.start("queued");
    await suite.d.advance(10);
    expect((await stageState(suite.client, "queued", "Build")).inboundExecutions?.map((x) => x.pipelineExecutionId)).toEqual([a, b]);
    await enable("Build", "Inbound", "queued");
    await suite.d.advance(30);
    expect([(await suite.d.execution("queued", a)).status, (await suite.d.execution("queued", b)).status]).toEqual(["Succeeded", "Succeeded"]);
  });

  it("an outbound transition holds executions leaving the stage", async () => {
    await suite.d.load(pipeline("three", [stage("Source", source()), stage("Build", build()), stage("Test", build("Test"))]), {
      "Build.Build": { durationSeconds: 10 },
      "Test.Test": { durationSeconds: 10 },
    });
    await disable("Build", "Outbound", "three");
    const id = await suite.d.start("three");
    await suite.d.advance(30);
    expect((await stageState(suite.client, "three", "Test")).inboundExecution?.pipelineExecutionId).toBe(id);
    await enable("Build", "Outbound", "three");
    await suite.d.advance(10);
    expect((await suite.d.execution("three", id)).status).toBe("Succeeded");
  });

  it("answers PipelineNotFoundException and StageNotFoundException", async () => {
    await suite.d.load(simple());
    await expectError(disable("Nope"), "StageNotFoundException", /Nope/);
    await expectError(enable("Build", "Inbound", "ghost"), "PipelineNotFoundException", /ghost/);
  });
});

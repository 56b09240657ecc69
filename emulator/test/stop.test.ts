import { ListPipelineExecutionsCommand, StopPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { build, expectError, pipeline, source, stage, stageState, emulatorSuite } from "./fixtures";

const suite = emulatorSuite();

const twoGroups = pipeline("p", [stage("Source", source()), stage("Build", build("A", 1), build("B", 2)), stage("Test", build("Test"))]);
const stop = (id: string, abandon = false, reason?: string) => suite.client.send(new StopPipelineExecutionCommand({ pipelineName: "p", pipelineExecutionId: id, abandon, reason }));
const actions = async (stageName: string) => Object.fromEntries((await stageState(suite.client, "p", stageName)).actionStates!.map((a) => [a.actionName, a.latestExecution?.status]));

describe("StopPipelineExecution", () => {
  it("stop and wait: running actions finish, nothing new starts, Stopping then Stopped", async () => {
    await suite.d.load(twoGroups, { "Build.A": { durationSeconds: 60 }, "Build.B": { durationSeconds: 60 }, "Test.Test": { durationSeconds: 10 } });
    const id = await suite.d.start("p");
    await suite.d.advance(20);
    expect((await stop(id, false, "Wrong branch")).pipelineExecutionId).toBe(id);
    expect((await suite.d.execution("p", id)).status).toBe("Stopping");
    expect((await stageState(suite.client, "p", "Build")).latestExecution?.status).toBe("Stopping");
    await suite.d.advance(45);
    expect(await actions("Build")).toEqual({ A: "Succeeded", B: undefined });
    expect((await suite.d.execution("p", id)).status).toBe("Stopped");
    expect((await stageState(suite.client, "p", "Build")).latestExecution?.status).toBe("Stopped");
    const [summary] = (await suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: "p" }))).pipelineExecutionSummaries!;
    expect(summary.stopTrigger).toEqual({ reason: "Wrong branch" });
  });

  it("stop and abandon: running actions become Abandoned and the execution is Stopped shortly after", async () => {
    await suite.d.load(twoGroups, { "Build.A": { durationSeconds: 60 } });
    const id = await suite.d.start("p");
    await suite.d.advance(20);
    await stop(id, true, "Abandon it");
    expect(await actions("Build")).toEqual({ A: "Abandoned", B: undefined });
    expect((await suite.d.execution("p", id)).status).toBe("Stopping");
    await suite.d.advance(1);
    expect((await suite.d.execution("p", id)).status).toBe("Stopped");
    await suite.d.advance(120);
    expect(await actions("Build")).toEqual({ A: "Abandoned", B: undefined });
  });

  it("refuses a repeated stop-and-wait and a repeated abandon, but allows abandon while Stopping", async () => {
    await suite.d.load(twoGroups, { "Build.A": { durationSeconds: 60 } });
    const id = await suite.d.start("p");
    await suite.d.advance(20);
    await stop(id);
    await expectError(stop(id), "DuplicatedStopRequestException");
    await stop(id, true);
    await expectError(stop(id, true), "DuplicatedStopRequestException");
    await suite.d.advance(1);
    await expectError(stop(id, true), "PipelineExecutionNotStoppableException", /Stopped/);
  });

  it("answers PipelineExecutionNotStoppableException for finished executions and stops a waiting one at once", async () => {
    await suite.d.load(twoGroups, { "Build.A": { durationSeconds: 10 }, "Build.B": { durationSeconds: 10 }, "Test.Test": { durationSeconds: 10 } });
    const done = await suite.d.start("p");
    await suite.d.advance(60);
    await expectError(stop(done), "PipelineExecutionNotStoppableException", /Succeeded/);
    await expectError(stop("00000000-0000-4000-8000-000000000000"), "PipelineExecutionNotFoundException");

    await suite.d.load(twoGroups, { "Build.A": { durationSeconds: 100 } });
    await suite.d.start("p");
    await suite.d.advance(10);
    const waiting = await suite.d.start("p");
    await suite.d.advance(10);
    expect((await stageState(suite.client, "p", "Build")).inboundExecution?.pipelineExecutionId).toBe(waiting);
    await stop(waiting);
    expect((await suite.d.execution("p", waiting)).status).toBe("Stopped");
    expect((await stageState(suite.client, "p", "Build")).inboundExecution).toBeUndefined();
  });
});

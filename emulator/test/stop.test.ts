import { ListPipelineExecutionsCommand, StopPipelineExecutionCommand, type CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, driver, expectError, pipeline, source, stage, stageState } from "./fixtures";
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

const twoGroups = pipeline("p", [stage("Source", source()), stage("Build", build("A", 1), build("B", 2)), stage("Test", build("Test"))]);
const stop = (id: string, abandon = false, reason?: string) => client.send(new StopPipelineExecutionCommand({ pipelineName: "p", pipelineExecutionId: id, abandon, reason }));
const actions = async (stageName: string) => Object.fromEntries((await stageState(client, "p", stageName)).actionStates!.map((a) => [a.actionName, a.latestExecution?.status]));

describe("StopPipelineExecution", () => {
  it("stop and wait: running actions finish, nothing new starts, Stopping then Stopped", async () => {
    await d.load(twoGroups, { "Build.A": { durationSeconds: 60 }, "Build.B": { durationSeconds: 60 }, "Test.Test": { durationSeconds: 10 } });
    const id = await d.start("p");
    await d.advance(20);
    expect((await stop(id, false, "Wrong branch")).pipelineExecutionId).toBe(id);
    expect((await d.execution("p", id)).status).toBe("Stopping");
    expect((await stageState(client, "p", "Build")).latestExecution?.status).toBe("Stopping");
    await d.advance(45);
    expect(await actions("Build")).toEqual({ A: "Succeeded", B: undefined });
    expect((await d.execution("p", id)).status).toBe("Stopped");
    expect((await stageState(client, "p", "Build")).latestExecution?.status).toBe("Stopped");
    const [summary] = (await client.send(new ListPipelineExecutionsCommand({ pipelineName: "p" }))).pipelineExecutionSummaries!;
    expect(summary.stopTrigger).toEqual({ reason: "Wrong branch" });
  });

  it("stop and abandon: running actions become Abandoned and the execution is Stopped shortly after", async () => {
    await d.load(twoGroups, { "Build.A": { durationSeconds: 60 } });
    const id = await d.start("p");
    await d.advance(20);
    await stop(id, true, "Abandon it");
    expect(await actions("Build")).toEqual({ A: "Abandoned", B: undefined });
    expect((await d.execution("p", id)).status).toBe("Stopping");
    await d.advance(1);
    expect((await d.execution("p", id)).status).toBe("Stopped");
    await d.advance(120);
    expect(await actions("Build")).toEqual({ A: "Abandoned", B: undefined });
  });

  it("refuses a repeated stop-and-wait and a repeated abandon, but allows abandon while Stopping", async () => {
    await d.load(twoGroups, { "Build.A": { durationSeconds: 60 } });
    const id = await d.start("p");
    await d.advance(20);
    await stop(id);
    await expectError(stop(id), "DuplicatedStopRequestException");
    await stop(id, true);
    await expectError(stop(id, true), "DuplicatedStopRequestException");
    await d.advance(1);
    await expectError(stop(id, true), "PipelineExecutionNotStoppableException", /Stopped/);
  });

  it("answers PipelineExecutionNotStoppableException for finished executions and stops a waiting one at once", async () => {
    await d.load(twoGroups, { "Build.A": { durationSeconds: 10 }, "Build.B": { durationSeconds: 10 }, "Test.Test": { durationSeconds: 10 } });
    const done = await d.start("p");
    await d.advance(60);
    await expectError(stop(done), "PipelineExecutionNotStoppableException", /Succeeded/);
    await expectError(stop("00000000-0000-4000-8000-000000000000"), "PipelineExecutionNotFoundException");

    await d.load(twoGroups, { "Build.A": { durationSeconds: 100 } });
    await d.start("p");
    await d.advance(10);
    const waiting = await d.start("p");
    await d.advance(10);
    expect((await stageState(client, "p", "Build")).inboundExecution?.pipelineExecutionId).toBe(waiting);
    await stop(waiting);
    expect((await d.execution("p", waiting)).status).toBe("Stopped");
    expect((await stageState(client, "p", "Build")).inboundExecution).toBeUndefined();
  });
});

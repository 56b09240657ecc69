import { RetryStageExecutionCommand, StopPipelineExecutionCommand, UpdatePipelineCommand } from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { approval, build, expectError, pipeline, source, stage, stageState, emulatorSuite } from "./fixtures";

const suite = emulatorSuite();

const declaration = pipeline("p", [stage("Source", source()), stage("Build", build("A", 1), build("B", 1), build("C", 2))]);
const retry = (id: string, retryMode: "FAILED_ACTIONS" | "ALL_ACTIONS", stageName = "Build") =>
  suite.client.send(new RetryStageExecutionCommand({ pipelineName: "p", stageName, pipelineExecutionId: id, retryMode }));
const runs = async () =>
  Object.fromEntries((await stageState(suite.client, "p", "Build")).actionStates!.map((a) => [a.actionName, `${a.latestExecution?.status}:${a.latestExecution?.actionExecutionId?.slice(0, 8)}`]));
const behaviour = { "Build.A": { durationSeconds: 10, failOnRuns: [1] }, "Build.B": { durationSeconds: 10 }, "Build.C": { durationSeconds: 10 } };

describe("RetryStageExecution", () => {
  it("FAILED_ACTIONS re-runs the failed actions only, then the rest of the stage", async () => {
    await suite.d.load(declaration, behaviour);
    const id = await suite.d.start("p");
    await suite.d.advance(20);
    const before = await runs();
    expect((await suite.d.execution("p", id)).status).toBe("Failed");
    expect((await retry(id, "FAILED_ACTIONS")).pipelineExecutionId).toBe(id);
    const during = await runs();
    expect(during.A).toMatch(/^InProgress/);
    expect(during.A).not.toBe(before.A);
    expect(during.B).toBe(before.B);
    const buildState = await stageState(suite.client, "p", "Build");
    expect(buildState.retryStageMetadata).toEqual({ autoStageRetryAttempt: 0, manualStageRetryAttempt: 1, latestRetryTrigger: "ManualStageRetry" });
    expect((await suite.d.execution("p", id)).status).toBe("InProgress");
    await suite.d.advance(20);
    expect((await suite.d.execution("p", id)).status).toBe("Succeeded");
  });

  it("ALL_ACTIONS restarts every action of the stage", async () => {
    await suite.d.load(declaration, behaviour);
    const id = await suite.d.start("p");
    await suite.d.advance(20);
    const before = await runs();
    await retry(id, "ALL_ACTIONS");
    const during = await runs();
    expect(during.A).toMatch(/^InProgress/);
    expect(during.B).toMatch(/^InProgress/);
    expect(during.B).not.toBe(before.B);
  });

  it("refuses a stage that did not fail, an outdated execution and a changed structure", async () => {
    await suite.d.load(declaration, { ...behaviour, "Build.A": { durationSeconds: 10, failOnRuns: [1] } });
    const failed = await suite.d.start("p");
    await suite.d.advance(20);
    await expectError(retry(failed, "FAILED_ACTIONS", "Source"), "StageNotRetryableException", /Source/);
    await expectError(retry(failed, "FAILED_ACTIONS", "Nope"), "StageNotFoundException");
    const later = await suite.d.start("p");
    await suite.d.advance(40);
    expect((await suite.d.execution("p", later)).status).toBe("Succeeded");
    await expectError(retry(failed, "FAILED_ACTIONS"), "NotLatestPipelineExecutionException", /out of date/);

    await suite.d.load(declaration, behaviour);
    const id = await suite.d.start("p");
    await suite.d.advance(20);
    await suite.client.send(new UpdatePipelineCommand({ pipeline: { ...declaration, stages: [...declaration.stages!, stage("Approve", approval())] } }));
    await expectError(retry(id, "FAILED_ACTIONS"), "StageNotRetryableException", /structure/);
  });

  it("retries the stage of a Stopped execution", async () => {
    await suite.d.load(declaration, { "Build.A": { durationSeconds: 60 }, "Build.B": { durationSeconds: 60 }, "Build.C": { durationSeconds: 10 } });
    const id = await suite.d.start("p");
    await suite.d.advance(10);
    await suite.client.send(new StopPipelineExecutionCommand({ pipelineName: "p", pipelineExecutionId: id, abandon: true }));
    await suite.d.advance(1);
    expect((await suite.d.execution("p", id)).status).toBe("Stopped");
    await retry(id, "FAILED_ACTIONS");
    await suite.d.advance(70);
    expect((await suite.d.execution("p", id)).status).toBe("Succeeded");
  });

  it("retries automatically once when onFailure.result is RETRY", async () => {
    const auto = { ...declaration, pipelineType: "V2" as const, stages: [declaration.stages![0], { ...declaration.stages![1], onFailure: { result: "RETRY" as const, retryConfiguration: { retryMode: "FAILED_ACTIONS" as const } } }] };
    await suite.d.load(auto, behaviour);
    const id = await suite.d.start("p");
    await suite.d.advance(40);
    expect((await suite.d.execution("p", id)).status).toBe("Succeeded");
    expect((await stageState(suite.client, "p", "Build")).retryStageMetadata).toMatchObject({ autoStageRetryAttempt: 1, latestRetryTrigger: "AutomatedStageRetry" });
  });
});

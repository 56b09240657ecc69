import { ListPipelineExecutionsCommand, RollbackStageCommand, UpdatePipelineCommand } from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { approval, build, expectError, pipeline, source, stage, stageState, emulatorSuite } from "./fixtures";

const suite = emulatorSuite();

const v2 = (extra = {}) => pipeline("p", [stage("Source", source()), stage("Deploy", build("Deploy"))], { pipelineType: "V2", ...extra });
const rollback = (target: string, stageName = "Deploy") => suite.client.send(new RollbackStageCommand({ pipelineName: "p", stageName, targetPipelineExecutionId: target }));

describe("RollbackStage", () => {
  it("starts a ROLLBACK execution of that stage only, with the target's revisions", async () => {
    await suite.d.load(v2(), { "Deploy.Deploy": { durationSeconds: 10, failOnRuns: [2] } });
    const good = await suite.d.start("p");
    await suite.d.advance(20);
    const bad = await suite.d.start("p");
    await suite.d.advance(20);
    expect((await suite.d.execution("p", bad)).status).toBe("Failed");
    const { pipelineExecutionId } = await rollback(good);
    const x = await suite.d.execution("p", pipelineExecutionId!);
    expect(x).toMatchObject({ executionType: "ROLLBACK", rollbackMetadata: { rollbackTargetPipelineExecutionId: good }, trigger: { triggerType: "ManualRollback" } });
    expect(x.artifactRevisions).toEqual((await suite.d.execution("p", good)).artifactRevisions);
    expect((await stageState(suite.client, "p", "Deploy")).latestExecution).toEqual({ pipelineExecutionId, status: "InProgress", type: "ROLLBACK" });
    expect((await stageState(suite.client, "p", "Source")).latestExecution?.pipelineExecutionId).toBe(bad);
    await suite.d.advance(10);
    const [summary] = (await suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: "p" }))).pipelineExecutionSummaries!;
    expect(summary).toMatchObject({ pipelineExecutionId, status: "Succeeded", executionType: "ROLLBACK", rollbackMetadata: { rollbackTargetPipelineExecutionId: good } });
  });

  it("rolls back automatically when onFailure.result is ROLLBACK", async () => {
    const declaration = v2();
    declaration.stages![1].onFailure = { result: "ROLLBACK" };
    await suite.d.load(declaration, { "Deploy.Deploy": { durationSeconds: 10, failOnRuns: [2] } });
    const good = await suite.d.start("p");
    await suite.d.advance(20);
    await suite.d.start("p");
    await suite.d.advance(20);
    const [latest] = (await suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: "p" }))).pipelineExecutionSummaries!;
    expect(latest).toMatchObject({ executionType: "ROLLBACK", trigger: { triggerType: "AutomatedRollback" }, rollbackMetadata: { rollbackTargetPipelineExecutionId: good } });
  });

  it("refuses V1, PARALLEL, targets that did not succeed, outdated targets and running stages", async () => {
    await suite.d.load(pipeline("p", [stage("Source", source()), stage("Deploy", build("Deploy"))]), { "Deploy.Deploy": { durationSeconds: 10 } });
    const v1run = await suite.d.start("p");
    await suite.d.advance(20);
    await expectError(rollback(v1run), "UnableToRollbackStageException", /V2/);

    await suite.d.load(v2({ executionMode: "PARALLEL" }), { "Deploy.Deploy": { durationSeconds: 10 } });
    const parallel = await suite.d.start("p");
    await suite.d.advance(20);
    await expectError(rollback(parallel), "UnableToRollbackStageException", /PARALLEL/);

    await suite.d.load(v2(), { "Deploy.Deploy": { durationSeconds: 10, failOnRuns: [1] } });
    const failed = await suite.d.start("p");
    await suite.d.advance(20);
    await expectError(rollback(failed), "UnableToRollbackStageException", /did not succeed/);
    await expectError(rollback("00000000-0000-4000-8000-000000000000"), "PipelineExecutionNotFoundException");
    await expectError(rollback(failed, "Nope"), "StageNotFoundException");

    const good = await suite.d.start("p");
    await suite.d.advance(20);
    await suite.d.start("p");
    await suite.d.advance(5);
    await expectError(rollback(good), "UnableToRollbackStageException", /in progress/);
    await suite.client.send(new UpdatePipelineCommand({ pipeline: { ...v2(), stages: [...v2().stages!, stage("Approve", approval())] } }));
    await expectError(rollback(good), "PipelineExecutionOutdatedException");
  });
});

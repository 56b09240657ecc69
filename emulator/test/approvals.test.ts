import { ListActionExecutionsCommand, PutApprovalResultCommand } from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { approval, build, expectError, pipeline, source, stage, stageState, emulatorSuite } from "./fixtures";

const suite = emulatorSuite();

const gated = (extra = {}, timeout?: number) =>
  pipeline("gated", [stage("Source", source()), stage("Approve", approval("Approve", timeout)), stage("Build", build())], extra);
const approve = (token: string, status: "Approved" | "Rejected" = "Approved", where = { stageName: "Approve", actionName: "Approve" }) =>
  suite.client.send(new PutApprovalResultCommand({ pipelineName: "gated", ...where, token, result: { status, summary: `${status} after review` } }));
const approvalState = async () => (await stageState(suite.client, "gated", "Approve")).actionStates![0];

describe("manual approvals", () => {
  it("waits for PutApprovalResult with the token from GetPipelineState, then moves on", async () => {
    await suite.d.load(gated(), { "Build.Build": { durationSeconds: 10 } });
    const id = await suite.d.start("gated");
    await suite.d.advance(3600);
    const waiting = await approvalState();
    expect(waiting.latestExecution).toMatchObject({ status: "InProgress", token: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await stageState(suite.client, "gated", "Build")).latestExecution).toBeUndefined();
    const { approvedAt } = await approve(waiting.latestExecution!.token!);
    expect(approvedAt).toEqual(suite.emu.core.clock.now());
    const decided = await approvalState();
    expect(decided.latestExecution).toMatchObject({ status: "Succeeded", summary: "Approved after review", lastUpdatedBy: expect.stringMatching(/^arn:aws:/) });
    expect(decided.latestExecution?.token).toBeUndefined();
    await suite.d.advance(10);
    expect((await suite.d.execution("gated", id)).status).toBe("Succeeded");
  });

  it("rejecting fails the action, the stage and the execution", async () => {
    await suite.d.load(gated());
    const id = await suite.d.start("gated");
    await suite.d.advance(5);
    await approve((await approvalState()).latestExecution!.token!, "Rejected");
    expect((await approvalState()).latestExecution).toMatchObject({ status: "Failed", summary: "Rejected after review" });
    expect((await stageState(suite.client, "gated", "Approve")).latestExecution?.status).toBe("Failed");
    const x = await suite.d.execution("gated", id);
    expect(x.status).toBe("Failed");
    expect(x.statusSummary).toMatch(/^Rejected by arn:aws:/);
  });

  it("times out after timeoutInMinutes (default 7 days) and fails", async () => {
    await suite.d.load(gated({}, 60));
    const id = await suite.d.start("gated");
    await suite.d.advance(5 + 59 * 60);
    expect((await approvalState()).latestExecution?.status).toBe("InProgress");
    await suite.d.advance(60);
    expect((await approvalState()).latestExecution?.status).toBe("Failed");
    expect((await suite.d.execution("gated", id)).status).toBe("Failed");

    await suite.d.load(gated());
    const slow = await suite.d.start("gated");
    await suite.d.advance(5 + 7 * 86400 - 1);
    expect((await suite.d.execution("gated", slow)).status).toBe("InProgress");
    await suite.d.advance(1);
    expect((await suite.d.execution("gated", slow)).status).toBe("Failed");
  });

  it("answers InvalidApprovalTokenException, ApprovalAlreadyCompletedException and the not-found errors", async () => {
    await suite.d.load(gated());
    await suite.d.start("gated");
    await suite.d.advance(5);
    const token = (await approvalState()).latestExecution!.token!;
    await expectError(approve("00000000-0000-4000-8000-000000000000"), "InvalidApprovalTokenException");
    await expectError(approve(token, "Approved", { stageName: "Nope", actionName: "Approve" }), "StageNotFoundException", /Nope/);
    await expectError(approve(token, "Approved", { stageName: "Approve", actionName: "Nope" }), "ActionNotFoundException", /Nope/);
    await expectError(
      suite.client.send(new PutApprovalResultCommand({ pipelineName: "ghost", stageName: "Approve", actionName: "Approve", token, result: { status: "Approved", summary: "" } })),
      "PipelineNotFoundException",
    );
    await approve(token);
    await expectError(approve(token), "ApprovalAlreadyCompletedException", /already been approved/);
  });

  it("refuses the token of an approval that timed out as stale", async () => {
    await suite.d.load(gated({}, 5));
    await suite.d.start("gated");
    await suite.d.advance(5);
    const token = (await approvalState()).latestExecution!.token!;
    await suite.d.advance(300);
    await expectError(approve(token), "InvalidApprovalTokenException", /expired/);
  });

  it("PARALLEL pipelines hide the token in GetPipelineState; ListActionExecutions has it as externalExecutionId", async () => {
    await suite.d.load(gated({ pipelineType: "V2", executionMode: "PARALLEL" }));
    const id = await suite.d.start("gated");
    await suite.d.advance(5);
    expect((await approvalState()).latestExecution?.token).toBeUndefined();
    const { actionExecutionDetails } = await suite.client.send(new ListActionExecutionsCommand({ pipelineName: "gated", filter: { pipelineExecutionId: id } }));
    const token = actionExecutionDetails!.find((a) => a.actionName === "Approve")!.output!.executionResult!.externalExecutionId!;
    await approve(token);
    const detail = (await suite.client.send(new ListActionExecutionsCommand({ pipelineName: "gated", filter: { pipelineExecutionId: id } }))).actionExecutionDetails!;
    expect(detail.find((a) => a.actionName === "Approve")).toMatchObject({ status: "Succeeded", updatedBy: expect.stringMatching(/^arn:aws:/) });
  });

  it("holds the stage locked while it waits", async () => {
    await suite.d.load(gated());
    const first = await suite.d.start("gated");
    await suite.d.advance(10);
    const second = await suite.d.start("gated");
    await suite.d.advance(10);
    const approveStage = await stageState(suite.client, "gated", "Approve");
    expect(approveStage.latestExecution?.pipelineExecutionId).toBe(first);
    expect(approveStage.inboundExecution?.pipelineExecutionId).toBe(second);
  });
});

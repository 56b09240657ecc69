import { ListActionExecutionsCommand, PutApprovalResultCommand, type CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approval, build, driver, expectError, pipeline, source, stage, stageState } from "./fixtures";
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

const gated = (extra = {}, timeout?: number) =>
  pipeline("gated", [stage("Source", source()), stage("Approve", approval("Approve", timeout)), stage("Build", build())], extra);
const approve = (token: string, status: "Approved" | "Rejected" = "Approved", where = { stageName: "Approve", actionName: "Approve" }) =>
  client.send(new PutApprovalResultCommand({ pipelineName: "gated", ...where, token, result: { status, summary: `${status} after review` } }));
const approvalState = async () => (await stageState(client, "gated", "Approve")).actionStates![0];

describe("manual approvals", () => {
  it("waits for PutApprovalResult with the token from GetPipelineState, then moves on", async () => {
    await d.load(gated(), { "Build.Build": { durationSeconds: 10 } });
    const id = await d.start("gated");
    await d.advance(3600);
    const waiting = await approvalState();
    expect(waiting.latestExecution).toMatchObject({ status: "InProgress", token: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await stageState(client, "gated", "Build")).latestExecution).toBeUndefined();
    const { approvedAt } = await approve(waiting.latestExecution!.token!);
    expect(approvedAt).toEqual(emu.core.clock.now());
    const decided = await approvalState();
    expect(decided.latestExecution).toMatchObject({ status: "Succeeded", summary: "Approved after review", lastUpdatedBy: expect.stringMatching(/^arn:aws:/) });
    expect(decided.latestExecution?.token).toBeUndefined();
    await d.advance(10);
    expect((await d.execution("gated", id)).status).toBe("Succeeded");
  });

  it("rejecting fails the action, the stage and the execution", async () => {
    await d.load(gated());
    const id = await d.start("gated");
    await d.advance(5);
    await approve((await approvalState()).latestExecution!.token!, "Rejected");
    expect((await approvalState()).latestExecution).toMatchObject({ status: "Failed", summary: "Rejected after review" });
    expect((await stageState(client, "gated", "Approve")).latestExecution?.status).toBe("Failed");
    const x = await d.execution("gated", id);
    expect(x.status).toBe("Failed");
    expect(x.statusSummary).toMatch(/^Rejected by arn:aws:/);
  });

  it("times out after timeoutInMinutes (default 7 days) and fails", async () => {
    await d.load(gated({}, 60));
    const id = await d.start("gated");
    await d.advance(5 + 59 * 60);
    expect((await approvalState()).latestExecution?.status).toBe("InProgress");
    await d.advance(60);
    expect((await approvalState()).latestExecution?.status).toBe("Failed");
    expect((await d.execution("gated", id)).status).toBe("Failed");

    await d.load(gated());
    const slow = await d.start("gated");
    await d.advance(5 + 7 * 86400 - 1);
    expect((await d.execution("gated", slow)).status).toBe("InProgress");
    await d.advance(1);
    expect((await d.execution("gated", slow)).status).toBe("Failed");
  });

  it("answers InvalidApprovalTokenException, ApprovalAlreadyCompletedException and the not-found errors", async () => {
    await d.load(gated());
    await d.start("gated");
    await d.advance(5);
    const token = (await approvalState()).latestExecution!.token!;
    await expectError(approve("00000000-0000-4000-8000-000000000000"), "InvalidApprovalTokenException");
    await expectError(approve(token, "Approved", { stageName: "Nope", actionName: "Approve" }), "StageNotFoundException", /Nope/);
    await expectError(approve(token, "Approved", { stageName: "Approve", actionName: "Nope" }), "ActionNotFoundException", /Nope/);
    await expectError(
      client.send(new PutApprovalResultCommand({ pipelineName: "ghost", stageName: "Approve", actionName: "Approve", token, result: { status: "Approved", summary: "" } })),
      "PipelineNotFoundException",
    );
    await approve(token);
    await expectError(approve(token), "ApprovalAlreadyCompletedException", /already been approved/);
  });

  it("refuses the token of an approval that timed out as stale", async () => {
    await d.load(gated({}, 5));
    await d.start("gated");
    await d.advance(5);
    const token = (await approvalState()).latestExecution!.token!;
    await d.advance(300);
    await expectError(approve(token), "InvalidApprovalTokenException", /expired/);
  });

  it("PARALLEL pipelines hide the token in GetPipelineState; ListActionExecutions has it as externalExecutionId", async () => {
    await d.load(gated({ pipelineType: "V2", executionMode: "PARALLEL" }));
    const id = await d.start("gated");
    await d.advance(5);
    expect((await approvalState()).latestExecution?.token).toBeUndefined();
    const { actionExecutionDetails } = await client.send(new ListActionExecutionsCommand({ pipelineName: "gated", filter: { pipelineExecutionId: id } }));
    const token = actionExecutionDetails!.find((a) => a.actionName === "Approve")!.output!.executionResult!.externalExecutionId!;
    await approve(token);
    const detail = (await client.send(new ListActionExecutionsCommand({ pipelineName: "gated", filter: { pipelineExecutionId: id } }))).actionExecutionDetails!;
    expect(detail.find((a) => a.actionName === "Approve")).toMatchObject({ status: "Succeeded", updatedBy: expect.stringMatching(/^arn:aws:/) });
  });

  it("holds the stage locked while it waits", async () => {
    await d.load(gated());
    const first = await d.start("gated");
    await d.advance(10);
    const second = await d.start("gated");
    await d.advance(10);
    const approveStage = await stageState(client, "gated", "Approve");
    expect(approveStage.latestExecution?.pipelineExecutionId).toBe(first);
    expect(approveStage.inboundExecution?.pipelineExecutionId).toBe(second);
  });
});

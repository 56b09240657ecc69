import { describe, expect, it } from "vitest";
import type { ActionExecutionDetail, PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { EXEC_NEW, EXEC_OLD, action, stage, state } from "../../testing/pipeline-fixtures";
import {
  DEFAULT_APPROVAL_TIMEOUT_MINUTES,
  approvalDeclaration,
  expiresAt,
  formatTimeLeft,
  hasVariables,
  withResolvedConfiguration,
  mayHideParallelApproval,
  pendingFromActionExecutions,
  pendingFromState,
  sortByUrgency,
  urgencyOf,
} from "./pending";
import {
  commentLimit,
  commentProblem,
  composeSummary,
  describeDecisionError,
  describeFreshness,
  describeOutcome,
  freshnessFromActionExecutions,
  freshnessFromState,
  needsRuns,
  settledOutcome,
  shortPrincipal,
} from "./decision";
import { failuresFromState, faviconSvg, newEvents, titleWithCount, boundKeys } from "./attention";

const since = new Date("2025-01-10T10:00:00Z");
const waiting = (token = "tok-1") => action("Review", { status: "InProgress", token, lastStatusChange: since });

describe("pendingFromState", () => {
  it("finds approvals by their token, with the execution, the waiting time and nothing newer", () => {
    const s = state(stage("Source", "Succeeded", [action("Source", { status: "Succeeded" })]), stage("Approve", "InProgress", [waiting()]));
    expect(pendingFromState("web", s)).toEqual([
      {
        key: `web/Approve/Review/${EXEC_NEW}`,
        pipelineName: "web",
        stageName: "Approve",
        actionName: "Review",
        executionId: EXEC_NEW,
        token: "tok-1",
        waitingSince: since,
        parallel: false,
        newer: [],
      },
    ]);
  });

  it("ignores running actions without a token and finished approvals", () => {
    const s = state(stage("Build", "InProgress", [action("Compile", { status: "InProgress" })]), stage("Approve", "Succeeded", [action("Review", { status: "Succeeded" })]));
    expect(pendingFromState("web", s)).toEqual([]);
  });

  it("reports a newer execution waiting at the stage or running in an earlier one", () => {
    const s = state(
      { ...stage("Build", "InProgress", [action("Compile", { status: "InProgress" })]), latestExecution: { pipelineExecutionId: "newer-2", status: "InProgress" } },
      stage("Approve", "InProgress", [waiting()], { inboundExecution: { pipelineExecutionId: EXEC_OLD, status: "InProgress" } }),
    );
    expect(pendingFromState("web", s)[0].newer).toEqual([
      { executionId: EXEC_OLD, where: "inbound", stageName: "Approve" },
      { executionId: "newer-2", where: "earlier-stage", stageName: "Build" },
    ]);
  });
});

describe("PARALLEL mode", () => {
  const detail = (status: ActionExecutionDetail["status"], category = "Approval"): ActionExecutionDetail => ({
    pipelineExecutionId: "p-1",
    stageName: "Approve",
    actionName: "Review",
    status,
    startTime: since,
    lastUpdateTime: since,
    input: { actionTypeId: { category: category as "Approval", owner: "AWS", provider: "Manual", version: "1" } },
    output: { executionResult: { externalExecutionId: "ext-token" } },
  });

  it("takes the token from externalExecutionId", () => {
    const [found] = pendingFromActionExecutions("pl", [detail("InProgress"), detail("InProgress", "Build"), detail("Succeeded")]);
    expect(found).toMatchObject({ token: "ext-token", executionId: "p-1", parallel: true, key: "pl/Approve/Review/p-1" });
  });

  it("knows when the state may hide a PARALLEL approval", () => {
    expect(mayHideParallelApproval(state(stage("Approve", "InProgress", [action("Review", { status: "InProgress" })])))).toBe(true);
    expect(mayHideParallelApproval(state(stage("Approve", "Succeeded", [action("Review", { status: "Succeeded" })])))).toBe(false);
  });

  it("checks freshness against the reviewed execution's run", () => {
    const target = { pipelineName: "pl", stageName: "Approve", actionName: "Review", executionId: "p-1" };
    expect(freshnessFromActionExecutions(target, [detail("InProgress")])).toEqual({ kind: "ready", token: "ext-token", executionId: "p-1" });
    expect(freshnessFromActionExecutions(target, [{ ...detail("Succeeded"), updatedBy: "arn:aws:sts::1:assumed-role/Ops/bob" }])).toMatchObject({
      kind: "decided",
      status: "Approved",
      by: "arn:aws:sts::1:assumed-role/Ops/bob",
    });
    expect(freshnessFromActionExecutions({ ...target, executionId: "other" }, [detail("InProgress")])).toEqual({ kind: "missing" });
  });
});

describe("declaration and urgency", () => {
  const declaration = (config: Record<string, string>, timeoutInMinutes?: number): PipelineDeclaration => ({
    name: "web",
    roleArn: "r",
    stages: [{ name: "Approve", actions: [{ name: "Review", actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" }, configuration: config, timeoutInMinutes }] }],
  });

  it("reads CustomData, keeps only http(s) links and defaults the timeout to 7 days", () => {
    expect(approvalDeclaration(declaration({ CustomData: "Check it", ExternalEntityLink: "https://x.test/r" }), "Approve", "Review")).toEqual({
      customData: "Check it",
      reviewLink: "https://x.test/r",
      unsafeReviewLink: undefined,
      timeoutMinutes: DEFAULT_APPROVAL_TIMEOUT_MINUTES,
      declaredTimeout: false,
    });
    const unsafe = approvalDeclaration(declaration({ ExternalEntityLink: "javascript:alert(1)" }, 60), "Approve", "Review");
    expect(unsafe).toMatchObject({ reviewLink: undefined, unsafeReviewLink: "javascript:alert(1)", timeoutMinutes: 60, declaredTimeout: true });
    expect(approvalDeclaration(declaration({}), "Approve", "Other")).toBeUndefined();
  });

  it("sorts soonest to expire first, unknown last", () => {
    const item = (key: string, minutes: number | undefined) => ({
      approval: { key, waitingSince: since } as never,
      expiresAt: minutes === undefined ? undefined : expiresAt(since, minutes),
    });
    expect(sortByUrgency([item("a", 10080), item("b", undefined), item("c", 60)]).map((i) => (i.approval as { key: string }).key)).toEqual(["c", "a", "b"]);
  });

  it("formats the countdown without ever rounding down to zero early", () => {
    expect(formatTimeLeft(7 * 86_400_000)).toBe("7 d 0 h");
    expect(formatTimeLeft(3_600_000 + 60_000)).toBe("1 h 1 min");
    expect(formatTimeLeft(59 * 60_000 + 59_500)).toBe("1 h 0 min");
    expect(formatTimeLeft(500)).toBe("1 s");
    expect(formatTimeLeft(0)).toBe("expired");
    expect(urgencyOf(30 * 60_000)).toBe("urgent");
    expect(urgencyOf(-1)).toBe("expired");
  });
});

describe("freshnessFromState", () => {
  const target = { pipelineName: "web", stageName: "Approve", actionName: "Review", executionId: EXEC_NEW };

  it("is ready with the fresh token when the same execution still waits", () => {
    expect(freshnessFromState(target, state(stage("Approve", "InProgress", [waiting("fresh")])))).toEqual({ kind: "ready", token: "fresh", executionId: EXEC_NEW });
  });

  it("reports a decision made elsewhere, naming who", () => {
    const s = state(stage("Approve", "Succeeded", [action("Review", { status: "Succeeded", lastUpdatedBy: "arn:aws:sts::1:assumed-role/Ops/carol", summary: "ok" })]));
    const fresh = freshnessFromState(target, s);
    expect(fresh).toMatchObject({ kind: "decided", status: "Approved" });
    expect(describeFreshness(fresh as never)).toBe("Nothing was sent: this approval was already approved by Ops/carol (“ok”).");
  });

  it("tells rejection from timeout", () => {
    const rejected = state(stage("Approve", "Failed", [action("Review", { status: "Failed", lastUpdatedBy: "x", errorDetails: { code: "ApprovalRejected" } })]));
    expect(freshnessFromState(target, rejected)).toMatchObject({ kind: "decided", status: "Rejected" });
    const expired = state(stage("Approve", "Failed", [action("Review", { status: "Failed", errorDetails: { code: "JobFailed", message: "timed out" } })]));
    expect(freshnessFromState(target, expired)).toMatchObject({ kind: "expired" });
  });

  it("never hands out another execution's token", () => {
    const other = state({ ...stage("Approve", "InProgress", [waiting("t2")]), latestExecution: { pipelineExecutionId: "later", status: "InProgress" } });
    expect(freshnessFromState(target, other)).toEqual({ kind: "superseded", waitingExecutionId: "later" });
  });

  it("defers to ListActionExecutions when the state shows no token (PARALLEL)", () => {
    expect(freshnessFromState(target, state(stage("Approve", "InProgress", [action("Review", { status: "InProgress" })])))).toBeNull();
    expect(freshnessFromState(target, state(stage("Other", "InProgress")))).toEqual({ kind: "missing" });
  });
});

describe("comments and errors", () => {
  it("requires a comment to reject and counts the identity prefix against 512", () => {
    expect(commentProblem("reject", "  ", undefined)).toMatch(/required/);
    expect(commentProblem("approve", "", undefined)).toBeNull();
    expect(commentLimit("alice@example.com")).toBe(512 - 19);
    expect(commentProblem("approve", "x".repeat(494), "alice@example.com")).toMatch(/1 characters too long/);
    expect(composeSummary("alice@example.com", " looks good ")).toBe("alice@example.com: looks good");
    expect(composeSummary("alice@example.com", "")).toBe("alice@example.com");
    expect(composeSummary(undefined, "ok")).toBe("ok");
  });

  it("explains the race errors", () => {
    const named = (name: string) => Object.assign(new Error("m"), { name });
    expect(describeDecisionError(named("ApprovalAlreadyCompletedException"))).toMatchObject({ title: "Already decided", raced: true });
    expect(describeDecisionError(named("InvalidApprovalTokenException"))).toMatchObject({ title: "No longer valid", raced: true });
    expect(describeDecisionError(named("ThrottlingException")).raced).toBe(false);
    expect(shortPrincipal("arn:aws:sts::123:assumed-role/Role/alice")).toBe("Role/alice");
  });
});

describe("attention", () => {
  it("notifies only keys that appear after the baseline, once", () => {
    const first = newEvents(undefined, [{ key: "a" }]);
    expect(first.fresh).toEqual([]);
    const second = newEvents(first.seen, [{ key: "a" }, { key: "b" }]);
    expect(second.fresh).toEqual([{ key: "b" }]);
    expect(newEvents(second.seen, [{ key: "b" }]).fresh).toEqual([]);
    expect(boundKeys(["a", "b", "c"], 2)).toEqual(["b", "c"]);
  });

  it("finds one failure per failed execution", () => {
    const s = state(stage("Build", "Failed", [action("Compile", { status: "Failed", errorDetails: { message: "boom" } })]));
    expect(failuresFromState("web", s)).toEqual([
      { key: `web/failed/${EXEC_NEW}`, pipelineName: "web", stageName: "Build", actionName: "Compile", executionId: EXEC_NEW, message: "boom" },
    ]);
  });

  it("puts the count in the title and the favicon", () => {
    expect(titleWithCount("Pipelines", 3)).toBe("(3) Pipelines");
    expect(titleWithCount("(3) Pipelines", 0)).toBe("Pipelines");
    expect(titleWithCount("(3) Pipelines", 120)).toBe("(99+) Pipelines");
    expect(faviconSvg(2)).toContain(">2</text>");
    expect(faviconSvg(0)).not.toContain("<text");
  });
});

import { aftermathOf, type LocalDecision } from "./aftermath";

describe("aftermathOf", () => {
  const decided = (decision: "approve" | "reject"): LocalDecision => ({
    key: "k", pipelineName: "web", stageName: "Approve", actionName: "Review", executionId: EXEC_NEW, decision, summary: "", at: 0,
  });
  it("says the pipeline resumed, succeeded, or failed on reject", () => {
    expect(aftermathOf(state(stage("Approve", "Succeeded"), stage("Deploy", "InProgress")), decided("approve"))).toEqual({
      tone: "progress", text: "Approved: the pipeline resumed and is now in Deploy.",
    });
    expect(aftermathOf(state(stage("Approve", "Succeeded"), stage("Deploy", "Succeeded")), decided("approve")).tone).toBe("success");
    expect(aftermathOf(state(stage("Approve", "InProgress")), decided("approve")).tone).toBe("pending");
    expect(aftermathOf(state(stage("Approve", "Failed")), decided("reject")).tone).toBe("failed");
  });
});

describe("an approval that no longer waits", () => {
  const target = { pipelineName: "web", stageName: "Approve", actionName: "Review", executionId: EXEC_OLD };
  const at = new Date("2025-01-10T10:05:00Z");
  const decidedState = (status: "Succeeded" | "Failed", by?: string, summary?: string, executionId = EXEC_OLD) =>
    state(stage("Approve", status, [action("Review", { status, lastUpdatedBy: by, summary, lastStatusChange: at })], { latestExecution: { pipelineExecutionId: executionId, status } }));
  const time = (d: Date) => d.toISOString().slice(11, 16);

  it("says who decided and how, from the state", () => {
    const settled = settledOutcome(target, decidedState("Succeeded", "arn:aws:sts::1:assumed-role/Ops/bob", "Checked on staging"), undefined);
    expect(describeOutcome(settled!, time)).toBe("Approved by Ops/bob at 10:05: “Checked on staging”");
    const rejected = settledOutcome(target, decidedState("Failed", "arn:aws:iam::1:user/ana"), undefined);
    expect(describeOutcome(rejected!, time)).toBe("Rejected by ana at 10:05.");
    const timedOut = settledOutcome(target, decidedState("Failed"), undefined);
    expect(describeOutcome(timedOut!, time)).toBe("Timed out at 10:05 before anyone decided; the execution failed at this stage.");
  });

  it("is nothing while the approval still waits", () => {
    const stillWaiting = state(stage("Approve", "InProgress", [waiting()], { latestExecution: { pipelineExecutionId: EXEC_OLD, status: "InProgress" } }));
    expect(settledOutcome(target, stillWaiting, undefined)).toBeUndefined();
    expect(needsRuns(target, stillWaiting)).toBe(false);
  });

  it("asks the reviewed execution's run once the stage shows another execution", () => {
    const movedOn = decidedState("Succeeded", "arn:aws:iam::1:user/ana", undefined, EXEC_NEW);
    expect(needsRuns(target, movedOn)).toBe(true);
    const run: ActionExecutionDetail = {
      pipelineExecutionId: EXEC_OLD,
      stageName: "Approve",
      actionName: "Review",
      status: "Succeeded",
      updatedBy: "arn:aws:iam::1:user/ana",
      lastUpdateTime: at,
      output: { executionResult: { externalExecutionSummary: "Fine by me" } },
    };
    expect(describeOutcome(settledOutcome(target, movedOn, [run])!, time)).toBe("Approved by ana at 10:05: “Fine by me”");
    expect(describeOutcome(settledOutcome(target, movedOn, [])!, time)).toMatch(/^No longer waiting: the execution was superseded/);
  });
});

describe("the message and link of the running approval", () => {
  const declared = { customData: "Build #{BuildVariables.BUILD_ID} is on staging", reviewLink: "https://x.test/#{BuildVariables.BUILD_ID}", timeoutMinutes: 60, declaredTimeout: true };

  it("are the resolved configuration's, when the declared ones hold variables", () => {
    expect(hasVariables(declared)).toBe(true);
    expect(hasVariables({ ...declared, customData: "Plain", reviewLink: "https://x.test/r" })).toBe(false);
    expect(withResolvedConfiguration(declared, { CustomData: "Build b-7 is on staging", ExternalEntityLink: "https://x.test/b-7" })).toEqual({
      ...declared,
      customData: "Build b-7 is on staging",
      reviewLink: "https://x.test/b-7",
      unsafeReviewLink: undefined,
    });
    // A resolved link that is no web link stays text.
    expect(withResolvedConfiguration(declared, { ExternalEntityLink: "javascript:alert(1)" })).toMatchObject({ reviewLink: undefined, unsafeReviewLink: "javascript:alert(1)" });
    expect(withResolvedConfiguration(declared, undefined)).toBe(declared);
  });
});

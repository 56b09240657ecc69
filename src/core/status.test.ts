import { describe, expect, it } from "vitest";
import { executionDurationMs, executionsFingerprint, isRunning, isStateActive, rollUpStatus, stateFingerprint } from "./status";
import { EXEC_NEW, EXEC_OLD, action, execution, stage, state } from "../testing/pipeline-fixtures";

describe("rollUpStatus", () => {
  it("reports a succeeded pipeline with its revision and times", () => {
    const summary = rollUpStatus(state(stage("Source", "Succeeded"), stage("Deploy", "Succeeded")), execution("Succeeded"));
    expect(summary.health).toBe("succeeded");
    expect(summary.stageName).toBeUndefined();
    expect(summary.revision).toMatchObject({ shortId: "0123456", message: "Add checkout page" });
    expect(summary.lastChangedAt).toEqual(new Date("2025-01-10T11:55:00Z"));
  });

  it("names the failed stage, action and error message", () => {
    const summary = rollUpStatus(
      state(
        stage("Source", "Succeeded"),
        stage("Build", "Failed", [
          action("Lint", { status: "Succeeded" }),
          action("Compile", { status: "Failed", errorDetails: { code: "JobFailed", message: "tsc exited with 2" } }),
        ]),
        stage("Deploy", undefined),
      ),
      execution("Failed"),
    );
    expect(summary).toMatchObject({
      health: "failed",
      stageName: "Build",
      failedActionName: "Compile",
      errorSummary: "tsc exited with 2",
    });
  });

  it("puts a pending approval ahead of in progress, at its stage", () => {
    const summary = rollUpStatus(
      state(
        stage("Build", "Succeeded"),
        stage("Approve", "InProgress", [action("Review", { status: "InProgress", token: "tok-1" })]),
      ),
      execution("InProgress"),
    );
    expect(summary.health).toBe("waiting-for-approval");
    expect(summary.stageName).toBe("Approve");
    expect(summary.approvals).toEqual([{ stageName: "Approve", actionName: "Review" }]);
  });

  it("does not mistake a running action without a token for an approval", () => {
    const summary = rollUpStatus(
      state(stage("Build", "InProgress", [action("Compile", { status: "InProgress" })])),
      execution("InProgress"),
    );
    expect(summary.health).toBe("in-progress");
    expect(summary.stageName).toBe("Build");
    expect(summary.heldBeforeStage).toBe(false);
  });

  it("shows an execution held at a disabled transition, with the marker and reason", () => {
    const summary = rollUpStatus(
      state(
        stage("Build", "Succeeded"),
        stage("Prod", "Succeeded", [], {
          latestExecution: { pipelineExecutionId: EXEC_OLD, status: "Succeeded" },
          inboundExecution: { pipelineExecutionId: EXEC_NEW, status: "InProgress" },
          inboundTransitionState: { enabled: false, disabledReason: "Freeze for release", lastChangedBy: "ada" },
        }),
      ),
      execution("InProgress"),
    );
    expect(summary).toMatchObject({ health: "in-progress", stageName: "Prod", heldBeforeStage: true });
    expect(summary.disabledTransitions).toEqual([{ stageName: "Prod", reason: "Freeze for release", by: "ada" }]);
  });

  it("infers the wait at a disabled transition when inboundExecution is left out", () => {
    const summary = rollUpStatus(
      state(
        stage("Build", "Succeeded"),
        stage("Prod", "Succeeded", [], {
          latestExecution: { pipelineExecutionId: EXEC_OLD, status: "Succeeded" },
          inboundTransitionState: { enabled: false },
        }),
      ),
      execution("InProgress"),
    );
    expect(summary).toMatchObject({ health: "in-progress", stageName: "Prod", heldBeforeStage: true });
  });

  it("maps the terminal statuses one to one", () => {
    expect(rollUpStatus(undefined, execution("Stopped")).health).toBe("stopped");
    expect(rollUpStatus(undefined, execution("Superseded")).health).toBe("superseded");
    expect(rollUpStatus(undefined, execution("Cancelled")).health).toBe("cancelled");
  });

  it("marks a stopping execution as in progress and stopping", () => {
    const summary = rollUpStatus(undefined, execution("Stopping"));
    expect(summary).toMatchObject({ health: "in-progress", stopping: true });
  });

  it("is unknown for a pipeline that never ran", () => {
    expect(rollUpStatus(state(stage("Source", undefined)), undefined).health).toBe("unknown");
  });

  it("falls back to the state alone while the execution list has not arrived", () => {
    expect(rollUpStatus(state(stage("Source", "InProgress")), undefined).health).toBe("in-progress");
  });

  it("keeps a failure first even when an older execution waits for approval", () => {
    const summary = rollUpStatus(
      state(stage("Approve", "InProgress", [action("Review", { status: "InProgress", token: "t" })]), stage("Build", "Failed")),
      execution("Failed"),
    );
    expect(summary.health).toBe("failed");
    expect(summary.approvals).toHaveLength(1);
  });
});

describe("activity", () => {
  it("is active while a stage or action runs", () => {
    expect(isStateActive(state(stage("Build", "InProgress")))).toBe(true);
    expect(isStateActive(state(stage("Build", "Succeeded", [action("A", { status: "InProgress" })])))).toBe(true);
    expect(isStateActive(state(stage("Build", "Succeeded")))).toBe(false);
    expect(isRunning(execution("Stopping").status)).toBe(true);
    expect(isRunning(execution("Failed").status)).toBe(false);
  });
});

describe("executionDurationMs", () => {
  const now = new Date("2025-01-10T12:00:00Z");
  it("counts a running execution up to now", () => {
    expect(executionDurationMs(rollUpStatus(undefined, execution("InProgress")), now)).toBe(10 * 60_000);
  });
  it("ends a finished execution at its last update", () => {
    expect(executionDurationMs(rollUpStatus(undefined, execution("Succeeded")), now)).toBe(5 * 60_000);
  });
  it("counts a run started after the browser's clock (its clock behind AWS's) as just started, not negative", () => {
    const summary = rollUpStatus(undefined, execution("InProgress"));
    expect(executionDurationMs(summary, new Date(summary.startedAt!.getTime() - 3_000))).toBe(0);
  });
});

describe("stateFingerprint", () => {
  const running = (percentComplete: number) =>
    state(stage("Source", "Succeeded"), stage("Build", "InProgress", [action("Compile", { status: "InProgress", percentComplete })]));

  it("stays put while only progress moves", () => {
    expect(stateFingerprint(running(10))).toBe(stateFingerprint(running(80)));
  });

  it("changes when a stage's execution or status changes", () => {
    const finished = state(stage("Source", "Succeeded"), stage("Build", "Succeeded"));
    const newer = state(stage("Source", "InProgress", [], { latestExecution: { pipelineExecutionId: EXEC_OLD, status: "InProgress" } }), stage("Build", "InProgress"));
    expect(stateFingerprint(finished)).not.toBe(stateFingerprint(running(10)));
    expect(stateFingerprint(newer)).not.toBe(stateFingerprint(running(10)));
  });

  it("changes when an execution starts waiting at an inbound transition", () => {
    const waiting = state(
      stage("Source", "Succeeded"),
      stage("Build", "InProgress", [action("Compile", { status: "InProgress", percentComplete: 10 })], {
        inboundExecutions: [{ pipelineExecutionId: EXEC_OLD, status: "InProgress" }],
      }),
    );
    expect(stateFingerprint(waiting)).not.toBe(stateFingerprint(running(10)));
    expect(stateFingerprint(undefined)).toBe("");
  });
});

describe("executionsFingerprint", () => {
  // A run (EXEC_NEW) through Source, Build and Deploy; the previous one (EXEC_OLD) still where the new one has not been.
  const at = (id: string, status: "InProgress" | "Succeeded" | "Failed") => ({ latestExecution: { pipelineExecutionId: id, status } });
  const run = (source: "InProgress" | "Succeeded", build: ReturnType<typeof at>, deploy: ReturnType<typeof at>) =>
    state(stage("Source", source, [], at(EXEC_NEW, source)), stage("Build", build.latestExecution.status, [], build), stage("Deploy", deploy.latestExecution.status, [], deploy));

  it("stays put while a run moves from one middle stage to the next", () => {
    expect(executionsFingerprint(run("Succeeded", at(EXEC_NEW, "InProgress"), at(EXEC_OLD, "Succeeded")))).toBe(
      executionsFingerprint(run("Succeeded", at(EXEC_NEW, "Succeeded"), at(EXEC_OLD, "Succeeded"))),
    );
  });

  it("changes when the source stage finishes (its revisions are known), the last stage ends, or a stage fails", () => {
    const building = run("Succeeded", at(EXEC_NEW, "InProgress"), at(EXEC_OLD, "Succeeded"));
    expect(executionsFingerprint(building)).not.toBe(executionsFingerprint(run("InProgress", at(EXEC_NEW, "InProgress"), at(EXEC_OLD, "Succeeded"))));
    expect(executionsFingerprint(building)).not.toBe(executionsFingerprint(run("Succeeded", at(EXEC_NEW, "Failed"), at(EXEC_OLD, "Succeeded"))));
    const deploying = run("Succeeded", at(EXEC_NEW, "Succeeded"), at(EXEC_NEW, "InProgress"));
    expect(executionsFingerprint(deploying)).not.toBe(executionsFingerprint(run("Succeeded", at(EXEC_NEW, "Succeeded"), at(EXEC_NEW, "Succeeded"))));
  });

  it("changes when an execution appears or the previous one is gone from every stage", () => {
    expect(executionsFingerprint(run("Succeeded", at(EXEC_NEW, "Succeeded"), at(EXEC_NEW, "Succeeded")))).not.toBe(
      executionsFingerprint(run("Succeeded", at(EXEC_NEW, "Succeeded"), at(EXEC_OLD, "Succeeded"))),
    );
  });
});

import { describe, expect, it } from "vitest";
import type { ActionExecutionDetail } from "@aws-sdk/client-codepipeline";
import { stageNodeId } from "./layout";
import { currentStageRunStart, runningStageStarts } from "./stage-start";
import type { StatusView } from "./status-view";

const NEW = "11111111-1111-4111-8111-111111111111";
const OLD = "22222222-2222-4222-8222-222222222222";
const MIN = 60_000;

const run = (
  executionId: string,
  stageName: string,
  actionName: string,
  status: ActionExecutionDetail["status"],
  startMin: number,
  endMin?: number,
): ActionExecutionDetail => ({
  pipelineExecutionId: executionId,
  stageName,
  actionName,
  status,
  startTime: new Date(startMin * MIN),
  lastUpdateTime: new Date((endMin ?? startMin) * MIN),
});

describe("currentStageRunStart", () => {
  it("ignores the runs of an older execution that went through the stage earlier (the demo's 2 h Test header)", () => {
    const details = [
      run(OLD, "Test", "UnitTests", "Succeeded", 0, 3),
      run(OLD, "Test", "E2ETests", "Succeeded", 3, 8),
      run(NEW, "Test", "UnitTests", "InProgress", 120),
    ];
    expect(currentStageRunStart("Test", NEW, details)).toEqual(new Date(120 * MIN));
  });

  it("starts at the first action of the stage's run, across runOrder groups", () => {
    const details = [run(NEW, "Test", "UnitTests", "Succeeded", 10, 12), run(NEW, "Test", "E2ETests", "InProgress", 12)];
    expect(currentStageRunStart("Test", NEW, details)).toEqual(new Date(10 * MIN));
  });

  it("starts at the retry, not at the failed attempt of the same execution", () => {
    const details = [
      run(NEW, "Test", "UnitTests", "Succeeded", 10, 12),
      run(NEW, "Test", "Lint", "Failed", 10, 11),
      run(NEW, "Test", "Lint", "InProgress", 95), // RetryStageExecution(FAILED_ACTIONS) at minute 95
    ];
    expect(currentStageRunStart("Test", NEW, details)).toEqual(new Date(95 * MIN));
  });

  it("keeps the whole attempt when a failure is still running out its group", () => {
    const details = [run(NEW, "Test", "Lint", "Failed", 10, 11), run(NEW, "Test", "UnitTests", "InProgress", 10)];
    expect(currentStageRunStart("Test", NEW, details)).toEqual(new Date(10 * MIN));
  });

  it("knows no start before any run of that execution is loaded", () => {
    expect(currentStageRunStart("Test", NEW, [run(OLD, "Test", "UnitTests", "Succeeded", 0, 3)])).toBeUndefined();
  });
});

describe("runningStageStarts", () => {
  it("gives each running stage the start of the execution it runs now, whatever order the executions were loaded in", () => {
    const status: StatusView = {
      stages: new Map([
        [stageNodeId("Build"), { status: "Succeeded", executionId: NEW, conditions: [] }],
        [stageNodeId("Test"), { status: "InProgress", executionId: NEW, conditions: [] }],
        [stageNodeId("Approval"), { status: "InProgress", executionId: OLD, conditions: [] }],
      ]),
      actions: new Map(),
    };
    const details = [
      run(NEW, "Build", "Compile", "Succeeded", 100, 119),
      run(NEW, "Test", "UnitTests", "InProgress", 120),
      run(OLD, "Test", "UnitTests", "Succeeded", 0, 3),
      run(OLD, "Approval", "Promote", "InProgress", 10),
    ];
    const starts = runningStageStarts(["Build", "Test", "Approval"], status, details);
    expect(starts).toEqual(
      new Map([
        ["Test", new Date(120 * MIN)],
        ["Approval", new Date(10 * MIN)],
      ]),
    );
  });
});

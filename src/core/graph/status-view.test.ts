import { describe, expect, it } from "vitest";
import type { ActionExecutionDetail, GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import { actionNodeId, stageNodeId } from "./layout";
import { samplePipeline } from "../../testing/sample-pipeline";
import { statusFromActionExecutions, statusFromState, withPipelineWide, type StatusView } from "./status-view";

const EXEC = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";

describe("statusFromState", () => {
  it("maps stages, transitions with waiting executions, conditions and actions by node id", () => {
    const state: GetPipelineStateOutput = {
      stageStates: [
        {
          stageName: "Deploy",
          latestExecution: { pipelineExecutionId: EXEC, status: "InProgress", type: "STANDARD" },
          inboundExecution: { pipelineExecutionId: OTHER, status: "InProgress" },
          inboundExecutions: [{ pipelineExecutionId: OTHER, status: "InProgress" }],
          inboundTransitionState: { enabled: false, disabledReason: "Freeze", lastChangedBy: "alice", lastChangedAt: new Date(0) },
          beforeEntryConditionState: {
            latestExecution: { status: "Succeeded", summary: "ok" },
            conditionStates: [{ ruleStates: [{ ruleName: "NoAlarms", latestExecution: { status: "Succeeded" } }] }],
          },
          actionStates: [
            {
              actionName: "Prod",
              latestExecution: { status: "InProgress", percentComplete: 40, lastStatusChange: new Date(1000), token: "t" },
              entityUrl: "https://example.com",
            },
          ],
        },
      ],
    };
    const view = statusFromState(state);
    const stage = view.stages.get(stageNodeId("Deploy"))!;
    expect(stage.status).toBe("InProgress");
    expect(stage.inbound).toMatchObject({ enabled: false, disabledReason: "Freeze", lastChangedBy: "alice" });
    expect(stage.inbound?.waiting.map((w) => w.pipelineExecutionId)).toEqual([OTHER]);
    expect(stage.conditions).toEqual([
      { kind: "beforeEntry", status: "Succeeded", summary: "ok", rules: [{ name: "NoAlarms", status: "Succeeded", summary: undefined, lastStatusChange: undefined, externalExecutionUrl: undefined }] },
    ]);
    const action = view.actions.get(actionNodeId("Deploy", "Prod"))!;
    expect(action).toMatchObject({ status: "InProgress", percentComplete: 40, token: "t", startedAt: new Date(1000), executionId: EXEC });
  });

  it("is empty for no state", () => {
    expect(statusFromState(undefined).stages.size).toBe(0);
  });
});

describe("statusFromActionExecutions", () => {
  const declaration = samplePipeline({ stages: 3, actionsPerStage: 2, columns: 2 });
  const d = (stage: string, action: string, status: ActionExecutionDetail["status"], start: number, exec = EXEC): ActionExecutionDetail => ({
    pipelineExecutionId: exec,
    stageName: stage,
    actionName: action,
    status,
    startTime: new Date(start),
    lastUpdateTime: new Date(start + 10),
  });

  it("derives per-stage status for one execution and keeps the latest run of each action", () => {
    const details = [
      d("Source", "Source-1-1", "Succeeded", 0),
      d("Source", "Source-1-2", "Succeeded", 10),
      d("Stage-2", "Build-2-1", "Failed", 20),
      d("Stage-2", "Build-2-1", "InProgress", 40), // retried
      d("Stage-3", "Test-3-1", "Succeeded", 0, OTHER), // other execution
    ];
    const view = statusFromActionExecutions(declaration, EXEC, details, true);
    expect(view.stages.get(stageNodeId("Source"))?.status).toBe("Succeeded");
    expect(view.stages.get(stageNodeId("Stage-2"))?.status).toBe("InProgress");
    expect(view.stages.get(stageNodeId("Stage-3"))?.status).toBeUndefined();
    expect(view.actions.get(actionNodeId("Stage-2", "Build-2-1"))?.status).toBe("InProgress");
  });

  it("reads a half-run stage of a finished execution as stopped", () => {
    const view = statusFromActionExecutions(declaration, EXEC, [d("Source", "Source-1-1", "Succeeded", 0)], false);
    expect(view.stages.get(stageNodeId("Source"))?.status).toBe("Stopped");
  });
});

describe("withPipelineWide", () => {
  it("keeps the execution's own statuses and takes transitions, conditions, links and revisions from the state", () => {
    const stage = stageNodeId("Deploy");
    const ran = actionNodeId("Deploy", "Prod");
    const notRun = actionNodeId("Deploy", "Smoke");
    const fromRuns: StatusView = {
      stages: new Map([[stage, { status: "InProgress", executionId: EXEC, conditions: [] }]]),
      actions: new Map([[ran, { status: "InProgress", executionId: EXEC, entityUrl: "https://stale.example" }]]),
    };
    const inbound = { enabled: false, disabledReason: "Freeze", waiting: [] };
    const fromState: StatusView = {
      stages: new Map([[stage, { status: "Failed", executionId: OTHER, inbound, conditions: [{ kind: "beforeEntry", status: "Succeeded", rules: [] }] }]]),
      actions: new Map([
        [ran, { status: "Failed", entityUrl: "https://console.example/prod", revision: { revisionId: "abc" } }],
        [notRun, { status: "Succeeded", entityUrl: "https://console.example/smoke" }],
      ]),
    };
    const merged = withPipelineWide(fromRuns, fromState);
    expect(merged.stages.get(stage)).toEqual({ status: "InProgress", executionId: EXEC, inbound, conditions: [{ kind: "beforeEntry", status: "Succeeded", rules: [] }] });
    expect(merged.actions.get(ran)).toMatchObject({ status: "InProgress", executionId: EXEC, entityUrl: "https://console.example/prod", revision: { revisionId: "abc" } });
    expect(merged.actions.get(notRun)).toEqual({ entityUrl: "https://console.example/smoke" });
    // The inputs stay as they were: the state's view is shared with the rest of the page.
    expect(fromRuns.actions.get(ran)?.entityUrl).toBe("https://stale.example");
  });
});

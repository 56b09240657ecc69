import { describe, expect, it } from "vitest";
import { samplePipeline } from "../../testing/sample-pipeline";
import { retryAvailability, rollbackAvailability, rollbackCandidates, rollbackTargets, sourceStageNames, stageRetryAvailability, stageRollbackAvailability } from "./availability";
import { actionNodeId, stageNodeId } from "./layout";

const EXEC = "11111111-1111-4111-8111-111111111111";

describe("retryAvailability", () => {
  it("is not offered for a succeeded or running stage", () => {
    expect(retryAvailability({ status: "Succeeded", executionId: EXEC, conditions: [] }, []).offered).toBe(false);
    expect(retryAvailability({ status: "InProgress", executionId: EXEC, conditions: [] }, []).failedActions).toMatch(/running/);
  });

  it("allows both modes for a failed stage with nothing running", () => {
    expect(retryAvailability({ status: "Failed", executionId: EXEC, conditions: [] }, [{ status: "Failed" }, { status: "Succeeded" }])).toEqual({
      offered: true,
      failedActions: null,
      allActions: null,
    });
  });

  it("explains why a mode is refused", () => {
    const r = retryAvailability({ status: "Failed", executionId: EXEC, conditions: [] }, [{ status: "Failed" }, { status: "InProgress" }]);
    expect(r.failedActions).toBeNull();
    expect(r.allActions).toMatch(/in progress/);
    const s = retryAvailability({ status: "Stopped", executionId: EXEC, conditions: [] }, [{ status: "Succeeded" }]);
    expect(s.failedActions).toMatch(/no failed actions/);
  });
});

describe("rollbackAvailability", () => {
  it("follows the V2 / mode / source rules", () => {
    expect(rollbackAvailability({ pipelineType: "V1", isSourceStage: false })).toMatch(/V2/);
    expect(rollbackAvailability({ pipelineType: "V2", executionMode: "PARALLEL", isSourceStage: false })).toMatch(/PARALLEL/);
    expect(rollbackAvailability({ pipelineType: "V2", isSourceStage: true })).toMatch(/source/);
    expect(rollbackAvailability({ pipelineType: "V2", isSourceStage: false, stage: { status: "InProgress", conditions: [] } })).toMatch(/running/);
    expect(rollbackAvailability({ pipelineType: "V2", executionMode: "QUEUED", isSourceStage: false })).toBeNull();
  });
});

describe("stage availability from the live status", () => {
  const declaration = { ...samplePipeline({ name: "web", stages: 3, actionsPerStage: 2, columns: 1 }), pipelineType: "V2" as const };
  const [source, build] = declaration.stages!;
  const status = {
    stages: new Map([[stageNodeId(build.name!), { status: "Failed" as const, executionId: "e1", conditions: [] }]]),
    actions: new Map([
      [actionNodeId(build.name!, build.actions![0].name!), { status: "Failed" as const }],
      [actionNodeId(build.name!, build.actions![1].name!), { status: "InProgress" as const }],
    ]),
  };

  it("offers a retry of the failed actions only while another action of the stage still runs", () => {
    expect(stageRetryAvailability(declaration, status, build.name!)).toEqual({
      offered: true,
      failedActions: null,
      allActions: "Some actions are still in progress; retrying all actions needs none running.",
    });
    expect(stageRetryAvailability(declaration, status, source.name!).offered).toBe(false);
  });

  it("refuses to roll back a source stage, and knows which stages are source stages", () => {
    expect(sourceStageNames(declaration)).toEqual(new Set([source.name]));
    expect(stageRollbackAvailability(declaration, status, source.name!)).toBe("A source stage cannot be rolled back.");
    expect(stageRollbackAvailability(declaration, status, build.name!)).toBeNull();
  });
});

describe("rollback targets", () => {
  const declaration = { ...samplePipeline({ name: "web", stages: 3, actionsPerStage: 1, columns: 1 }), pipelineType: "V2" as const };
  const [source, build] = declaration.stages!.map((s) => s.name!);

  it("are the executions that succeeded in the stage, but the one it holds now", () => {
    const succeeded = [{ pipelineExecutionId: "e3" }, { pipelineExecutionId: "e2" }, { pipelineExecutionId: "e1" }];
    expect(rollbackTargets(succeeded, "e3").map((e) => e.pipelineExecutionId)).toEqual(["e2", "e1"]);
    expect(rollbackTargets([{ pipelineExecutionId: "e1" }], "e1")).toEqual([]);
    expect(rollbackTargets([], undefined)).toEqual([]);
  });

  it("are looked up only for stages of a V2 pipeline that may roll back and have run", () => {
    const status = {
      stages: new Map([
        [stageNodeId(source), { status: "Succeeded" as const, executionId: "e2", conditions: [] }],
        [stageNodeId(build), { status: "Failed" as const, executionId: "e2", conditions: [] }],
      ]),
      actions: new Map(),
    };
    // Source stages never roll back; Deploy never ran, so nothing can have succeeded in it.
    expect(rollbackCandidates(declaration, status)).toEqual([{ stageName: build, currentExecutionId: "e2" }]);
    expect(rollbackCandidates({ ...declaration, executionMode: "PARALLEL" }, status)).toEqual([]);
    expect(rollbackCandidates({ ...declaration, pipelineType: "V1" }, status)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { retryAvailability, rollbackAvailability } from "./availability";

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

import { describe, expect, it } from "vitest";
import { actionAttempts } from "./attempts";

const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));

describe("actionAttempts", () => {
  it("lists one action's runs in one execution, newest first", () => {
    const runs = [
      { actionExecutionId: "first", pipelineExecutionId: "x1", stageName: "Build", actionName: "Compile", startTime: at(0) },
      { actionExecutionId: "other-action", pipelineExecutionId: "x1", stageName: "Build", actionName: "Lint", startTime: at(5) },
      { actionExecutionId: "retry", pipelineExecutionId: "x1", stageName: "Build", actionName: "Compile", startTime: at(60) },
      { actionExecutionId: "other-execution", pipelineExecutionId: "x2", stageName: "Build", actionName: "Compile", startTime: at(90) },
    ];
    expect(actionAttempts(runs, "x1", "Build", "Compile").map((r) => r.actionExecutionId)).toEqual(["retry", "first"]);
  });
});

import { describe, expect, it } from "vitest";
import type { ActionExecutionDetail, PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { buildTimeline } from "./timeline";

const decl: PipelineDeclaration = {
  name: "p",
  roleArn: "r",
  stages: [
    { name: "Source", actions: [{ name: "Src", actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" } }] },
    {
      name: "Build",
      actions: [
        { name: "Compile", runOrder: 1, actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" } },
        { name: "Package", runOrder: 2, actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" } },
      ],
    },
  ],
};

const run = (stage: string, action: string, s: number, e: number, status: ActionExecutionDetail["status"] = "Succeeded"): ActionExecutionDetail => ({
  pipelineExecutionId: "x",
  actionExecutionId: `${stage}-${action}`,
  stageName: stage,
  actionName: action,
  startTime: new Date(s * 1000),
  lastUpdateTime: new Date(e * 1000),
  status,
});

describe("buildTimeline", () => {
  it("orders rows by stage and run order and infers queue time", () => {
    const t = buildTimeline(decl, [run("Build", "Package", 70, 90), run("Build", "Compile", 25, 60), run("Source", "Src", 0, 20)], 1_000_000);
    expect(t.rows.map((r) => r.actionName)).toEqual(["Src", "Compile", "Package"]);
    expect(t.rows.map((r) => [r.eligibleAt / 1000, r.start / 1000, r.end / 1000])).toEqual([
      [0, 0, 20],
      [20, 25, 60],
      [60, 70, 90],
    ]);
    expect([t.from, t.to]).toEqual([0, 90_000]);
  });

  it("extends running actions to now", () => {
    const t = buildTimeline(decl, [run("Source", "Src", 0, 5, "InProgress")], 30_000);
    expect(t.rows[0]).toMatchObject({ running: true, end: 30_000 });
  });
});

import type { PipelineDeclaration, RuleExecutionDetail } from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { ruleTimeline } from "./rule-timeline";

const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
const rule = (name: string) => ({ name, ruleTypeId: { category: "Rule" as const, owner: "AWS" as const, provider: "CloudWatchAlarm", version: "1" } });

const declaration: PipelineDeclaration = {
  name: "p",
  roleArn: "r",
  stages: [
    { name: "Source", actions: [] },
    {
      name: "Prod",
      actions: [],
      beforeEntry: { conditions: [{ result: "FAIL", rules: [rule("NoIncidents")] }] },
      onSuccess: { conditions: [{ result: "ROLLBACK", rules: [rule("ErrorRate"), rule("Latency")] }] },
    },
  ],
};

const run = (ruleName: string, start: number, status: RuleExecutionDetail["status"], extra: Partial<RuleExecutionDetail> = {}): RuleExecutionDetail => ({
  ruleExecutionId: `${ruleName}-${start}`,
  stageName: "Prod",
  ruleName,
  startTime: at(start),
  lastUpdateTime: at(start + 30),
  status,
  ...extra,
});

describe("ruleTimeline", () => {
  it("groups runs per stage and condition, in evaluation order, oldest first", () => {
    const timeline = ruleTimeline(declaration, [run("Latency", 200, "InProgress"), run("ErrorRate", 200, "Succeeded"), run("NoIncidents", 50, "Failed"), run("NoIncidents", 0, "Failed")]);
    expect(timeline).toHaveLength(1);
    expect(timeline[0].stageName).toBe("Prod");
    expect(timeline[0].conditions.map((c) => [c.kind, c.runs.map((r) => r.detail.ruleExecutionId)])).toEqual([
      ["beforeEntry", ["NoIncidents-0", "NoIncidents-50"]],
      ["onSuccess", ["ErrorRate-200", "Latency-200"]],
    ]);
    const latency = timeline[0].conditions[1].runs[1];
    expect(latency.endedAt).toBeUndefined();
    expect(timeline[0].conditions[0].runs[0].endedAt).toEqual(at(30));
  });

  it("says who overrode a condition and when", () => {
    const [stage] = ruleTimeline(declaration, [run("ErrorRate", 100, "Abandoned", { updatedBy: "arn:aws:iam::123456789012:user/ada" }), run("Latency", 100, "Abandoned")]);
    expect(stage.conditions[0].runs[0].overridden).toEqual({ by: "arn:aws:iam::123456789012:user/ada", at: at(130) });
    expect(stage.conditions[0].runs[1].overridden).toBeUndefined();
  });

  it("keeps runs of rules the declaration no longer has, under other", () => {
    const [stage] = ruleTimeline(declaration, [run("Removed", 0, "Succeeded")]);
    expect(stage.conditions.map((c) => c.kind)).toEqual(["other"]);
    expect(ruleTimeline(undefined, [run("X", 0, "Succeeded")])[0].conditions[0].kind).toBe("other");
  });
});

import type { DeployActionExecutionTarget } from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { orderEvents, orderTargets, reportsDeployTargets, targetSummary } from "./deploy-targets";

const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
const instance = (id: string, status: string, start?: number): DeployActionExecutionTarget => ({
  targetId: id,
  targetType: "EC2",
  status,
  startTime: start === undefined ? undefined : at(start),
});

describe("targetSummary", () => {
  it("counts instances by status, successes first", () => {
    const targets = [instance("i-1", "Succeeded", 0), instance("i-2", "Succeeded", 0), instance("i-3", "Succeeded", 10), instance("i-4", "Failed", 10), instance("i-5", "Skipped")];
    expect(targetSummary(targets)).toBe("3 of 5 instances succeeded, 1 failed, 1 skipped");
  });
  it("names an ECS service and running targets", () => {
    expect(targetSummary([{ targetId: "svc", targetType: "ECS", status: "InProgress" }])).toBe("0 of 1 service succeeded, 1 in progress");
    expect(targetSummary([])).toBeUndefined();
  });
});

describe("ordering", () => {
  it("puts failed targets first, then by start", () => {
    const ordered = orderTargets([instance("i-1", "Succeeded", 5), instance("i-2", "Skipped"), instance("i-3", "Failed", 10), instance("i-0", "Succeeded", 0)]);
    expect(ordered.map((t) => t.targetId)).toEqual(["i-3", "i-0", "i-1", "i-2"]);
  });
  it("puts the failing event first", () => {
    const events = [{ name: "DownloadBundle", status: "Succeeded" }, { name: "Deploy", status: "Succeeded" }, { name: "AfterDeploy", status: "Failed" }];
    expect(orderEvents(events).map((e) => e.name)).toEqual(["AfterDeploy", "DownloadBundle", "Deploy"]);
  });
  it("knows which deploy actions report targets", () => {
    expect(reportsDeployTargets({ category: "Deploy", provider: "EC2" })).toBe(true);
    expect(reportsDeployTargets({ category: "Deploy", provider: "ECS" })).toBe(true);
    expect(reportsDeployTargets({ category: "Deploy", provider: "S3" })).toBe(false);
    expect(reportsDeployTargets({ category: "Build", provider: "EC2" })).toBe(false);
  });
});

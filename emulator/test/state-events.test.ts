import { describe, expect, it } from "vitest";
import { createEmulatorCore } from "../src/engine/core";
import type { CodePipelineEvent } from "../src/engine/state-events";
import { retryStage } from "../src/engine/interventions";
import { startExecution } from "../src/engine/lifecycle";
import { simple } from "./fixtures";

function world(actions: Record<string, { durationSeconds: number; failureRate?: number }> = {}) {
  const core = createEmulatorCore({ clock: "manual", startTime: new Date("2026-03-01T10:00:00Z") });
  core.loadScenario({
    historyDays: 1,
    pipelines: [{ declaration: simple(), actions: { "Source.Source": { durationSeconds: 5 }, "Build.Build": { durationSeconds: 20 }, ...actions }, timeline: [{ at: -3600, type: "start" }] }],
  });
  const events: CodePipelineEvent[] = [];
  core.onStateEvent((event) => events.push(event));
  const p = core.engine.world.regions["123456789012/us-east-1"].pipelines.simple;
  const start = () => {
    const x = startExecution(core.engine, p, { trigger: { triggerType: "StartPipelineExecution", triggerDetail: "test" } });
    core.engine.settle();
    return x;
  };
  const line = (e: CodePipelineEvent) => [e["detail-type"].replace(/^CodePipeline | Execution State Change$/g, ""), e.detail.stage, e.detail.action, e.detail.state].filter(Boolean).join(" ");
  return { core, events, start, line };
}

describe("CodePipeline's EventBridge events", () => {
  it("loading a scenario with history sends nothing; a run then sends every change in AWS's order, at its simulated time", () => {
    const { core, events, start, line } = world();
    expect(Object.keys(core.engine.world.regions["123456789012/us-east-1"].pipelines.simple.executions)).toHaveLength(1);
    expect(events).toEqual([]);
    const x = start();
    core.advance(60_000);
    expect(events.filter((e) => e.detail["execution-id"] === x.id).map(line)).toEqual([
      "Pipeline STARTED",
      "Stage Source STARTED",
      "Action Source Source STARTED",
      "Action Source Source SUCCEEDED",
      "Stage Source SUCCEEDED",
      "Stage Build STARTED",
      "Action Build Build STARTED",
      "Action Build Build SUCCEEDED",
      "Stage Build SUCCEEDED",
      "Pipeline SUCCEEDED",
    ]);
    const [first] = events;
    expect(first).toMatchObject({
      version: "0",
      source: "aws.codepipeline",
      account: "123456789012",
      region: "us-east-1",
      time: "2026-03-01T10:00:00Z",
      resources: ["arn:aws:codepipeline:us-east-1:123456789012:simple"],
      detail: { pipeline: "simple", "execution-id": x.id, state: "STARTED", version: 1, "execution-trigger": { "trigger-type": "StartPipelineExecution", "trigger-detail": "test" } },
    });
    expect(events.find((e) => line(e) === "Action Source Source SUCCEEDED")).toMatchObject({
      time: "2026-03-01T10:00:05Z",
      detail: { region: "us-east-1", type: { owner: "AWS", category: "Source", provider: "CodeStarSourceConnection", version: "1" }, "execution-result": { "external-execution-state": "Succeeded" } },
    });
    expect(events.filter((e) => e.detail["execution-id"] === x.id).at(-1)!.time).toBe("2026-03-01T10:00:25Z");
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it("a failed stage retried resumes the stage and the execution (RESUMED), the retried action starts again", () => {
    const { core, events, start, line } = world({ "Build.Build": { durationSeconds: 20, failureRate: 1 } });
    const x = start();
    core.advance(60_000);
    const ofRun = () => events.filter((e) => e.detail["execution-id"] === x.id).map(line);
    expect(ofRun().slice(-3)).toEqual(["Action Build Build FAILED", "Stage Build FAILED", "Pipeline FAILED"]);
    events.length = 0;
    const p = core.engine.world.regions["123456789012/us-east-1"].pipelines.simple;
    retryStage(core.engine, p, "Build", x.id, "FAILED_ACTIONS");
    core.engine.settle();
    expect(ofRun()).toEqual(["Pipeline RESUMED", "Stage Build RESUMED", "Action Build Build STARTED"]);
  });
});

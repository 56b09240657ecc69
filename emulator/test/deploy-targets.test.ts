import {
  type ActionDeclaration,
  GetPipelineStateCommand,
  ListDeployActionExecutionTargetsCommand,
  type ListDeployActionExecutionTargetsInput,
  StopPipelineExecutionCommand,
} from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { build, emulatorSuite, expectError, pipeline, source, stage } from "./fixtures";

const suite = emulatorSuite();

const ec2 = (config: Record<string, string> = {}): ActionDeclaration => ({
  name: "DeployToFleet",
  actionTypeId: { category: "Deploy", owner: "AWS", provider: "EC2", version: "1" },
  configuration: { InstanceTagKey: "Role", InstanceTagValue: "sync", InstanceType: "EC2", TargetDirectory: "/opt/app", PreScript: "pre.sh", PostScript: "post.sh", MaxBatch: "2", ...config },
  inputArtifacts: [{ name: "SourceOutput" }],
});

const ecs: ActionDeclaration = {
  name: "DeployService",
  actionTypeId: { category: "Deploy", owner: "AWS", provider: "ECS", version: "1" },
  configuration: { ClusterName: "prod", ServiceName: "orders" },
  inputArtifacts: [{ name: "SourceOutput" }],
};

/** Source (5 s) → Build (10 s) → Deploy (100 s): the deploy runs from t=15 s to t=115 s. */
async function load(deploy: ActionDeclaration, extra: { failOnRuns?: number[]; failingTarget?: number } = {}) {
  await suite.d.load(pipeline("fleet", [stage("Source", source()), stage("Build", build()), stage("Deploy", deploy)], { pipelineType: "V2" }), {
    "Build.Build": { durationSeconds: 10 },
    [`Deploy.${deploy.name}`]: { durationSeconds: 100, failOnRuns: extra.failOnRuns, deployTargets: { count: 5, failingTarget: extra.failingTarget } },
  });
  const executionId = await suite.d.start("fleet");
  await suite.d.advance(16);
  const state = await suite.client.send(new GetPipelineStateCommand({ name: "fleet" }));
  const latest = state.stageStates!.find((s) => s.stageName === "Deploy")!.actionStates![0].latestExecution!;
  return { executionId, actionExecutionId: latest.actionExecutionId! };
}

const targets = (input: ListDeployActionExecutionTargetsInput) => suite.client.send(new ListDeployActionExecutionTargetsCommand(input));

describe("ListDeployActionExecutionTargets", () => {
  it("follows an EC2 deploy instance by instance, two at a time, through its lifecycle events", async () => {
    const { actionExecutionId } = await load(ec2());
    const early = (await targets({ pipelineName: "fleet", actionExecutionId })).targets!;
    expect(early).toHaveLength(5);
    expect(early.map((t) => t.status)).toEqual(["InProgress", "InProgress", "Pending", "Pending", "Pending"]);
    expect(early[0]).toMatchObject({ targetId: expect.stringMatching(/^i-0[0-9a-f]{16}$/), targetType: "EC2", startTime: expect.any(Date) });
    expect(early[0].events!.map((e) => [e.name, e.status])).toEqual([
      ["DownloadBundle", "InProgress"],
      ["BeforeDeploy", "Pending"],
      ["Deploy", "Pending"],
      ["AfterDeploy", "Pending"],
    ]);
    expect(early[0].events![0].context?.ssmCommandId).toMatch(/^[0-9a-f-]{36}$/);

    await suite.d.advance(100);
    const done = (await targets({ pipelineName: "fleet", actionExecutionId })).targets!;
    expect(done.map((t) => t.status)).toEqual(["Succeeded", "Succeeded", "Succeeded", "Succeeded", "Succeeded"]);
    expect(new Set(done.map((t) => t.targetId)).size).toBe(5);
    expect(done[4].events!.at(-1)).toMatchObject({ name: "AfterDeploy", status: "Succeeded", endTime: expect.any(Date), context: { message: "Ran post.sh: exit code 0" } });
    const state = await suite.client.send(new GetPipelineStateCommand({ name: "fleet" }));
    expect(state.stageStates!.find((s) => s.stageName === "Deploy")!.actionStates![0].latestExecution?.summary).toBe("Deployed to 5 instances");
  });

  it("fails one instance, skips the batches after it, and fails the action with that instance's error", async () => {
    const { actionExecutionId } = await load(ec2(), { failOnRuns: [1], failingTarget: 3 });
    await suite.d.advance(200);
    const listed = (await targets({ actionExecutionId })).targets!;
    expect(listed.map((t) => t.status)).toEqual(["Succeeded", "Succeeded", "Failed", "Succeeded", "Skipped"]);
    const failed = listed[2];
    expect(failed.events!.map((e) => [e.name, e.status])).toEqual([
      ["DownloadBundle", "Succeeded"],
      ["BeforeDeploy", "Succeeded"],
      ["Deploy", "Succeeded"],
      ["AfterDeploy", "Failed"],
    ]);
    expect(failed.events!.at(-1)!.context?.message).toMatch(/^post\.sh exited with code 1/);
    expect(listed[4].events).toEqual([]);

    const state = await suite.client.send(new GetPipelineStateCommand({ name: "fleet" }));
    const action = state.stageStates!.find((s) => s.stageName === "Deploy")!.actionStates![0].latestExecution!;
    expect(action.status).toBe("Failed");
    expect(action.errorDetails?.message).toBe(`Deployment failed on ${failed.targetId} (AfterDeploy): ${failed.events!.at(-1)!.context!.message}`);
    // Two of three batches ran: the action ended with the second.
    expect(action.lastStatusChange!.getTime() - failed.startTime!.getTime()).toBeLessThan(60_000);

    expect((await targets({ actionExecutionId, filters: [{ name: "TARGET_STATUS", values: ["Failed"] }] })).targets!.map((t) => t.targetId)).toEqual([failed.targetId]);
    const page = await targets({ actionExecutionId, maxResults: 2 });
    expect(page.targets).toHaveLength(2);
    const rest = await targets({ actionExecutionId, maxResults: 2, nextToken: page.nextToken });
    expect(rest.targets!.map((t) => t.targetId)).toEqual(listed.slice(2, 4).map((t) => t.targetId));
  });

  it("ends the running events of an abandoned deploy as failed and the rest as skipped", async () => {
    const { executionId, actionExecutionId } = await load(ec2());
    await suite.d.advance(10);
    await suite.client.send(new StopPipelineExecutionCommand({ pipelineName: "fleet", pipelineExecutionId: executionId, abandon: true }));
    await suite.d.advance(200);
    const listed = (await targets({ actionExecutionId })).targets!;
    expect(listed.map((t) => t.status)).toEqual(["Failed", "Failed", "Skipped", "Skipped", "Skipped"]);
    expect(listed[0].events!.map((e) => e.status)).toEqual(["Succeeded", "Failed", "Skipped", "Skipped"]);
    expect(listed[0].events![1].context?.message).toBe("The action stopped before this event finished.");
  });

  it("has an ECS deploy's service as its one target, and nothing for other actions", async () => {
    const { actionExecutionId } = await load(ecs);
    await suite.d.advance(100);
    expect((await targets({ actionExecutionId })).targets).toEqual([
      {
        targetId: "arn:aws:ecs:us-east-1:123456789012:service/prod/orders",
        targetType: "ECS",
        status: "Succeeded",
        startTime: expect.any(Date),
        endTime: expect.any(Date),
        events: ["RegisterTaskDefinition", "UpdateService", "WaitForSteadyState"].map((name) => expect.objectContaining({ name, status: "Succeeded" })),
      },
    ]);
    const state = await suite.client.send(new GetPipelineStateCommand({ name: "fleet" }));
    const buildRun = state.stageStates!.find((s) => s.stageName === "Build")!.actionStates![0].latestExecution!.actionExecutionId!;
    expect((await targets({ actionExecutionId: buildRun })).targets).toEqual([]);
  });

  it("answers ActionExecutionNotFoundException and PipelineNotFoundException", async () => {
    const { actionExecutionId } = await load(ecs);
    await expectError(targets({ actionExecutionId: "00000000-0000-4000-8000-000000000000" }), "ActionExecutionNotFoundException");
    await expectError(targets({ pipelineName: "nope", actionExecutionId }), "PipelineNotFoundException");
  });
});

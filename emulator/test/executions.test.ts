import {
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  UpdatePipelineCommand,
  paginateListActionExecutions,
  paginateListPipelineExecutions,
} from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { approval, build, expectError, pipeline, simple, source, stage, stageState, emulatorSuite } from "./fixtures";

const suite = emulatorSuite();

const actionStatus = async (name: string, stageName: string) =>
  Object.fromEntries((await stageState(suite.client, name, stageName)).actionStates!.map((a) => [a.actionName, a.latestExecution?.status]));

describe("runOrder groups", () => {
  const groups = pipeline("groups", [stage("Source", source()), stage("Build", build("A", 1), build("B", 1), build("C", 2))]);

  it("runs one runOrder in parallel and the next once all of it succeeded", async () => {
    await suite.d.load(groups, { "Build.A": { durationSeconds: 10 }, "Build.B": { durationSeconds: 20 }, "Build.C": { durationSeconds: 10 } });
    const id = await suite.d.start("groups");
    expect(await actionStatus("groups", "Source")).toEqual({ Source: "InProgress" });
    await suite.emu.control.advance(5);
    expect(await actionStatus("groups", "Build")).toEqual({ A: "InProgress", B: "InProgress", C: undefined });
    await suite.emu.control.advance(10);
    expect(await actionStatus("groups", "Build")).toEqual({ A: "Succeeded", B: "InProgress", C: undefined });
    await suite.emu.control.advance(10);
    expect(await actionStatus("groups", "Build")).toEqual({ A: "Succeeded", B: "Succeeded", C: "InProgress" });
    expect((await suite.d.execution("groups", id)).status).toBe("InProgress");
    await suite.emu.control.advance(10);
    expect((await suite.d.execution("groups", id)).status).toBe("Succeeded");
    expect((await stageState(suite.client, "groups", "Build")).latestExecution).toEqual({ pipelineExecutionId: id, status: "Succeeded", type: "STANDARD" });
  });

  it("fails the stage once the running group has finished, and starts nothing after it", async () => {
    await suite.d.load(groups, {
      "Build.A": { durationSeconds: 10, failOnRuns: [1], error: { code: "JobFailed", message: "tsc: error TS2322" } },
      "Build.B": { durationSeconds: 20 },
      "Build.C": { durationSeconds: 10 },
    });
    const id = await suite.d.start("groups");
    await suite.emu.control.advance(15);
    expect(await actionStatus("groups", "Build")).toEqual({ A: "Failed", B: "InProgress", C: undefined });
    expect((await stageState(suite.client, "groups", "Build")).latestExecution?.status).toBe("InProgress");
    await suite.emu.control.advance(10);
    const build = await stageState(suite.client, "groups", "Build");
    expect(build.latestExecution?.status).toBe("Failed");
    expect(build.actionStates!.find((a) => a.actionName === "A")!.latestExecution!.errorDetails).toEqual({ code: "JobFailed", message: "tsc: error TS2322" });
    expect(build.actionStates!.find((a) => a.actionName === "C")!.latestExecution).toBeUndefined();
    const failed = await suite.d.execution("groups", id);
    expect(failed.status).toBe("Failed");
    expect(failed.statusSummary).toMatch(/A/);
  });
});

describe("what GetPipelineState shows of running actions", () => {
  it("reports percentComplete, URLs, revisions and summaries", async () => {
    await suite.d.load(simple(), {
      "Source.Source": { durationSeconds: 5, source: { repository: "acme/web", commits: [{ message: "Add checkout page", author: "Ana" }] } },
      "Build.Build": { durationSeconds: 100, summary: "Built 3 images" },
    });
    await suite.d.start("simple");
    await suite.emu.control.advance(30);
    const [sourceState, buildState] = (await suite.client.send(new GetPipelineStateCommand({ name: "simple" }))).stageStates!;
    const src = sourceState.actionStates![0];
    expect(src.currentRevision?.revisionId).toMatch(/^[0-9a-f]{40}$/);
    expect(src.revisionUrl).toBe(`https://github.com/acme/web/commit/${src.currentRevision!.revisionId}`);
    expect(src.latestExecution?.summary).toBe("Add checkout page");
    const running = buildState.actionStates![0];
    expect(running.latestExecution).toMatchObject({ status: "InProgress", percentComplete: 25 });
    expect(running.latestExecution?.externalExecutionId).toMatch(/^build:/);
    expect(running.latestExecution?.externalExecutionUrl).toContain("codebuild");
    expect(running.entityUrl).toContain("/projects/build/");
    await suite.emu.control.advance(80);
    const done = (await stageState(suite.client, "simple", "Build")).actionStates![0].latestExecution!;
    expect(done).toMatchObject({ status: "Succeeded", summary: "Built 3 images" });
    // Source took 5 s and the build 100 s: it ended 105 s after the start, 5 s ago.
    expect(done.lastStatusChange).toEqual(new Date(suite.emu.core.clock.now().getTime() - 5000));
  });

  it("puts artifact revisions, source revisions and the trigger on the execution", async () => {
    await suite.d.load(simple(), { "Build.Build": { durationSeconds: 10 } });
    const id = await suite.d.start("simple");
    await suite.emu.control.advance(5);
    const x = await suite.d.execution("simple", id);
    expect(x.trigger).toEqual({ triggerType: "StartPipelineExecution", triggerDetail: expect.stringMatching(/^arn:aws:/) });
    expect(x.artifactRevisions).toHaveLength(1);
    expect(x.artifactRevisions![0]).toMatchObject({ name: "SourceOutput", revisionId: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(JSON.parse(x.artifactRevisions![0].revisionSummary!)).toMatchObject({ ProviderType: "GitHub", CommitMessage: expect.any(String) });
    expect(x).toMatchObject({ executionMode: "SUPERSEDED", executionType: "STANDARD", pipelineVersion: 1 });
    const [summary] = (await suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: "simple" }))).pipelineExecutionSummaries!;
    expect(summary.sourceRevisions).toEqual([expect.objectContaining({ actionName: "Source", revisionId: x.artifactRevisions![0].revisionId })]);
  });
});

describe("execution modes", () => {
  it("SUPERSEDED: one execution per stage; a newer waiting execution replaces an older waiting one", async () => {
    await suite.d.load(simple(), { "Build.Build": { durationSeconds: 100 } });
    const first = await suite.d.start("simple");
    await suite.emu.control.advance(10);
    const second = await suite.d.start("simple");
    await suite.emu.control.advance(10);
    let buildState = await stageState(suite.client, "simple", "Build");
    expect(buildState.latestExecution?.pipelineExecutionId).toBe(first);
    expect(buildState.inboundExecution).toEqual({ pipelineExecutionId: second, status: "InProgress", type: "STANDARD" });
    const third = await suite.d.start("simple");
    await suite.emu.control.advance(10);
    expect((await suite.d.execution("simple", second)).status).toBe("Superseded");
    buildState = await stageState(suite.client, "simple", "Build");
    expect(buildState.inboundExecution?.pipelineExecutionId).toBe(third);
    await suite.emu.control.advance(75);
    buildState = await stageState(suite.client, "simple", "Build");
    expect(buildState.latestExecution).toMatchObject({ pipelineExecutionId: third, status: "InProgress" });
    expect(buildState.inboundExecution).toBeUndefined();
    expect((await suite.d.execution("simple", first)).status).toBe("Succeeded");
  });

  it("QUEUED: waiting executions queue in order and none is superseded", async () => {
    await suite.d.load(simple("queued", { pipelineType: "V2", executionMode: "QUEUED" }), { "Build.Build": { durationSeconds: 100 } });
    const ids = [await suite.d.start("queued")];
    await suite.emu.control.advance(10);
    ids.push(await suite.d.start("queued"));
    await suite.emu.control.advance(10);
    ids.push(await suite.d.start("queued"));
    await suite.emu.control.advance(10);
    let buildState = await stageState(suite.client, "queued", "Build");
    expect(buildState.inboundExecutions?.map((x) => x.pipelineExecutionId)).toEqual([ids[1], ids[2]]);
    expect(buildState.inboundExecution?.pipelineExecutionId).toBe(ids[1]);
    await suite.emu.control.advance(80);
    buildState = await stageState(suite.client, "queued", "Build");
    expect(buildState.latestExecution?.pipelineExecutionId).toBe(ids[1]);
    expect(buildState.inboundExecutions?.map((x) => x.pipelineExecutionId)).toEqual([ids[2]]);
    await suite.emu.control.advance(200);
    const statuses = await Promise.all(ids.map(async (id) => (await suite.d.execution("queued", id)).status));
    expect(statuses).toEqual(["Succeeded", "Succeeded", "Succeeded"]);
    expect((await suite.d.execution("queued", ids[0])).executionMode).toBe("QUEUED");
  });

  it("PARALLEL: executions run through stages independently, no stage locking", async () => {
    await suite.d.load(simple("par", { pipelineType: "V2", executionMode: "PARALLEL" }), { "Build.Build": { durationSeconds: 100 } });
    const a = await suite.d.start("par");
    await suite.emu.control.advance(10);
    const b = await suite.d.start("par");
    await suite.emu.control.advance(10);
    const running = await suite.client.send(new ListActionExecutionsCommand({ pipelineName: "par" }));
    const builds = running.actionExecutionDetails!.filter((d) => d.stageName === "Build" && d.status === "InProgress");
    expect(builds.map((d) => d.pipelineExecutionId).sort()).toEqual([a, b].sort());
    // GetPipelineState can only show one: the latest to enter.
    const buildState = await stageState(suite.client, "par", "Build");
    expect(buildState.latestExecution?.pipelineExecutionId).toBe(b);
    expect(buildState.inboundExecution).toBeUndefined();
    await suite.emu.control.advance(85);
    expect((await suite.d.execution("par", a)).status).toBe("Succeeded");
    expect((await suite.d.execution("par", b)).status).toBe("InProgress");
  });
});

describe("StartPipelineExecution", () => {
  it("returns the same execution for the same clientRequestToken", async () => {
    await suite.d.load(simple());
    const first = await suite.d.start("simple", { clientRequestToken: "deploy-42" });
    expect(await suite.d.start("simple", { clientRequestToken: "deploy-42" })).toBe(first);
    expect(await suite.d.start("simple", { clientRequestToken: "deploy-43" })).not.toBe(first);
    expect((await suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: "simple" }))).pipelineExecutionSummaries).toHaveLength(2);
  });

  it("resolves V2 variables from defaults and overrides, and uses them in action configuration", async () => {
    const declaration = pipeline("vars", [stage("Source", source()), stage("Build", { ...build(), configuration: { ProjectName: "app-#{variables.env}" } })], {
      pipelineType: "V2",
      variables: [{ name: "env", defaultValue: "dev" }, { name: "region", defaultValue: "eu-west-1" }],
    });
    await suite.d.load(declaration, { "Build.Build": { durationSeconds: 10 } });
    const id = await suite.d.start("vars", { variables: [{ name: "env", value: "prod" }] });
    expect((await suite.d.execution("vars", id)).variables).toEqual([
      { name: "env", resolvedValue: "prod" },
      { name: "region", resolvedValue: "eu-west-1" },
    ]);
    await suite.emu.control.advance(6);
    const { actionExecutionDetails } = await suite.client.send(new ListActionExecutionsCommand({ pipelineName: "vars", filter: { pipelineExecutionId: id } }));
    const buildRun = actionExecutionDetails!.find((d) => d.actionName === "Build")!;
    expect(buildRun.input?.configuration).toEqual({ ProjectName: "app-#{variables.env}" });
    expect(buildRun.input?.resolvedConfiguration).toEqual({ ProjectName: "app-prod" });
    await expectError(suite.d.start("vars", { variables: [{ name: "nope", value: "x" }] }), "ValidationException", /nope/);
  });

  it("answers PipelineNotFoundException for a missing pipeline", async () => {
    await expectError(suite.d.start("ghost"), "PipelineNotFoundException", "Account '123456789012' does not have a pipeline with name 'ghost'");
  });
});

describe("listing executions", () => {
  it("lists executions newest first, filters by succeededInStage, and pages", async () => {
    await suite.d.load(simple(), { "Build.Build": { durationSeconds: 10, failOnRuns: [2] } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await suite.d.start("simple"));
      await suite.emu.control.advance(20);
    }
    const all = (await suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: "simple" }))).pipelineExecutionSummaries!;
    expect(all.map((x) => x.pipelineExecutionId)).toEqual([...ids].reverse());
    expect(all.map((x) => x.status)).toEqual(["Succeeded", "Failed", "Succeeded"]);
    const succeeded = await suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: "simple", filter: { succeededInStage: { stageName: "Build" } } }));
    expect(succeeded.pipelineExecutionSummaries!.map((x) => x.pipelineExecutionId)).toEqual([ids[2], ids[0]]);
    const paged: string[] = [];
    for await (const page of paginateListPipelineExecutions({ client: suite.client, pageSize: 2 }, { pipelineName: "simple" })) {
      paged.push(...page.pipelineExecutionSummaries!.map((x) => x.pipelineExecutionId!));
    }
    expect(paged).toEqual([...ids].reverse());
    await expectError(suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: "simple", nextToken: "bogus" })), "InvalidNextTokenException");
  });

  it("lists action executions newest first with inputs, outputs and errors, per execution and paged", async () => {
    await suite.d.load(simple(), { "Build.Build": { durationSeconds: 10 } });
    const first = await suite.d.start("simple");
    await suite.emu.control.advance(20);
    const second = await suite.d.start("simple");
    await suite.emu.control.advance(20);
    const details: { pipelineExecutionId?: string; actionName?: string }[] = [];
    for await (const page of paginateListActionExecutions({ client: suite.client, pageSize: 3 }, { pipelineName: "simple" })) details.push(...page.actionExecutionDetails!);
    expect(details.map((d) => `${d.pipelineExecutionId === first ? 1 : 2}:${d.actionName}`)).toEqual(["2:Build", "2:Source", "1:Build", "1:Source"]);
    const { actionExecutionDetails } = await suite.client.send(new ListActionExecutionsCommand({ pipelineName: "simple", filter: { pipelineExecutionId: second } }));
    const [buildRun, sourceRun] = actionExecutionDetails!;
    expect(sourceRun.output?.outputArtifacts?.[0]).toMatchObject({ name: "SourceOutput", s3location: { bucket: expect.any(String), key: expect.any(String) } });
    expect(sourceRun.output?.outputVariables).toMatchObject({ CommitId: expect.stringMatching(/^[0-9a-f]{40}$/), BranchName: "main" });
    expect(buildRun.input?.inputArtifacts?.[0]).toEqual(sourceRun.output?.outputArtifacts?.[0]);
    expect(buildRun.input?.actionTypeId).toEqual({ category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" });
    expect(buildRun.output?.executionResult?.externalExecutionId).toMatch(/^build:/);
    await expectError(
      suite.client.send(new ListActionExecutionsCommand({ pipelineName: "simple", filter: { pipelineExecutionId: "00000000-0000-4000-8000-000000000000" } })),
      "PipelineExecutionNotFoundException",
    );
    await expectError(
      suite.client.send(new GetPipelineExecutionCommand({ pipelineName: "simple", pipelineExecutionId: "00000000-0000-4000-8000-000000000000" })),
      "PipelineExecutionNotFoundException",
    );
  });
});

describe("UpdatePipeline", () => {
  it("cancels executions in progress and abandons their running actions", async () => {
    await suite.d.load(simple(), { "Build.Build": { durationSeconds: 100 } });
    const id = await suite.d.start("simple");
    await suite.emu.control.advance(10);
    await suite.client.send(new UpdatePipelineCommand({ pipeline: pipeline("simple", [stage("Source", source()), stage("Build", build()), stage("Approve", approval())]) }));
    const x = await suite.d.execution("simple", id);
    expect(x.status).toBe("Cancelled");
    const buildState = await stageState(suite.client, "simple", "Build");
    expect(buildState.latestExecution?.status).toBe("Cancelled");
    expect(buildState.actionStates![0].latestExecution?.status).toBe("Abandoned");
    expect((await suite.client.send(new GetPipelineStateCommand({ name: "simple" }))).pipelineVersion).toBe(2);
  });
});

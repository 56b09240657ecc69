import {
  CreatePipelineCommand,
  DeletePipelineCommand,
  GetPipelineCommand,
  ListActionTypesCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdatePipelineCommand,
  paginateListPipelines,
  type PipelineSummary,
} from "@aws-sdk/client-codepipeline";
import { beforeEach, describe, expect, it } from "vitest";
import { approval, build, expectError, pipeline, simple, source, stage, emulatorSuite } from "./fixtures";

const suite = emulatorSuite();
beforeEach(() => suite.emu.control.reset());

const create = (p = simple(), tags?: { key: string; value: string }[]) => suite.client.send(new CreatePipelineCommand({ pipeline: p, tags }));
const arn = (name: string) => `arn:aws:codepipeline:us-east-1:123456789012:${name}`;

describe("CreatePipeline and GetPipeline", () => {
  it("creates version 1 with AWS defaults and metadata, and starts an execution with trigger CreatePipeline", async () => {
    const created = await create(simple("web"), [{ key: "team", value: "payments" }]);
    expect(created.pipeline).toMatchObject({ name: "web", version: 1, pipelineType: "V1", executionMode: "SUPERSEDED" });
    expect(created.tags).toEqual([{ key: "team", value: "payments" }]);

    const got = await suite.client.send(new GetPipelineCommand({ name: "web" }));
    expect(got.pipeline?.stages?.map((s) => s.name)).toEqual(["Source", "Build"]);
    expect(got.metadata?.pipelineArn).toBe(arn("web"));
    expect(got.metadata?.created).toEqual(new Date("2025-03-01T10:00:00Z"));

    const { pipelineExecutionSummaries } = await suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: "web" }));
    expect(pipelineExecutionSummaries).toHaveLength(1);
    expect(pipelineExecutionSummaries![0].trigger).toEqual({ triggerType: "CreatePipeline", triggerDetail: expect.stringMatching(/^arn:aws:/) });
  });

  it("refuses a duplicate name with PipelineNameInUseException", async () => {
    await create();
    await expectError(create(), "PipelineNameInUseException", "A pipeline with the name 'simple' already exists in account '123456789012'");
  });

  it("answers PipelineNotFoundException and PipelineVersionNotFoundException", async () => {
    await expectError(suite.client.send(new GetPipelineCommand({ name: "nope" })), "PipelineNotFoundException", "Account '123456789012' does not have a pipeline with name 'nope'");
    await create();
    await expectError(suite.client.send(new GetPipelineCommand({ name: "simple", version: 2 })), "PipelineVersionNotFoundException", /version 2/);
  });

  it.each([
    ["one stage", pipeline("p", [stage("Source", source())]), "InvalidStructureException", /minimum of 2 stages/],
    ["a non-source action first", pipeline("p", [stage("Build", build()), stage("Other", build("B2"))]), "InvalidStructureException", /first stage/],
    ["a source action later", pipeline("p", [stage("Source", source()), stage("More", source("Again", "Other"))]), "InvalidStructureException", /only allowed in the first stage/],
    ["duplicate stage names", pipeline("p", [stage("Source", source()), stage("Source", build())]), "InvalidStructureException", /used more than once/],
    ["an unknown input artifact", pipeline("p", [stage("Source", source()), stage("Build", build("Build", 1, "Missing"))]), "InvalidStructureException", /Missing/],
    ["duplicate action names", pipeline("p", [stage("Source", source()), stage("Build", build(), build("Build", 2))]), "InvalidStageDeclarationException", /Build is used more than once/],
    ["an empty stage", pipeline("p", [stage("Source", source()), stage("Build")]), "InvalidStageDeclarationException", /at least one action/],
    ["an unknown provider", pipeline("p", [stage("Source", source()), stage("Build", { ...build(), actionTypeId: { category: "Build", owner: "AWS", provider: "Nope", version: "1" } })]), "InvalidActionDeclarationException", /not available in region/],
    ["a missing required configuration", pipeline("p", [stage("Source", source()), stage("Build", { ...build(), configuration: {} })]), "InvalidActionDeclarationException", /ProjectName/],
    ["artifacts on an approval", pipeline("p", [stage("Source", source()), stage("Approve", { ...approval(), inputArtifacts: [{ name: "SourceOutput" }] })]), "InvalidActionDeclarationException", /input artifact/],
    ["QUEUED on V1", simple("p", { executionMode: "QUEUED" }), "InvalidStructureException", /V2/],
    ["variables on V1", simple("p", { variables: [{ name: "env", defaultValue: "dev" }] }), "InvalidStructureException", /V2/],
  ])("refuses %s", async (_case, declaration, name, message) => {
    await expectError(create(declaration), name, message);
  });

  it("refuses more than 50 stages", async () => {
    const stages = [stage("Source", source()), ...Array.from({ length: 50 }, (_, i) => stage(`S${i}`, build(`B${i}`)))];
    await expectError(create(pipeline("big", stages)), "InvalidStructureException", /maximum of 50 stages/);
  });
});

describe("UpdatePipeline and DeletePipeline", () => {
  it("keeps every version: the update is version 2 and version 1 stays readable", async () => {
    await create();
    const updated = await suite.client.send(new UpdatePipelineCommand({ pipeline: pipeline("simple", [stage("Source", source()), stage("Build", build()), stage("Approve", approval())]) }));
    expect(updated.pipeline?.version).toBe(2);
    const v1 = await suite.client.send(new GetPipelineCommand({ name: "simple", version: 1 }));
    expect(v1.pipeline?.stages).toHaveLength(2);
    const latest = await suite.client.send(new GetPipelineCommand({ name: "simple" }));
    expect(latest.pipeline?.version).toBe(2);
    expect(latest.metadata!.updated!.getTime()).toBeGreaterThanOrEqual(latest.metadata!.created!.getTime());
  });

  it("refuses an invalid update and an update of a missing pipeline", async () => {
    await create();
    await expectError(suite.client.send(new UpdatePipelineCommand({ pipeline: pipeline("simple", [stage("Source", source())]) })), "InvalidStructureException");
    await expectError(suite.client.send(new UpdatePipelineCommand({ pipeline: simple("ghost") })), "PipelineNotFoundException");
  });

  it("bumps the version by one per update; a refused update changes nothing and leaves executions running", async () => {
    await create();
    const running = async () => (await suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: "simple" }))).pipelineExecutionSummaries!;
    expect((await running())[0].status).toBe("InProgress");
    const bad = pipeline("simple", [stage("Source", source()), stage("Build", build("Build", 1, "Missing"))]);
    await expectError(suite.client.send(new UpdatePipelineCommand({ pipeline: bad })), "InvalidStructureException", /Missing/);
    expect((await suite.client.send(new GetPipelineCommand({ name: "simple" }))).pipeline?.version).toBe(1);
    expect((await running())[0].status).toBe("InProgress");

    const first = await suite.client.send(new UpdatePipelineCommand({ pipeline: simple() }));
    const second = await suite.client.send(new UpdatePipelineCommand({ pipeline: simple() }));
    expect([first.pipeline?.version, second.pipeline?.version]).toEqual([2, 3]);
    expect((await running())[0].status).toBe("Cancelled");
  });

  it("starts again at version 1 when a deleted pipeline's name is reused", async () => {
    await create();
    await suite.client.send(new UpdatePipelineCommand({ pipeline: simple() }));
    await suite.client.send(new DeletePipelineCommand({ name: "simple" }));
    expect((await create()).pipeline?.version).toBe(1);
    await expectError(suite.client.send(new GetPipelineCommand({ name: "simple", version: 2 })), "PipelineVersionNotFoundException");
  });

  it("deletes, and deleting a missing pipeline succeeds as the model says", async () => {
    await create();
    await suite.client.send(new DeletePipelineCommand({ name: "simple" }));
    await expectError(suite.client.send(new GetPipelineCommand({ name: "simple" })), "PipelineNotFoundException");
    await expect(suite.client.send(new DeletePipelineCommand({ name: "simple" }))).resolves.toBeDefined();
  });

  it("keeps accounts and regions apart", async () => {
    await create();
    const other = suite.emu.client({ region: "eu-west-1" });
    expect((await other.send(new ListPipelinesCommand({}))).pipelines).toEqual([]);
  });
});

describe("ListPipelines", () => {
  it("pages with maxResults, omits nextToken on the last page, and walks with the SDK paginator", async () => {
    for (const name of ["c", "a", "e", "b", "d"]) await create(simple(name));
    const first = await suite.client.send(new ListPipelinesCommand({ maxResults: 2 }));
    expect(first.pipelines?.map((p) => p.name)).toEqual(["a", "b"]);
    expect(first.nextToken).toBeTruthy();
    const all: PipelineSummary[] = [];
    const tokens: (string | undefined)[] = [];
    for await (const page of paginateListPipelines({ client: suite.client, pageSize: 2 }, {})) {
      all.push(...(page.pipelines ?? []));
      tokens.push(page.nextToken);
    }
    expect(all.map((p) => p.name)).toEqual(["a", "b", "c", "d", "e"]);
    expect(tokens.at(-1)).toBeUndefined();
    expect(all[0]).toMatchObject({ version: 1, pipelineType: "V1", executionMode: "SUPERSEDED" });
  });

  it("refuses a made-up token with InvalidNextTokenException", async () => {
    await expectError(suite.client.send(new ListPipelinesCommand({ nextToken: "not-a-token" })), "InvalidNextTokenException");
  });
});

describe("tags", () => {
  it("tags, lists and untags a pipeline", async () => {
    await create(simple(), [{ key: "a", value: "1" }]);
    await suite.client.send(new TagResourceCommand({ resourceArn: arn("simple"), tags: [{ key: "b", value: "2" }, { key: "a", value: "3" }] }));
    expect((await suite.client.send(new ListTagsForResourceCommand({ resourceArn: arn("simple") }))).tags).toEqual([
      { key: "a", value: "3" },
      { key: "b", value: "2" },
    ]);
    await suite.client.send(new UntagResourceCommand({ resourceArn: arn("simple"), tagKeys: ["a"] }));
    expect((await suite.client.send(new ListTagsForResourceCommand({ resourceArn: arn("simple") }))).tags).toEqual([{ key: "b", value: "2" }]);
  });

  it("answers InvalidArnException, ResourceNotFoundException, TooManyTagsException and InvalidTagsException", async () => {
    await create();
    // The wire layer answers ValidationException for what fails the model's pattern; this passes it.
    await expectError(suite.client.send(new ListTagsForResourceCommand({ resourceArn: "arn:aws:codepipeline:Not A Region:123456789012:simple" })), "InvalidArnException");
    await expectError(suite.client.send(new ListTagsForResourceCommand({ resourceArn: arn("ghost") })), "ResourceNotFoundException", /ghost/);
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    await expectError(suite.client.send(new TagResourceCommand({ resourceArn: arn("simple"), tags: many })), "TooManyTagsException", /Tag limit exceeded/);
    await expectError(suite.client.send(new TagResourceCommand({ resourceArn: arn("simple"), tags: [{ key: "aws:x", value: "v" }] })), "InvalidTagsException");
  });
});

describe("ListActionTypes and unsupported operations", () => {
  it("lists the AWS-owned action types and filters by owner", async () => {
    const { actionTypes } = await suite.client.send(new ListActionTypesCommand({ actionOwnerFilter: "AWS" }));
    const ids = actionTypes!.map((t) => `${t.id!.category}/${t.id!.provider}`);
    expect(ids).toEqual(expect.arrayContaining(["Source/CodeCommit", "Source/CodeStarSourceConnection", "Source/S3", "Source/ECR", "Build/CodeBuild", "Deploy/CodeDeploy", "Deploy/CloudFormation", "Deploy/ECS", "Invoke/Lambda", "Approval/Manual"]));
    expect(actionTypes!.every((t) => t.id!.owner === "AWS")).toBe(true);
    expect((await suite.client.send(new ListActionTypesCommand({ actionOwnerFilter: "Custom" }))).actionTypes).toEqual([]);
  });
});

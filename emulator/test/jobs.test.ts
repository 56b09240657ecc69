import {
  AcknowledgeJobCommand,
  AcknowledgeThirdPartyJobCommand,
  type ActionDeclaration,
  type ActionTypeId,
  type CodePipelineClient,
  CreateCustomActionTypeCommand,
  type CreateCustomActionTypeInput,
  DeleteCustomActionTypeCommand,
  GetActionTypeCommand,
  GetJobDetailsCommand,
  GetThirdPartyJobDetailsCommand,
  ListActionExecutionsCommand,
  ListActionTypesCommand,
  PollForJobsCommand,
  PollForThirdPartyJobsCommand,
  PutJobFailureResultCommand,
  PutJobSuccessResultCommand,
  PutThirdPartyJobFailureResultCommand,
  PutThirdPartyJobSuccessResultCommand,
  StopPipelineExecutionCommand,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT, driver, expectError, pipeline, source, stage, stageState } from "./fixtures";
import type { EngineSnapshot } from "../src/engine/engine";
import { startEmulator, type StartedEmulator } from "./helpers";

let emu: StartedEmulator;
let client: CodePipelineClient;
let other: CodePipelineClient;
let d: ReturnType<typeof driver>;
beforeAll(async () => {
  emu = await startEmulator({ startTime: new Date("2025-03-01T10:00:00Z") });
  client = emu.client();
  other = emu.client();
  d = driver(emu, client);
});
afterAll(() => emu.close());

const TYPE: ActionTypeId = { category: "Build", owner: "Custom", provider: "ExampleWorker", version: "1" };
const TYPE_DECLARATION: CreateCustomActionTypeInput = {
  category: "Build",
  provider: "ExampleWorker",
  version: "1",
  settings: { executionUrlTemplate: "https://ci.example.com/runs/{ExternalExecutionId}", entityUrlTemplate: "https://ci.example.com/" },
  configurationProperties: [
    { name: "Mode", required: true, key: true, secret: false, queryable: true, type: "String" },
    { name: "Steps", required: false, key: false, secret: false, queryable: false, type: "Number" },
  ],
  inputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
  outputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
};
const PARTNER: ActionTypeId = { category: "Test", owner: "ThirdParty", provider: "PartnerScan", version: "1" };

const custom = (name: string, mode: string, extra: Partial<ActionDeclaration> = {}): ActionDeclaration => ({
  name,
  actionTypeId: TYPE,
  configuration: { Mode: mode, Steps: "3" },
  inputArtifacts: [{ name: "SourceOutput" }],
  ...extra,
});

/** Source (5 s) → Work (the given actions); the custom type is registered by the scenario. */
async function load(...actions: ActionDeclaration[]) {
  await emu.control.loadScenario({
    seed: 1,
    customActionTypes: [TYPE_DECLARATION],
    pipelines: [
      {
        declaration: pipeline("jobs", [stage("Source", source()), stage("Work", ...(actions.length ? actions : [custom("Custom", "succeed", { outputArtifacts: [{ name: "Built" }] })]))]),
        actions: { "Source.Source": { durationSeconds: 5 } },
      },
    ],
  });
  const id = await d.start("jobs");
  await d.advance(10);
  return id;
}

const poll = (c = client, extra: { maxBatchSize?: number; queryParam?: Record<string, string> } = {}) =>
  c.send(new PollForJobsCommand({ actionTypeId: TYPE, ...extra })).then((r) => r.jobs ?? []);
const ack = (jobId: string | undefined, nonce: string | undefined, c = client) => c.send(new AcknowledgeJobCommand({ jobId, nonce }));
const workState = async (i = 0) => (await stageState(client, "jobs", "Work")).actionStates![i];

describe("custom action types", () => {
  it("are created, listed with owner Custom and deleted", async () => {
    await emu.control.reset();
    const { actionType } = await client.send(new CreateCustomActionTypeCommand(TYPE_DECLARATION));
    expect(actionType?.id).toEqual(TYPE);
    const listed = await client.send(new ListActionTypesCommand({ actionOwnerFilter: "Custom" }));
    expect(listed.actionTypes?.map((t) => t.id)).toEqual([TYPE]);
    // GetActionType describes integration-model types (owner AWS or ThirdParty); the model refuses Custom.
    await expectError(
      client.send(new GetActionTypeCommand({ category: "Build", owner: "Custom", provider: "ExampleWorker", version: "1" })),
      "ValidationException",
      "Value 'Custom' at 'owner' failed to satisfy constraint: Member must satisfy regular expression pattern: AWS|ThirdParty",
    );
    await client.send(new DeleteCustomActionTypeCommand({ category: "Build", provider: "ExampleWorker", version: "1" }));
    expect((await client.send(new ListActionTypesCommand({ actionOwnerFilter: "Custom" }))).actionTypes).toEqual([]);
    await expectError(poll(), "ActionTypeNotFoundException");
  });
});

describe("PollForJobs", () => {
  it("hands out the queued job once, with its data and a nonce; the action waits with nothing to show", async () => {
    const executionId = await load();
    const waiting = await workState();
    expect(waiting.latestExecution?.status).toBe("InProgress");
    expect(waiting.latestExecution?.summary).toBeUndefined();
    expect(waiting.latestExecution?.percentComplete).toBeUndefined();
    expect(waiting.latestExecution?.externalExecutionId).toBeUndefined();
    expect(waiting.entityUrl).toBe("https://ci.example.com/");

    const [job, ...rest] = await poll();
    expect(rest).toEqual([]);
    expect(job).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), nonce: expect.any(String), accountId: ACCOUNT });
    expect(job.data).toMatchObject({
      actionTypeId: TYPE,
      actionConfiguration: { configuration: { Mode: "succeed", Steps: "3" } },
      pipelineContext: {
        pipelineName: "jobs",
        stage: { name: "Work" },
        action: { name: "Custom", actionExecutionId: waiting.latestExecution!.actionExecutionId },
        pipelineArn: `arn:aws:codepipeline:us-east-1:${ACCOUNT}:jobs`,
        pipelineExecutionId: executionId,
      },
      inputArtifacts: [{ name: "SourceOutput", revision: expect.any(String), location: { type: "S3", s3Location: { bucketName: expect.any(String), objectKey: expect.any(String) } } }],
      outputArtifacts: [{ name: "Built", location: { type: "S3" } }],
      artifactCredentials: { accessKeyId: expect.stringMatching(/^ASIA/), secretAccessKey: expect.any(String), sessionToken: expect.any(String) },
    });
    expect(job.data?.continuationToken).toBeUndefined();
    expect(await poll()).toEqual([]);
    const details = await client.send(new GetJobDetailsCommand({ jobId: job.id }));
    expect(details.jobDetails).toMatchObject({ id: job.id, accountId: ACCOUNT, data: { pipelineContext: { pipelineName: "jobs" } } });
  });

  it("takes maxBatchSize jobs and filters with queryParam", async () => {
    await load(custom("A", "succeed"), custom("B", "fail"), custom("C", "succeed"));
    const failing = await poll(client, { queryParam: { Mode: "fail" } });
    expect(failing.map((j) => j.data?.pipelineContext?.action?.name)).toEqual(["B"]);
    const rest = await poll(client, { maxBatchSize: 5 });
    expect(rest.map((j) => j.data?.pipelineContext?.action?.name)).toEqual(["A", "C"]);
  });

  it("answers ValidationException for other owners and ActionTypeNotFoundException for unknown custom types", async () => {
    await load();
    await expectError(client.send(new PollForJobsCommand({ actionTypeId: { ...TYPE, owner: "AWS", provider: "CodeBuild" } })), "ValidationException", /owner 'Custom'/);
    await expectError(client.send(new PollForJobsCommand({ actionTypeId: { ...TYPE, provider: "Nope" } })), "ActionTypeNotFoundException");
    await expectError(client.send(new PollForThirdPartyJobsCommand({ actionTypeId: TYPE })), "ValidationException", /owner 'ThirdParty'/);
  });
});

describe("AcknowledgeJob", () => {
  it("moves the job to InProgress with the nonce; a wrong nonce or unknown job is refused", async () => {
    await load();
    const [job] = await poll();
    await expectError(ack(job.id, "not-the-nonce"), "InvalidNonceException");
    await expectError(ack("00000000-0000-4000-8000-000000000000", job.nonce!), "JobNotFoundException");
    expect((await ack(job.id, job.nonce!)).status).toBe("InProgress");
  });

  it("two workers racing for one job: exactly one wins, the other gets InvalidNonceException", async () => {
    await load();
    const [job] = await poll();
    const results = await Promise.allSettled([ack(job.id, job.nonce!, client), ack(job.id, job.nonce!, other)]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect((won[0] as PromiseFulfilledResult<{ status?: string }>).value.status).toBe("InProgress");
    expect(lost).toHaveLength(1);
    expect(((lost[0] as PromiseRejectedResult).reason as Error).name).toBe("InvalidNonceException");
  });

  it("a job not acknowledged within 5 minutes goes back to the queue with a new nonce", async () => {
    await load();
    const [first] = await poll(client);
    await d.advance(4 * 60);
    expect(await poll(other)).toEqual([]);
    await d.advance(61);
    const [again] = await poll(other);
    expect(again.id).toBe(first.id);
    expect(again.nonce).not.toBe(first.nonce);
    expect((await ack(again.id, again.nonce!, other)).status).toBe("InProgress");
    await expectError(ack(first.id, first.nonce!, client), "InvalidNonceException");
  });
});

describe("PutJobSuccessResult", () => {
  it("reports progress with continuation tokens, then succeeds the action with revision and output variables", async () => {
    const executionId = await load();
    let [job] = await poll();
    await ack(job.id, job.nonce!);
    for (let step = 1; step <= 2; step++) {
      await client.send(
        new PutJobSuccessResultCommand({
          jobId: job.id,
          continuationToken: JSON.stringify({ step }),
          executionDetails: { summary: `Step ${step} of 3`, externalExecutionId: "run-42", percentComplete: step * 33 },
        }),
      );
      const progress = await workState();
      expect(progress.latestExecution).toMatchObject({
        status: "InProgress",
        summary: `Step ${step} of 3`,
        percentComplete: step * 33,
        externalExecutionId: "run-42",
        externalExecutionUrl: "https://ci.example.com/runs/run-42",
      });
      await expectError(client.send(new PutJobSuccessResultCommand({ jobId: job.id })), "InvalidJobStateException");
      const next = await poll();
      expect(next).toHaveLength(1);
      expect(next[0].id).not.toBe(job.id);
      expect(next[0].data?.continuationToken).toBe(JSON.stringify({ step }));
      job = next[0];
      await ack(job.id, job.nonce!);
    }
    await expectError(
      client.send(new PutJobSuccessResultCommand({ jobId: job.id, continuationToken: "x", outputVariables: { A: "1" } })),
      "ValidationException",
    );
    await client.send(
      new PutJobSuccessResultCommand({
        jobId: job.id,
        executionDetails: { summary: "Built in 3 steps", externalExecutionId: "run-42", percentComplete: 100 },
        currentRevision: { revision: "build-7", changeIdentifier: "build-7", revisionSummary: "Build 7" },
        outputVariables: { ImageTag: "build-7" },
      }),
    );
    const done = await workState();
    expect(done.latestExecution).toMatchObject({ status: "Succeeded", summary: "Built in 3 steps", percentComplete: 100, externalExecutionUrl: "https://ci.example.com/runs/run-42" });
    expect(done.currentRevision?.revisionId).toBe("build-7");
    expect((await d.execution("jobs", executionId)).status).toBe("Succeeded");
    const { actionExecutionDetails } = await client.send(new ListActionExecutionsCommand({ pipelineName: "jobs", filter: { pipelineExecutionId: executionId } }));
    expect(actionExecutionDetails?.find((a) => a.actionName === "Custom")?.output?.outputVariables).toEqual({ ImageTag: "build-7" });
    await expectError(client.send(new PutJobSuccessResultCommand({ jobId: job.id })), "InvalidJobStateException");
    await expectError(client.send(new PutJobSuccessResultCommand({ jobId: "00000000-0000-4000-8000-000000000000" })), "JobNotFoundException");
  });

  it("is refused for a job that was never polled, and after the run was stopped and abandoned", async () => {
    const executionId = await load();
    const jobs = Object.values((emu.core.snapshot() as EngineSnapshot).world.regions[`${ACCOUNT}/us-east-1`].jobs ?? {});
    await expectError(client.send(new PutJobSuccessResultCommand({ jobId: jobs[0].id })), "InvalidJobStateException");
    const [job] = await poll();
    await client.send(new StopPipelineExecutionCommand({ pipelineName: "jobs", pipelineExecutionId: executionId, abandon: true }));
    await expectError(client.send(new PutJobSuccessResultCommand({ jobId: job.id })), "InvalidJobStateException", /no longer in progress/);
  });
});

describe("PutJobFailureResult", () => {
  it("fails the action with the failure type and message, and the execution with it", async () => {
    const executionId = await load();
    const [job] = await poll();
    await ack(job.id, job.nonce!);
    await client.send(new PutJobFailureResultCommand({ jobId: job.id, failureDetails: { type: "ConfigurationError", message: "Mode must be succeed or fail", externalExecutionId: "run-9" } }));
    const failed = await workState();
    expect(failed.latestExecution).toMatchObject({
      status: "Failed",
      errorDetails: { code: "ConfigurationError", message: "Mode must be succeed or fail" },
      externalExecutionId: "run-9",
      externalExecutionUrl: "https://ci.example.com/runs/run-9",
    });
    expect((await d.execution("jobs", executionId)).status).toBe("Failed");
    await expectError(client.send(new PutJobFailureResultCommand({ jobId: job.id, failureDetails: { type: "JobFailed", message: "again" } })), "InvalidJobStateException");
    await expectError(
      client.send(new PutJobFailureResultCommand({ jobId: "00000000-0000-4000-8000-000000000000", failureDetails: { type: "JobFailed", message: "x" } })),
      "JobNotFoundException",
    );
  });
});

describe("job timeouts", () => {
  it("an action nobody finishes fails after 24 hours and its job is TimedOut", async () => {
    const executionId = await load();
    const [job] = await poll();
    await ack(job.id, job.nonce!);
    await d.advance(24 * 3600 - 20);
    expect((await workState()).latestExecution?.status).toBe("InProgress");
    await d.advance(20);
    expect((await workState()).latestExecution).toMatchObject({ status: "Failed", errorDetails: { code: "TimeoutError" } });
    expect((await d.execution("jobs", executionId)).status).toBe("Failed");
    await expectError(client.send(new PutJobSuccessResultCommand({ jobId: job.id })), "InvalidJobStateException", /TimedOut/);
  });
});

describe("third-party jobs", () => {
  const partner = (extra: Record<string, string> = {}): ActionDeclaration => ({
    name: "Scan",
    actionTypeId: PARTNER,
    configuration: { ClientId: "acme-client", ClientToken: "s3cret", ...extra },
    inputArtifacts: [{ name: "SourceOutput" }],
  });
  const pollPartner = () => client.send(new PollForThirdPartyJobsCommand({ actionTypeId: PARTNER, maxBatchSize: 5 })).then((r) => r.jobs ?? []);

  it("poll, details with the client token, acknowledge, progress and succeed", async () => {
    const executionId = await load(partner());
    const [entry] = await pollPartner();
    expect(entry).toEqual({ clientId: "acme-client", jobId: expect.any(String) });
    await expectError(client.send(new GetThirdPartyJobDetailsCommand({ jobId: entry.jobId, clientToken: "wrong" })), "InvalidClientTokenException");
    await expectError(client.send(new GetThirdPartyJobDetailsCommand({ jobId: "nope", clientToken: "s3cret" })), "JobNotFoundException");
    const { jobDetails } = await client.send(new GetThirdPartyJobDetailsCommand({ jobId: entry.jobId, clientToken: "s3cret" }));
    expect(jobDetails).toMatchObject({ id: entry.jobId, nonce: expect.any(String), data: { actionTypeId: PARTNER, pipelineContext: { pipelineName: "jobs", stage: { name: "Work" } } } });
    expect(jobDetails?.data?.pipelineContext?.pipelineArn).toBeUndefined();
    await expectError(client.send(new AcknowledgeThirdPartyJobCommand({ jobId: entry.jobId, nonce: jobDetails!.nonce!, clientToken: "wrong" })), "InvalidClientTokenException");
    await expectError(client.send(new AcknowledgeThirdPartyJobCommand({ jobId: entry.jobId, nonce: "bad", clientToken: "s3cret" })), "InvalidNonceException");
    expect((await client.send(new AcknowledgeThirdPartyJobCommand({ jobId: entry.jobId, nonce: jobDetails!.nonce!, clientToken: "s3cret" }))).status).toBe("InProgress");
    // The custom-action APIs do not know third-party jobs.
    await expectError(client.send(new GetJobDetailsCommand({ jobId: entry.jobId })), "JobNotFoundException");

    await client.send(new PutThirdPartyJobSuccessResultCommand({ jobId: entry.jobId, clientToken: "s3cret", continuationToken: "page-2", executionDetails: { summary: "Scanning", percentComplete: 50 } }));
    expect((await workState()).latestExecution).toMatchObject({ status: "InProgress", summary: "Scanning", percentComplete: 50 });
    const [next] = await pollPartner();
    const details = await client.send(new GetThirdPartyJobDetailsCommand({ jobId: next.jobId, clientToken: "s3cret" }));
    expect(details.jobDetails?.data?.continuationToken).toBe("page-2");
    await expectError(client.send(new PutThirdPartyJobSuccessResultCommand({ jobId: next.jobId, clientToken: "wrong" })), "InvalidClientTokenException");
    await client.send(new PutThirdPartyJobSuccessResultCommand({ jobId: next.jobId, clientToken: "s3cret", executionDetails: { summary: "No findings" } }));
    expect((await workState()).latestExecution).toMatchObject({ status: "Succeeded", summary: "No findings" });
    expect((await d.execution("jobs", executionId)).status).toBe("Succeeded");
    await expectError(client.send(new GetThirdPartyJobDetailsCommand({ jobId: next.jobId, clientToken: "s3cret" })), "InvalidJobException");
    await expectError(client.send(new PutThirdPartyJobSuccessResultCommand({ jobId: next.jobId, clientToken: "s3cret" })), "InvalidJobStateException");
  });

  it("PutThirdPartyJobFailureResult fails the action", async () => {
    await load(partner());
    const [entry] = await pollPartner();
    await expectError(
      client.send(new PutThirdPartyJobFailureResultCommand({ jobId: entry.jobId, clientToken: "wrong", failureDetails: { type: "JobFailed", message: "x" } })),
      "InvalidClientTokenException",
    );
    await client.send(new PutThirdPartyJobFailureResultCommand({ jobId: entry.jobId, clientToken: "s3cret", failureDetails: { type: "PermissionError", message: "No access to the repository" } }));
    expect((await workState()).latestExecution).toMatchObject({ status: "Failed", errorDetails: { code: "PermissionError", message: "No access to the repository" } });
  });
});

describe("reads", () => {
  it("create no state: job lookups and polls in a region with nothing in it leave the world unchanged", async () => {
    await emu.control.reset();
    const elsewhere = emu.client({ region: "eu-west-3" });
    const before = (emu.core.snapshot() as EngineSnapshot).world;
    await expectError(elsewhere.send(new GetJobDetailsCommand({ jobId: "00000000-0000-4000-8000-000000000000" })), "JobNotFoundException");
    await expectError(elsewhere.send(new AcknowledgeJobCommand({ jobId: "00000000-0000-4000-8000-000000000000", nonce: "n" })), "JobNotFoundException");
    await expectError(elsewhere.send(new PollForJobsCommand({ actionTypeId: TYPE })), "ActionTypeNotFoundException");
    expect((await elsewhere.send(new PollForThirdPartyJobsCommand({ actionTypeId: PARTNER }))).jobs).toEqual([]);
    expect((emu.core.snapshot() as EngineSnapshot).world).toEqual(before);
  });

  it("an execution waiting for a worker, polled but not acknowledged, shows the action InProgress with nothing reported", async () => {
    await load();
    await poll();
    expect((await workState()).latestExecution).toMatchObject({ status: "InProgress" });
    expect((await workState()).latestExecution).not.toHaveProperty("summary");
    expect((await workState()).latestExecution).not.toHaveProperty("percentComplete");
  });
});

describe("simulated runs", () => {
  it("simulatedRuns: the first runs complete as if a worker ran them, later runs wait for a real worker", async () => {
    await emu.control.loadScenario({
      seed: 1,
      customActionTypes: [TYPE_DECLARATION],
      pipelines: [
        {
          declaration: pipeline("jobs", [stage("Source", source()), stage("Work", custom("Custom", "succeed"))]),
          actions: { "Source.Source": { durationSeconds: 5 }, "Work.Custom": { durationSeconds: 30, simulatedRuns: 1, summary: "Simulated run" } },
        },
      ],
    });
    const first = await d.start("jobs");
    await d.advance(60);
    expect(await poll()).toEqual([]);
    expect((await workState()).latestExecution).toMatchObject({ status: "Succeeded", summary: "Simulated run" });
    expect((await d.execution("jobs", first)).status).toBe("Succeeded");

    await d.start("jobs");
    await d.advance(60);
    expect((await workState()).latestExecution?.status).toBe("InProgress");
    expect(await poll()).toHaveLength(1);
  });
});

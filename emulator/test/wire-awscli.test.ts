import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { ActionTypeDeclaration, PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { model } from "../src/protocol/models/codepipeline";
import { botocoreModel } from "./cli-model";
import { startEmulator, type StartedEmulator } from "./helpers";

/*
 * The real AWS CLI v2 against the emulator. Debian's awscli package puts v2 at /usr/bin/aws (a v1
 * `aws` may come first on PATH); .ci/run installs it. Without it the suite fails, naming what is missing.
 */
const AWS = "/usr/bin/aws";

function cliV2Problem(): string | undefined {
  if (!existsSync(AWS)) return `${AWS} is not installed (apt-get install awscli; .ci/run does)`;
  try {
    const version = execFileSync(AWS, ["--version"], { encoding: "utf8", timeout: 20_000 });
    return version.startsWith("aws-cli/2.") ? undefined : `${AWS} is not the AWS CLI v2 (${version.trim()})`;
  } catch (error) {
    return `${AWS} --version failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const run = promisify(execFile);

const PIPELINE = {
  pipeline: {
    name: "cli-demo",
    roleArn: "arn:aws:iam::123456789012:role/CodePipelineServiceRole",
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-artifacts" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Source",
            actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
            configuration: { ConnectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/abc", FullRepositoryId: "acme/cli-demo", BranchName: "main" },
            outputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
      { name: "Approve", actions: [{ name: "Approval", actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" } }] },
      {
        name: "Build",
        actions: [
          {
            name: "Build",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            configuration: { ProjectName: "cli-demo" },
            inputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
    ],
  },
};

const WEBHOOK = {
  targetPipeline: "cli-demo",
  targetAction: "Source",
  filters: [{ jsonPath: "$.ref", matchEquals: "refs/heads/{BranchName}" }],
  authentication: "GITHUB_HMAC",
  authenticationConfiguration: { SecretToken: "cli-secret" },
};

const ACTION_TYPE: ActionTypeDeclaration = {
  id: { category: "Test", owner: "ThirdParty", provider: "AcmeScanner", version: "1" },
  description: "Scans the build for vulnerabilities",
  executor: { type: "JobWorker", configuration: { jobWorkerExecutorConfiguration: { pollingAccounts: ["123456789012"] } } },
  inputArtifactDetails: { minimumCount: 1, maximumCount: 1 },
  outputArtifactDetails: { minimumCount: 0, maximumCount: 0 },
  properties: [{ name: "ProjectKey", optional: false, key: true, noEcho: false }],
};

describe(`AWS CLI v2 (${AWS})`, () => {
  let emu: StartedEmulator;
  let dir: string;
  /** A HOME whose ~/.aws/models holds the current CodePipeline model (see cli-model.ts). */
  let currentModelHome: string;

  beforeAll(async () => {
    const problem = cliV2Problem();
    if (problem) throw new Error(problem);
    emu = await startEmulator();
    dir = mkdtempSync(join(tmpdir(), "emulator-awscli-"));
    writeFileSync(join(dir, "pipeline.json"), JSON.stringify(PIPELINE));
    currentModelHome = join(dir, "current-model");
    const models = join(currentModelHome, ".aws", "models", "codepipeline", "2015-07-09");
    mkdirSync(models, { recursive: true });
    writeFileSync(join(models, "service-2.json"), JSON.stringify(botocoreModel(model, "2015-07-09", "AWS CodePipeline")));
    await emu.control.loadScenario({ name: "demo" });
  }, 60_000);
  afterAll(async () => {
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** One CLI call; JSON out, or the CLI's error text. Async, as the emulator runs in this process. */
  async function aws(...args: string[]): Promise<{ json?: unknown; error?: string }> {
    return awsIn(dir, ...args);
  }

  async function awsIn(home: string, ...args: string[]): Promise<{ json?: unknown; error?: string }> {
    return cli({ home }, args);
  }

  /** As another principal: its access key is its secret too (`readonly`, `pipelines-only`). */
  async function awsAs(key: string, ...args: string[]): Promise<{ json?: unknown; error?: string }> {
    return cli({ home: dir, key }, args);
  }

  async function cli({ home, key = "test" }: { home: string; key?: string }, args: string[]): Promise<{ json?: unknown; error?: string }> {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_ACCESS_KEY_ID: key,
      AWS_SECRET_ACCESS_KEY: key,
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_CONFIG_FILE: join(dir, "none"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "none"),
      AWS_PAGER: "",
      AWS_EC2_METADATA_DISABLED: "true",
    };
    try {
      const { stdout } = await run(AWS, [...args, "--endpoint-url", emu.url, "--output", "json"], { env, cwd: dir, timeout: 30_000 });
      return { json: stdout.trim() === "" ? undefined : JSON.parse(stdout) };
    } catch (error) {
      return { error: (error as { stderr?: string }).stderr ?? String(error) };
    }
  }

  const codepipeline = (...args: string[]) => aws("codepipeline", ...args);

  // Each CLI call costs seconds of Python start-up, so one walk-through with few calls; the README
  // lists the other commands (get-pipeline, list-pipeline-executions, get-pipeline-execution,
  // disable/enable-stage-transition), checked by hand against this emulator.
  it("creates a pipeline from a file, pages, runs, approves, stops, and prints AWS errors", async () => {
    const created = await codepipeline("create-pipeline", "--cli-input-json", "file://pipeline.json");
    expect(created.error).toBeUndefined();
    expect(created.json).toMatchObject({ pipeline: { name: "cli-demo", version: 1 } });

    await fetch(`${emu.url}/_emulator/requests/reset`, { method: "POST" });
    const paged = (await codepipeline("list-pipelines", "--page-size", "4")).json as { pipelines: { name: string }[] };
    expect(paged.pipelines.map((p) => p.name)).toContain("cli-demo");
    expect(paged.pipelines.length).toBeGreaterThan(8);
    expect((await emu.control.requests()).byOperation.ListPipelines).toBe(Math.ceil(paged.pipelines.length / 4));

    const started = (await codepipeline("start-pipeline-execution", "--name", "cli-demo")).json as { pipelineExecutionId: string };
    expect(started.pipelineExecutionId).toMatch(/^[0-9a-f-]{36}$/);
    await emu.control.advance(120);
    const state = (await codepipeline("get-pipeline-state", "--name", "cli-demo")).json as {
      stageStates: { stageName: string; actionStates: { latestExecution?: { token?: string } }[] }[];
    };
    const token = state.stageStates.find((s) => s.stageName === "Approve")?.actionStates[0].latestExecution?.token;
    expect(token).toBeTruthy();
    const approved = await codepipeline("put-approval-result", "--pipeline-name", "cli-demo", "--stage-name", "Approve", "--action-name", "Approval", "--result", "summary=Looks good,status=Approved", "--token", token!);
    expect(approved.json).toHaveProperty("approvedAt");

    const stopped = await codepipeline("stop-pipeline-execution", "--pipeline-name", "cli-demo", "--pipeline-execution-id", started.pipelineExecutionId, "--abandon", "--reason", "Wrong branch");
    expect(stopped.json).toEqual({ pipelineExecutionId: started.pipelineExecutionId });

    const invalid = await codepipeline("get-pipeline-state", "--name", "bad!");
    expect(invalid.error).toContain("An error occurred (ValidationException) when calling the GetPipelineState operation: 1 validation error detected");
  }, 120_000);

  it("assumes a role in the second account through STS, and is refused a role that does not exist", async () => {
    const assumed = (await aws("sts", "assume-role", "--role-arn", "arn:aws:iam::210987654321:role/CodePipelineDashboardReadOnly", "--role-session-name", "cli"))
      .json as { Credentials: { AccessKeyId: string; Expiration: string }; AssumedRoleUser: { Arn: string } };
    expect(assumed.AssumedRoleUser.Arn).toBe("arn:aws:sts::210987654321:assumed-role/CodePipelineDashboardReadOnly/cli");
    expect(assumed.Credentials.AccessKeyId).toMatch(/^ASIA/);
    const denied = await aws("sts", "assume-role", "--role-arn", "arn:aws:iam::210987654321:role/Missing", "--role-session-name", "cli");
    expect(denied.error).toContain("An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::123456789012:root is not authorized");
  }, 60_000);

  it("trades a signed-in id token for an identity and credentials, and is refused a tampered one", async () => {
    const token = await emu.emulator.login.mintIdToken({ sub: "cli-user" });
    const pool = ["--identity-pool-id", "us-east-1:0000aaaa-0000-4000-8000-000000000002"];
    const { IdentityId } = (await aws("cognito-identity", "get-id", ...pool, "--logins", `login.emulator.local=${token}`, "--no-sign-request")).json as { IdentityId: string };
    expect(IdentityId).toMatch(/^us-east-1:/);
    const credentials = await aws("cognito-identity", "get-credentials-for-identity", "--identity-id", IdentityId, "--logins", `login.emulator.local=${token}`, "--no-sign-request");
    expect(credentials.json).toMatchObject({ IdentityId, Credentials: { AccessKeyId: expect.stringMatching(/^ASIA/) } });
    const [header, , signature] = token.split(".");
    const forged = [header, Buffer.from(JSON.stringify({ sub: "root", token_use: "id", iss: "http://127.0.0.1/_emulator/oauth2" })).toString("base64url"), signature].join(".");
    const refused = await aws("cognito-identity", "get-id", ...pool, "--logins", `login.emulator.local=${forged}`, "--no-sign-request");
    expect(refused.error).toContain("An error occurred (NotAuthorizedException) when calling the GetId operation: Invalid login token. Couldn't verify signed token");
  }, 60_000);

  it("defines, pages, registers and deletes webhooks, updates a partner action type, and puts action revisions", async () => {
    await emu.control.loadScenario({
      pipelines: [{ declaration: PIPELINE.pipeline as PipelineDeclaration, actions: { "Source.Source": { durationSeconds: 5 } } }],
      actionTypes: [ACTION_TYPE],
    });
    for (const name of ["cli-push", "cli-tag"]) {
      writeFileSync(join(dir, `${name}.json`), JSON.stringify({ webhook: { ...WEBHOOK, name }, tags: [{ key: "team", value: "cli" }] }));
      const put = (await codepipeline("put-webhook", "--cli-input-json", `file://${name}.json`)).json as { webhook: { arn: string; url: string } };
      expect(put.webhook.arn).toBe(`arn:aws:codepipeline:us-east-1:123456789012:webhook:${name}`);
      expect(put.webhook.url).toMatch(/^https:\/\/us-east-1\.webhooks\.aws\/trigger\?t=/);
    }
    await fetch(`${emu.url}/_emulator/requests/reset`, { method: "POST" });
    const listed = (await codepipeline("list-webhooks", "--page-size", "1")).json as { webhooks: { definition: { name: string; authenticationConfiguration: { SecretToken?: string } } }[] };
    expect(listed.webhooks.map((w) => w.definition.name)).toEqual(["cli-push", "cli-tag"]);
    expect(listed.webhooks[0].definition.authenticationConfiguration.SecretToken).toBe("****");
    // The CLI followed the capitalised NextToken: one call per page.
    expect((await emu.control.requests()).byOperation.ListWebhooks).toBe(2);
    expect((await codepipeline("register-webhook-with-third-party", "--webhook-name", "cli-push")).error).toBeUndefined();
    expect((await codepipeline("deregister-webhook-with-third-party", "--webhook-name", "cli-push")).error).toBeUndefined();
    expect((await codepipeline("register-webhook-with-third-party", "--webhook-name", "nope")).error).toContain("(WebhookNotFoundException)");
    expect((await codepipeline("delete-webhook", "--name", "cli-tag")).error).toBeUndefined();
    expect(((await codepipeline("list-webhooks")).json as { webhooks: unknown[] }).webhooks).toHaveLength(1);

    const typeArgs = ["--category", "Test", "--owner", "ThirdParty", "--provider", "AcmeScanner", "--action-version", "1"];
    expect(((await codepipeline("get-action-type", ...typeArgs)).json as { actionType: unknown }).actionType).toEqual(ACTION_TYPE);
    const updated = { ...ACTION_TYPE, description: "Scans builds and images" };
    writeFileSync(join(dir, "action-type.json"), JSON.stringify({ actionType: updated }));
    expect((await codepipeline("update-action-type", "--cli-input-json", "file://action-type.json")).error).toBeUndefined();
    expect(((await codepipeline("get-action-type", ...typeArgs)).json as { actionType: unknown }).actionType).toEqual(updated);

    const revision = ["--pipeline-name", "cli-demo", "--stage-name", "Source", "--action-name", "Source", "--action-revision", `revisionId=${"c".repeat(40)},revisionChangeId=${"c".repeat(40)},created=2025-03-01T10:00:00Z`];
    const first = (await codepipeline("put-action-revision", ...revision)).json as { newRevision: boolean; pipelineExecutionId: string };
    expect(first.newRevision).toBe(true);
    expect(await codepipeline("put-action-revision", ...revision)).toEqual({ json: { newRevision: false, pipelineExecutionId: first.pipelineExecutionId } });
  }, 120_000);

  it("lists an EC2 deploy's instances with a model that has ListDeployActionExecutionTargets (the CLI 2.9 model has not)", async () => {
    await emu.control.loadScenario({ name: "demo" });
    const state = (await codepipeline("get-pipeline-state", "--name", "warehouse-sync")).json as {
      stageStates: { stageName: string; actionStates: { latestExecution: { actionExecutionId: string; status: string } }[] }[];
    };
    const deploy = state.stageStates.find((s) => s.stageName === "Deploy")!.actionStates[0].latestExecution;
    expect(deploy.status).toBe("Failed");
    const args = ["codepipeline", "list-deploy-action-execution-targets", "--pipeline-name", "warehouse-sync", "--action-execution-id", deploy.actionExecutionId];
    expect((await aws(...args)).error).toMatch(/Invalid choice|argument operation/);
    const listed = (await awsIn(currentModelHome, ...args)).json as { targets: { targetId: string; targetType: string; status: string; events: { name: string; status: string; context?: { message?: string } }[] }[] };
    expect(listed.targets.map((t) => t.status)).toEqual(["Succeeded", "Succeeded", "Succeeded", "Failed", "Skipped"]);
    expect(listed.targets.every((t) => t.targetType === "EC2" && /^i-0[0-9a-f]{16}$/.test(t.targetId))).toBe(true);
    expect(listed.targets[3].events.at(-1)).toMatchObject({ name: "AfterDeploy", status: "Failed", context: { message: expect.stringContaining("start-and-check.sh exited with code 1") } });
  }, 60_000);

  it("reads the failed Android build with codebuild batch-get-builds and its log with logs get-log-events and filter-log-events", async () => {
    await emu.control.loadScenario({ name: "demo" });
    const state = (await codepipeline("get-pipeline-state", "--name", "mobile-app")).json as {
      stageStates: { stageName: string; actionStates: { actionName: string; latestExecution: { externalExecutionId: string } }[] }[];
    };
    const id = state.stageStates.find((s) => s.stageName === "Build")!.actionStates.find((a) => a.actionName === "BuildAndroid")!.latestExecution.externalExecutionId;
    const { builds, buildsNotFound } = (await aws("codebuild", "batch-get-builds", "--ids", id, "mobile-android-build:00000000-0000-4000-8000-000000000000")).json as {
      builds: { id: string; buildStatus: string; phases: { phaseType: string; phaseStatus?: string; contexts?: { statusCode: string; message: string }[] }[]; logs: { groupName: string; streamName: string } }[];
      buildsNotFound: string[];
    };
    expect(builds.map((b) => [b.id, b.buildStatus])).toEqual([[id, "FAILED"]]);
    expect(buildsNotFound).toEqual(["mobile-android-build:00000000-0000-4000-8000-000000000000"]);
    expect(builds[0].phases.find((p) => p.phaseStatus === "FAILED")!.contexts![0].statusCode).toBe("COMMAND_EXECUTION_ERROR");
    const { groupName, streamName } = builds[0].logs;

    const head = (await aws("logs", "get-log-events", "--log-group-name", groupName, "--log-stream-name", streamName, "--start-from-head", "--limit", "5")).json as {
      events: { message: string; timestamp: number }[];
      nextForwardToken: string;
      nextBackwardToken: string;
    };
    expect(head.events).toHaveLength(5);
    expect(head.events[0].message).toMatch(/^\[Container\] .* Running on CodeBuild On-demand\n$/);
    expect(head.nextForwardToken).toMatch(/^f\//);
    expect(head.nextBackwardToken).toMatch(/^b\//);

    const found = (await aws("logs", "filter-log-events", "--log-group-name", groupName, "--log-stream-names", streamName, "--filter-pattern", '"Unresolved reference: PaymentSheetResult"')).json as {
      events: { logStreamName: string; message: string }[];
    };
    expect(found.events).toHaveLength(1);
    expect(found.events[0]).toMatchObject({ logStreamName: streamName, message: expect.stringContaining("PaymentSheetViewModel.kt:87:24 Unresolved reference: PaymentSheetResult") });

    const missing = await aws("logs", "get-log-events", "--log-group-name", groupName, "--log-stream-name", "nope");
    expect(missing.error).toContain("An error occurred (ResourceNotFoundException) when calling the GetLogEvents operation: The specified log stream does not exist.");
    const denied = await awsAs("pipelines-only", "logs", "get-log-events", "--log-group-name", groupName, "--log-stream-name", streamName);
    expect(denied.error).toContain("An error occurred (AccessDeniedException) when calling the GetLogEvents operation: User: arn:aws:sts::123456789012:assumed-role/CodePipelineDashboardPipelinesOnly/pipelines-only is not authorized to perform: logs:GetLogEvents");
    expect((await awsAs("pipelines-only", "codebuild", "batch-get-builds", "--ids", id)).error).toContain("(AccessDeniedException) when calling the BatchGetBuilds operation");
  }, 120_000);
});

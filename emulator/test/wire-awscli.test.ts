import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type StartedEmulator } from "./helpers";

/*
 * The real AWS CLI v2 against the emulator. Debian's awscli package puts v2 at /usr/bin/aws (a v1
 * `aws` may come first on PATH). CI installs only chromium, so there this suite is skipped.
 */
const AWS = "/usr/bin/aws";

function cliV2Problem(): string | undefined {
  if (!existsSync(AWS)) return `${AWS} is not installed (apt-get install awscli to run these)`;
  try {
    const version = execFileSync(AWS, ["--version"], { encoding: "utf8", timeout: 20_000 });
    return version.startsWith("aws-cli/2.") ? undefined : `${AWS} is not the AWS CLI v2 (${version.trim()})`;
  } catch (error) {
    return `${AWS} --version failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const skipReason = cliV2Problem();
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

describe.skipIf(skipReason !== undefined)(`AWS CLI v2 (${skipReason ? `skipped: ${skipReason}` : AWS})`, () => {
  let emu: StartedEmulator;
  let dir: string;

  beforeAll(async () => {
    emu = await startEmulator();
    dir = mkdtempSync(join(tmpdir(), "emulator-awscli-"));
    writeFileSync(join(dir, "pipeline.json"), JSON.stringify(PIPELINE));
    await emu.control.loadScenario({ name: "demo" });
  });
  afterAll(async () => {
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** One CLI call; JSON out, or the CLI's error text. Async, as the emulator runs in this process. */
  async function aws(...args: string[]): Promise<{ json?: unknown; error?: string }> {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
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
});

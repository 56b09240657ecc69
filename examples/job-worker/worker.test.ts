import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type ActionTypeId, type CodePipelineClient, GetPipelineExecutionCommand, GetPipelineStateCommand, StartPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type StartedEmulator } from "../../emulator/test/helpers";
import { pollOnce } from "./worker";

const TYPE: ActionTypeId = { category: "Build", owner: "Custom", provider: "ExampleWorker", version: "1" };
const root = fileURLToPath(new URL("../..", import.meta.url));

let emu: StartedEmulator;
let client: CodePipelineClient;
beforeAll(async () => {
  emu = await startEmulator({ startTime: new Date("2025-03-01T10:00:00Z") });
  client = emu.client();
});
afterAll(() => emu.close());

async function load(mode: string, steps: string): Promise<string> {
  await emu.control.loadScenario({
    customActionTypes: [
      {
        category: "Build",
        provider: "ExampleWorker",
        version: "1",
        settings: { executionUrlTemplate: "https://ci.example.com/runs/{ExternalExecutionId}" },
        configurationProperties: [
          { name: "Mode", required: false, key: false, secret: false, queryable: false, type: "String" },
          { name: "Steps", required: false, key: false, secret: false, queryable: false, type: "Number" },
        ],
        inputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
        outputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
      },
    ],
    pipelines: [
      {
        declaration: {
          name: "worker",
          roleArn: "arn:aws:iam::123456789012:role/CodePipelineServiceRole",
          artifactStore: { type: "S3", location: "codepipeline-us-east-1-artifacts" },
          stages: [
            {
              name: "Source",
              actions: [
                {
                  name: "Source",
                  actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
                  configuration: { S3Bucket: "b", S3ObjectKey: "k" },
                  outputArtifacts: [{ name: "Src" }],
                },
              ],
            },
            { name: "Work", actions: [{ name: "Work", actionTypeId: TYPE, configuration: { Mode: mode, Steps: steps }, inputArtifacts: [{ name: "Src" }] }] },
          ],
        },
        actions: { "Source.Source": { durationSeconds: 5 } },
      },
    ],
  });
  const { pipelineExecutionId } = await client.send(new StartPipelineExecutionCommand({ name: "worker" }));
  await emu.control.advance(10);
  return pipelineExecutionId!;
}

const work = async () => (await client.send(new GetPipelineStateCommand({ name: "worker" }))).stageStates![1].actionStates![0].latestExecution;
const status = async (id: string) => (await client.send(new GetPipelineExecutionCommand({ pipelineName: "worker", pipelineExecutionId: id }))).pipelineExecution!.status;

describe("example job worker", () => {
  it("reports progress step by step and succeeds", async () => {
    const id = await load("succeed", "3");
    expect(await pollOnce(client, TYPE)).toEqual(["progress"]);
    expect(await work()).toMatchObject({ status: "InProgress", summary: "Step 1 of 3 done", percentComplete: 33, externalExecutionUrl: expect.stringMatching(/^https:\/\/ci\.example\.com\/runs\/run-/) });
    expect(await pollOnce(client, TYPE)).toEqual(["progress"]);
    expect(await pollOnce(client, TYPE)).toEqual(["succeeded"]);
    expect(await work()).toMatchObject({ status: "Succeeded", summary: "All 3 steps done", percentComplete: 100 });
    expect(await status(id)).toBe("Succeeded");
    expect(await pollOnce(client, TYPE)).toEqual([]);
  });

  it("fails when the action is configured with Mode=fail", async () => {
    const id = await load("fail", "1");
    expect(await pollOnce(client, TYPE)).toEqual(["failed"]);
    expect(await work()).toMatchObject({ status: "Failed", errorDetails: { code: "JobFailed" } });
    expect(await status(id)).toBe("Failed");
  });

  it("runs from the command line with --endpoint, --provider and --once", async () => {
    await load("succeed", "1");
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "examples/job-worker/worker.ts", "--endpoint", emu.url, "--provider", "ExampleWorker", "--once", "--work", "0"], {
      cwd: root,
      env: { ...process.env, AWS_ACCESS_KEY_ID: "", NODE_NO_WARNINGS: "1" },
    });
    expect(stdout).toContain("job: succeeded");
    expect((await work())?.status).toBe("Succeeded");
  }, 60_000);
});

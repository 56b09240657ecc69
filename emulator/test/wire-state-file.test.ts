import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  StartPipelineExecutionCommand,
} from "@aws-sdk/client-codepipeline";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** One process (node with tsx's loader), not the tsx wrapper and its child, so killing it leaves no orphan. */
const node = [process.execPath, "--import", "tsx"] as const;
const dir = mkdtempSync(join(tmpdir(), "emulator-state-"));
const stateFile = join(dir, "state.json");
const children: ChildProcessWithoutNullStreams[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Start the CLI as a user would and wait for its URL. */
async function startCli(): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(node[0], [...node.slice(1), "emulator/src/cli.ts", "--port", "0", "--scenario", "empty", "--clock", "manual", "--state-file", stateFile], { cwd: root });
  children.push(child);
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      // Wait for the whole banner (it comes in several writes), not just the URL line.
      const match = output.match(/listening on (http:\/\/\S+)[\s\S]*local login/);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`emulator exited ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

async function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  child.kill("SIGTERM");
  const [code] = await once(child, "exit");
  expect(code).toBe(0);
}

const clientFor = (url: string) =>
  new CodePipelineClient({ region: "eu-west-1", endpoint: url, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });

const advance = (url: string, seconds: number) =>
  fetch(`${url}/_emulator/advance`, { method: "POST", body: JSON.stringify({ seconds }) }).then((r) => r.json() as Promise<{ epochSeconds: number }>);

/** Everything a dashboard reads about the pipeline, without the SDK's per-response metadata. */
async function observe(client: CodePipelineClient, executionId: string) {
  const strip = <T extends { $metadata?: unknown }>({ $metadata: _, ...rest }: T) => rest;
  return {
    pipelines: strip(await client.send(new ListPipelinesCommand({}))),
    pipeline: strip(await client.send(new GetPipelineCommand({ name: "persisted" }))),
    state: strip(await client.send(new GetPipelineStateCommand({ name: "persisted" }))),
    executions: strip(await client.send(new ListPipelineExecutionsCommand({ pipelineName: "persisted" }))),
    execution: strip(await client.send(new GetPipelineExecutionCommand({ pipelineName: "persisted", pipelineExecutionId: executionId }))),
    actions: strip(await client.send(new ListActionExecutionsCommand({ pipelineName: "persisted" }))),
  };
}

describe("--state-file", () => {
  it("keeps pipelines, executions and history across a restart", async () => {
    const first = await startCli();
    expect(first.output()).toContain("scenario: empty");
    const client = clientFor(first.url);
    await client.send(
      new CreatePipelineCommand({
        pipeline: {
          name: "persisted",
          roleArn: "arn:aws:iam::123456789012:role/CodePipelineServiceRole",
          artifactStore: { type: "S3", location: "artifacts" },
          pipelineType: "V2",
          executionMode: "QUEUED",
          stages: [
            {
              name: "Source",
              actions: [
                {
                  name: "Source",
                  actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
                  configuration: { S3Bucket: "sources", S3ObjectKey: "app.zip" },
                  outputArtifacts: [{ name: "src" }],
                },
              ],
            },
            {
              name: "Build",
              actions: [
                {
                  name: "Build",
                  actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
                  configuration: { ProjectName: "app" },
                  inputArtifacts: [{ name: "src" }],
                },
              ],
            },
          ],
        },
      }),
    );
    const { pipelineExecutionId } = await client.send(new StartPipelineExecutionCommand({ name: "persisted" }));
    // Let everything finish, so nothing is due when the second process brings the world up to its clock.
    const { epochSeconds } = await advance(first.url, 3600);
    const before = await observe(client, pipelineExecutionId!);
    expect(before.executions.pipelineExecutionSummaries!.length).toBeGreaterThanOrEqual(2);
    expect(before.executions.pipelineExecutionSummaries!.map((e) => e.pipelineExecutionId)).toContain(pipelineExecutionId);
    expect(before.actions.actionExecutionDetails!.length).toBeGreaterThanOrEqual(4);
    client.destroy();
    await stop(first.child);
    expect(existsSync(stateFile)).toBe(true);
    expect(JSON.parse(readFileSync(stateFile, "utf8"))).toMatchObject({ version: 1 });
    expect(existsSync(`${stateFile}.${first.child.pid}.tmp`)).toBe(false);

    const second = await startCli();
    expect(second.output()).toContain(`scenario: restored from ${stateFile}`);
    const clock = (await (await fetch(`${second.url}/_emulator/clock`)).json()) as { epochSeconds: number };
    expect(clock.epochSeconds).toBeGreaterThanOrEqual(epochSeconds);
    const again = clientFor(second.url);
    const after = await observe(again, pipelineExecutionId!);
    expect(after).toEqual(before);
    // And it still works: a new execution joins the restored history.
    await again.send(new StartPipelineExecutionCommand({ name: "persisted" }));
    const executions = await again.send(new ListPipelineExecutionsCommand({ pipelineName: "persisted" }));
    expect(executions.pipelineExecutionSummaries!.length).toBe(before.executions.pipelineExecutionSummaries!.length + 1);
    again.destroy();
    await stop(second.child);
  }, 60_000);
});

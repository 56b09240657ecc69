import {
  type ActionDeclaration,
  type CodePipelineClient,
  GetPipelineStateCommand,
  type PipelineDeclaration,
  type StageDeclaration,
  type StageState,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, expect } from "vitest";
import { GetPipelineExecutionCommand, StartPipelineExecutionCommand, type StartPipelineExecutionInput } from "@aws-sdk/client-codepipeline";
import type { ActionBehaviour, ScenarioPipeline } from "../src/scenario/types";
import { startEmulator, type StartedEmulator } from "./helpers";

/** Declarations and small helpers shared by the engine and handler tests. */

export const ROLE = "arn:aws:iam::123456789012:role/CodePipelineServiceRole";
export const ACCOUNT = "123456789012";
export const CALLER_PREFIX = "arn:aws:";

export const source = (name = "Source", output = "SourceOutput"): ActionDeclaration => ({
  name,
  actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
  configuration: { ConnectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/abc", FullRepositoryId: "acme/web", BranchName: "main" },
  outputArtifacts: [{ name: output }],
});

export const build = (name = "Build", runOrder = 1, input = "SourceOutput"): ActionDeclaration => ({
  name,
  runOrder,
  actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
  configuration: { ProjectName: name.toLowerCase() },
  inputArtifacts: [{ name: input }],
});

export const approval = (name = "Approve", timeoutInMinutes?: number): ActionDeclaration => ({
  name,
  actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
  configuration: { CustomData: "Check the staging site", ExternalEntityLink: "https://staging.example.com" },
  ...(timeoutInMinutes && { timeoutInMinutes }),
});

export const stage = (name: string, ...actions: ActionDeclaration[]): StageDeclaration => ({ name, actions });

export function pipeline(name: string, stages: StageDeclaration[], extra: Partial<PipelineDeclaration> = {}): PipelineDeclaration {
  return {
    name,
    roleArn: ROLE,
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-artifacts" },
    stages,
    ...extra,
  };
}

/** Source → Build: the smallest valid pipeline. */
export const simple = (name = "simple", extra: Partial<PipelineDeclaration> = {}) =>
  pipeline(name, [stage("Source", source()), stage("Build", build())], extra);

export async function stageState(client: CodePipelineClient, name: string, stageName: string): Promise<StageState> {
  const state = await client.send(new GetPipelineStateCommand({ name }));
  const found = state.stageStates?.find((s) => s.stageName === stageName);
  expect(found, `stage ${stageName}`).toBeDefined();
  return found!;
}

/** Asserts an SDK call fails as AWS would answer it: error name, message and HTTP status. */
export async function expectError(call: Promise<unknown>, name: string, message?: RegExp | string, status = 400): Promise<void> {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as { name: string; message: string; $metadata: { httpStatusCode?: number } } | undefined;
  expect(error, `expected ${name}`).toBeDefined();
  expect(error!.name).toBe(name);
  if (message !== undefined) expect(error!.message).toMatch(message);
  expect(error!.$metadata.httpStatusCode).toBe(status);
}


/** Loads one pipeline with fixed durations (Source 5 s unless told otherwise) and gives short-hands for the tests. */
export function driver(emu: StartedEmulator, client: CodePipelineClient) {
  return {
    load: (declaration: PipelineDeclaration, actions: Record<string, ActionBehaviour> = {}, extra: Partial<ScenarioPipeline> = {}) =>
      emu.control.loadScenario({ seed: 1, pipelines: [{ declaration, actions: { "Source.Source": { durationSeconds: 5 }, ...actions }, ...extra }] }),
    start: async (name: string, extra: Omit<StartPipelineExecutionInput, "name"> = {}) =>
      (await client.send(new StartPipelineExecutionCommand({ name, ...extra }))).pipelineExecutionId!,
    execution: async (name: string, id: string) =>
      (await client.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id }))).pipelineExecution!,
    advance: (seconds: number) => emu.control.advance(seconds),
  };
}

/**
 * One emulator per test file on the manual clock at a fixed start, with an SDK client and a driver.
 * Read the members inside tests and hooks: they are set in `beforeAll`.
 */
export function emulatorSuite(startTime = new Date("2025-03-01T10:00:00Z")) {
  const suite = {} as { emu: StartedEmulator; client: CodePipelineClient; d: ReturnType<typeof driver> };
  beforeAll(async () => {
    suite.emu = await startEmulator({ startTime });
    suite.client = suite.emu.client();
    suite.d = driver(suite.emu, suite.client);
  });
  afterAll(() => suite.emu.close());
  return suite;
}

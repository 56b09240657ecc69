import {
  type ActionDeclaration,
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListRuleExecutionsCommand,
  PutWebhookCommand,
} from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { approval, build, emulatorSuite, pipeline, source, stage } from "./fixtures";

const suite = emulatorSuite();

const withNamespace = (a: ActionDeclaration, namespace: string): ActionDeclaration => ({ ...a, namespace });

async function actionRuns(name: string, pipelineExecutionId: string) {
  const { actionExecutionDetails } = await suite.client.send(new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId } }));
  return Object.fromEntries(actionExecutionDetails!.map((d) => [d.actionName!, d]));
}

describe("variables in the resolved configuration", () => {
  it("resolve pipeline variables, the execution id and upstream actions' output variables when each action starts", async () => {
    const declaration = pipeline(
      "vars",
      [
        stage("Source", withNamespace(source(), "SourceVariables")),
        stage("Build", {
          ...withNamespace(build(), "BuildVariables"),
          configuration: { ProjectName: "app-#{variables.env}", EnvironmentVariables: '[{"name":"BRANCH","value":"#{SourceVariables.BranchName}"}]' },
        }),
        stage("Approve", {
          ...approval("Release"),
          configuration: { CustomData: "Build #{BuildVariables.BUILD_ID} (#{BuildVariables.IMAGE_TAG}) of #{SourceVariables.CommitId}, execution #{codepipeline.PipelineExecutionId}" },
        }),
      ],
      { pipelineType: "V2", variables: [{ name: "env", defaultValue: "dev" }] },
    );
    await suite.d.load(declaration, { "Build.Build": { durationSeconds: 10, outputVariables: { BUILD_ID: "{BuildNumber}", IMAGE_TAG: "app-{BuildNumber}" } } });
    const id = await suite.d.start("vars", { variables: [{ name: "env", value: "prod" }] });
    await suite.d.advance(30);
    const runs = await actionRuns("vars", id);
    const commitId = runs.Source.output!.outputVariables!.CommitId;
    expect(commitId).toMatch(/^[0-9a-f]{40}$/);
    expect(runs.Build.input?.resolvedConfiguration).toEqual({ ProjectName: "app-prod", EnvironmentVariables: '[{"name":"BRANCH","value":"main"}]' });
    expect(runs.Build.output?.outputVariables).toEqual({ BUILD_ID: "1", IMAGE_TAG: "app-1" });
    expect(runs.Release.input?.configuration?.CustomData).toContain("#{BuildVariables.BUILD_ID}");
    expect(runs.Release.input?.resolvedConfiguration?.CustomData).toBe(`Build 1 (app-1) of ${commitId}, execution ${id}`);
    expect(runs.Release.status).toBe("InProgress");
  });

  it("fail the action, as AWS does, when a reference does not resolve", async () => {
    const declaration = pipeline(
      "unresolved",
      [
        stage("Source", withNamespace(source(), "SourceVariables")),
        stage("Build", withNamespace(build(), "BuildVariables")),
        stage("Approve", { ...approval("Release"), configuration: { CustomData: "Build #{BuildVariables.BUILD_ID} is ready" } }),
      ],
      { pipelineType: "V2" },
    );
    // The build exports no BUILD_ID.
    await suite.d.load(declaration, { "Build.Build": { durationSeconds: 10 } });
    const id = await suite.d.start("unresolved");
    await suite.d.advance(30);
    const release = (await actionRuns("unresolved", id)).Release;
    expect(release.status).toBe("Failed");
    expect(release.input?.resolvedConfiguration?.CustomData).toBe("Build #{BuildVariables.BUILD_ID} is ready");
    expect(release.output?.executionResult?.errorDetails).toEqual({
      code: "JobFailed",
      message: "An action in this pipeline failed because one or more variables could not be resolved: Action name=Release.",
    });
    expect((await suite.d.execution("unresolved", id)).status).toBe("Failed");
  });

  it("resolve in stage condition rules too", async () => {
    const declaration = pipeline(
      "gated",
      [
        stage("Source", withNamespace(source(), "SourceVariables")),
        {
          ...stage("Deploy", build("Deploy")),
          beforeEntry: {
            conditions: [
              {
                result: "FAIL",
                rules: [{ name: "OnMain", ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" }, configuration: { Variable: "#{SourceVariables.BranchName}", Value: "main", Operator: "EQ" } }],
              },
            ],
          },
        },
      ],
      { pipelineType: "V2" },
    );
    await suite.d.load(declaration);
    const id = await suite.d.start("gated");
    await suite.d.advance(60);
    const { ruleExecutionDetails } = await suite.client.send(new ListRuleExecutionsCommand({ pipelineName: "gated", filter: { pipelineExecutionId: id } }));
    expect(ruleExecutionDetails![0].input).toMatchObject({ configuration: { Variable: "#{SourceVariables.BranchName}" }, resolvedConfiguration: { Variable: "main", Value: "main", Operator: "EQ" } });
  });
});

describe("trigger details", () => {
  const triggers = async (name: string) =>
    (await suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!.map((x) => x.trigger);

  it("name the connection, the EventBridge rule or the webhook a source change came through, and the person who started one", async () => {
    const codeCommit: ActionDeclaration = {
      name: "Source",
      actionTypeId: { category: "Source", owner: "AWS", provider: "CodeCommit", version: "1" },
      configuration: { RepositoryName: "legacy", BranchName: "main" },
      outputArtifacts: [{ name: "SourceOutput" }],
    };
    const githubV1: ActionDeclaration = {
      name: "Source",
      actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
      configuration: { Owner: "acme", Repo: "old", Branch: "main", OAuthToken: "****" },
      outputArtifacts: [{ name: "SourceOutput" }],
    };
    const traffic = { everySeconds: 3600 };
    await suite.emu.control.loadScenario({
      pipelines: [
        { declaration: pipeline("connected", [stage("Source", source()), stage("Build", build())], { pipelineType: "V2" }), traffic },
        { declaration: pipeline("committed", [stage("Source", codeCommit), stage("Build", build())]), traffic },
        { declaration: pipeline("hooked", [stage("Source", githubV1), stage("Build", build())]), traffic },
        { declaration: pipeline("manual", [stage("Source", source()), stage("Build", build())]), timeline: [{ at: 10, type: "start", by: "ada" }] },
      ],
    });
    await suite.client.send(
      new PutWebhookCommand({
        webhook: { name: "hooked-push", targetPipeline: "hooked", targetAction: "Source", filters: [], authentication: "UNAUTHENTICATED", authenticationConfiguration: {} },
      }),
    );
    await suite.d.advance(3700);
    expect((await triggers("connected"))[0]).toEqual({ triggerType: "WebhookV2", triggerDetail: "arn:aws:codeconnections:us-east-1:123456789012:connection/abc" });
    expect((await triggers("committed"))[0]).toEqual({ triggerType: "CloudWatchEvent", triggerDetail: "arn:aws:events:us-east-1:123456789012:rule/codepipeline-committed-source-change" });
    expect((await triggers("hooked"))[0]).toEqual({ triggerType: "Webhook", triggerDetail: "arn:aws:codepipeline:us-east-1:123456789012:webhook:hooked-push" });
    expect((await triggers("manual"))[0]).toEqual({ triggerType: "StartPipelineExecution", triggerDetail: "arn:aws:iam::123456789012:user/ada" });
    const started = await suite.d.start("manual");
    const { pipelineExecution } = await suite.client.send(new GetPipelineExecutionCommand({ pipelineName: "manual", pipelineExecutionId: started }));
    expect(pipelineExecution?.trigger).toEqual({ triggerType: "StartPipelineExecution", triggerDetail: "arn:aws:iam::123456789012:root" });
  });
});

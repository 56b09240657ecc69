import {
  ListRuleExecutionsCommand,
  ListRuleTypesCommand,
  OverrideStageConditionCommand,
  type StageDeclaration,
} from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { build, expectError, pipeline, source, stage, stageState, emulatorSuite } from "./fixtures";

const suite = emulatorSuite();

const alarm = { name: "NoAlarms", ruleTypeId: { category: "Rule" as const, owner: "AWS" as const, provider: "CloudWatchAlarm", version: "1" }, configuration: { AlarmName: "5xx" } };
const window = { name: "Window", ruleTypeId: { category: "Rule" as const, owner: "AWS" as const, provider: "DeploymentWindow", version: "1" }, configuration: { Cron: "* * * * *" } };
const deploy: StageDeclaration = {
  ...stage("Deploy", build("Deploy")),
  beforeEntry: { conditions: [{ result: "FAIL", rules: [window] }] },
  onSuccess: { conditions: [{ result: "ROLLBACK", rules: [alarm] }] },
};
const declaration = pipeline("p", [stage("Source", source()), deploy], { pipelineType: "V2" });
const override = (id: string, conditionType: "BEFORE_ENTRY" | "ON_SUCCESS") =>
  suite.client.send(new OverrideStageConditionCommand({ pipelineName: "p", stageName: "Deploy", pipelineExecutionId: id, conditionType }));

describe("stage conditions", () => {
  it("runs beforeEntry before the actions and onSuccess after them, showing rule states", async () => {
    await suite.d.load(declaration, { "Deploy.Deploy": { durationSeconds: 10 } }, { conditions: { "Deploy.beforeEntry": { durationSeconds: 20 }, "Deploy.onSuccess": { durationSeconds: 30 } } });
    const id = await suite.d.start("p");
    await suite.d.advance(10);
    let deployState = await stageState(suite.client, "p", "Deploy");
    expect(deployState.latestExecution?.status).toBe("InProgress");
    expect(deployState.beforeEntryConditionState?.latestExecution?.status).toBe("InProgress");
    expect(deployState.beforeEntryConditionState?.conditionStates?.[0].ruleStates?.[0]).toMatchObject({ ruleName: "Window", latestExecution: { status: "InProgress" } });
    expect(deployState.actionStates![0].latestExecution).toBeUndefined();
    await suite.d.advance(15);
    deployState = await stageState(suite.client, "p", "Deploy");
    expect(deployState.beforeEntryConditionState?.latestExecution?.status).toBe("Succeeded");
    expect(deployState.actionStates![0].latestExecution?.status).toBe("InProgress");
    await suite.d.advance(10);
    deployState = await stageState(suite.client, "p", "Deploy");
    expect(deployState.onSuccessConditionState?.latestExecution?.status).toBe("InProgress");
    expect((await suite.d.execution("p", id)).status).toBe("InProgress");
    await suite.d.advance(30);
    expect((await stageState(suite.client, "p", "Deploy")).onSuccessConditionState?.latestExecution?.status).toBe("Succeeded");
    expect((await suite.d.execution("p", id)).status).toBe("Succeeded");
    const { ruleExecutionDetails } = await suite.client.send(new ListRuleExecutionsCommand({ pipelineName: "p", filter: { pipelineExecutionId: id } }));
    expect(ruleExecutionDetails!.map((r) => `${r.ruleName}:${r.status}`)).toEqual(["NoAlarms:Succeeded", "Window:Succeeded"]);
  });

  it("fails the stage when a beforeEntry rule fails", async () => {
    await suite.d.load(declaration, {}, { conditions: { "Deploy.beforeEntry": { durationSeconds: 5, failOnRuns: [1] } } });
    const id = await suite.d.start("p");
    await suite.d.advance(15);
    const deployState = await stageState(suite.client, "p", "Deploy");
    expect(deployState.beforeEntryConditionState?.latestExecution?.status).toBe("Failed");
    expect(deployState.latestExecution?.status).toBe("Failed");
    expect((await suite.d.execution("p", id)).status).toBe("Failed");
  });

  it("OverrideStageCondition overrides a running condition, and only a running one", async () => {
    await suite.d.load(declaration, { "Deploy.Deploy": { durationSeconds: 10 } }, { conditions: { "Deploy.beforeEntry": { durationSeconds: 600 } } });
    const id = await suite.d.start("p");
    await suite.d.advance(10);
    await expectError(override(id, "ON_SUCCESS"), "ConditionNotOverridableException");
    await override(id, "BEFORE_ENTRY");
    const deployState = await stageState(suite.client, "p", "Deploy");
    expect(deployState.beforeEntryConditionState?.latestExecution?.status).toBe("Overridden");
    expect(deployState.beforeEntryConditionState?.conditionStates?.[0].ruleStates?.[0].latestExecution?.status).toBe("Abandoned");
    expect(deployState.actionStates![0].latestExecution?.status).toBe("InProgress");
    await expectError(override(id, "BEFORE_ENTRY"), "ConditionNotOverridableException");
  });

  it("lists the rule types", async () => {
    const { ruleTypes } = await suite.client.send(new ListRuleTypesCommand({}));
    expect(ruleTypes!.map((r) => r.id!.provider)).toEqual(expect.arrayContaining(["CloudWatchAlarm", "DeploymentWindow", "LambdaInvoke", "VariableCheck"]));
  });
});

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ListPipelineExecutionsCommand, OverrideStageConditionCommand } from "@aws-sdk/client-codepipeline";
import type { ScenarioPipeline } from "../emulator/src/scenario/types";
import { configFor, expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";
import { multiSourceConfig, placed, PROD_ACCOUNT } from "./fixtures/sources";

/** Where screenshots go: SCREENSHOT_DIR when set (for reviewing), else the test's output folder. */
function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  return page.screenshot({ path: dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`) });
}

const graph = (page: Page) => page.getByRole("region", { name: /stages and actions/ });
const action = (page: Page, name: string) => graph(page).getByRole("article", { name: new RegExp(`^Action ${name}:`) });
const panel = (page: Page) => page.getByRole("dialog");

/** Source, then an EC2 deploy to five instances two at a time, whose first run fails on the fourth. */
function fleet(name: string): ScenarioPipeline {
  const p = pipeline(name);
  p.declaration.stages = [
    p.declaration.stages![0],
    {
      name: "Deploy",
      actions: [
        {
          name: "DeployToFleet",
          actionTypeId: { category: "Deploy", owner: "AWS", provider: "EC2", version: "1" },
          configuration: {
            InstanceTagKey: "Role",
            InstanceTagValue: name,
            InstanceType: "EC2",
            TargetDirectory: "/opt/#{codepipeline.PipelineExecutionId}",
            PreScript: "scripts/stop.sh",
            PostScript: "scripts/start-and-check.sh",
            MaxBatch: "2",
            MaxError: "0",
          },
          inputArtifacts: [{ name: "Src" }],
          runOrder: 1,
        },
      ],
    },
  ];
  p.actions = {
    "Source.Source": p.actions!["Source.Source"],
    "Deploy.DeployToFleet": {
      durationSeconds: 300,
      failOnRuns: [1],
      error: { code: "JobFailed", message: "Deployment failed on 1 of 5 instances" },
      deployTargets: { count: 5, failingTarget: 4, message: "scripts/start-and-check.sh exited with code 1: no answer on :8080/health" },
    },
  };
  return p;
}

test("deploy targets: the node counts them, the details list every instance with the failing event first", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(fleet("fleet-web")));
  await emulator.advance(600);
  await page.goto("/pipelines/fleet-web");
  const node = action(page, "DeployToFleet");
  await expect(node).toContainText("Failed");
  await expect(node).toContainText("3 of 5 instances succeeded, 1 failed, 1 skipped");

  await node.getByRole("link", { name: "Run details of DeployToFleet" }).click();
  await expect(page).toHaveURL(/\/pipelines\/fleet-web\/executions\/[0-9a-f-]{36}\/actions\/Deploy\/DeployToFleet$/);
  const details = panel(page);
  await expect(details.getByRole("heading", { name: "Deploy / DeployToFleet" })).toBeVisible();
  await expect(details.getByRole("heading", { name: /^Error/ })).toBeVisible();
  await expect(details).toContainText("Deployment failed on 1 of 5 instances");
  const targets = details.getByRole("table", { name: "Deploy targets" });
  await expect(targets.getByRole("row")).toHaveCount(6);
  const failed = targets.getByRole("row").nth(1);
  await expect(failed).toContainText("Failed");
  // The failing event first in its row, with its message.
  await expect(failed.getByRole("listitem").first()).toContainText("Failed");
  await expect(failed.getByRole("listitem").first()).toContainText("scripts/start-and-check.sh exited with code 1");
  await expect(targets.getByRole("row").nth(5)).toContainText("Skipped");

  // Declared and resolved configuration side by side: the variable resolved to this execution's id.
  const config = details.getByRole("table", { name: "Configuration" });
  const dir = config.getByRole("row", { name: /TargetDirectory/ });
  await expect(dir.getByRole("cell").nth(0)).toHaveText(/^\/opt\/[0-9a-f-]{36}/);
  await expect(dir.getByRole("cell").nth(1)).toHaveText(/^\/opt\/#\{codepipeline\.PipelineExecutionId\}/);
  // Artifacts link to the S3 console.
  await expect(details.getByRole("link", { name: "Artifact Src in the S3 console" })).toHaveAttribute("href", /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/s3\/object\//);
  await shot(page, "details-deploy-targets");
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);

  // Closing goes back to the graph, with focus where the keyboard left off.
  await page.keyboard.press("Escape");
  await expect(details).toBeHidden();
  await expect(page).toHaveURL(/\/pipelines\/fleet-web$/);
});

test("the timeline's bars open each attempt of a retried action, newest first", async ({ page, emulator, sdk }) => {
  await emulator.loadScenario(scenario({ ...fleet("fleet-retry"), timeline: [{ at: 0, type: "start" }, { at: 400, type: "retry", stageName: "Deploy" }] }));
  await emulator.advance(900);
  const [run] = (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: "fleet-retry" }))).pipelineExecutionSummaries!;
  await page.goto(`/pipelines/fleet-retry/executions/${run.pipelineExecutionId}`);
  const timeline = page.getByRole("table", { name: "Action timeline" });
  const bars = timeline.getByRole("cell", { name: /^Deploy \/ DeployToFleet: .*run details$/ });
  await expect(bars).toHaveCount(2);
  await timeline.getByRole("cell", { name: /^Deploy \/ DeployToFleet: Failed/ }).click();
  const details = panel(page);
  await expect(details).toContainText("attempt 1 of 2");
  const attempts = details.getByRole("navigation", { name: "Attempts" }).getByRole("listitem");
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(0)).toContainText("Attempt 2");
  await expect(attempts.nth(0)).toContainText("Succeeded");
  await expect(attempts.nth(1)).toContainText("Attempt 1");
  await expect(attempts.nth(1).getByRole("link")).toHaveAttribute("aria-current", "true");
  await attempts.nth(0).getByRole("link").click();
  await expect(details).toContainText("attempt 2 of 2");
  await expect(details).toContainText("5 of 5 instances succeeded");
  // Closing returns to the execution page, which stayed beneath.
  await details.getByRole("button", { name: "Close the details" }).click();
  await expect(details).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/executions/${run.pipelineExecutionId}$`));
  await expect(timeline).toBeVisible();
});

test("rule results over time on a V2 pipeline, an overridden condition naming who and when", async ({ page, emulator, sdk }) => {
  const p = pipeline("rules-web");
  p.declaration.stages![2].beforeEntry = {
    conditions: [
      {
        result: "FAIL",
        rules: [
          { name: "NoAlarm", ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" }, configuration: { AlarmName: "#{codepipeline.PipelineExecutionId}-errors" } },
          { name: "Window", ruleTypeId: { category: "Rule", owner: "AWS", provider: "DeploymentWindow", version: "1" }, configuration: { Cron: "0 9-17 ? * MON-FRI *" } },
        ],
      },
    ],
  };
  p.conditions = { "Deploy.beforeEntry": { durationSeconds: 3600 } };
  await emulator.loadScenario(scenario(p));
  await emulator.advance(120);
  const [run] = (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: "rules-web" }))).pipelineExecutionSummaries!;
  await sdk.send(new OverrideStageConditionCommand({ pipelineName: "rules-web", stageName: "Deploy", pipelineExecutionId: run.pipelineExecutionId, conditionType: "BEFORE_ENTRY" }));
  await emulator.advance(60);

  // From the graph's stage: its current condition state, and a link to the results.
  await page.goto("/pipelines/rules-web");
  const deploy = graph(page).getByRole("region", { name: "Stage Deploy" });
  await expect(deploy).toContainText("Overridden");
  await deploy.getByRole("link", { name: "Rule results of the entry condition of Deploy" }).click();
  await expect(page).toHaveURL(new RegExp(`/executions/${run.pipelineExecutionId}#rules-Deploy$`));
  const results = page.getByRole("region", { name: "Conditions of stage Deploy" });
  await expect(results).toBeInViewport();
  await expect(results.getByRole("heading", { name: "Entry condition" })).toBeVisible();
  const noAlarm = results.getByRole("listitem", { name: /^Rule NoAlarm: Abandoned/ });
  await expect(noAlarm).toContainText("CloudWatchAlarm (AWS, version 1)");
  await expect(noAlarm).toContainText(/Condition overridden by \S+ at /);
  // Resolved configuration: the variable substituted.
  await expect(noAlarm).toContainText(`${run.pipelineExecutionId}-errors`);
  await expect(results.getByRole("listitem", { name: /^Rule Window:/ })).toContainText("DeploymentWindow");
  await shot(page, "rule-results");
  expect((await new AxeBuilder({ page }).include("#rules-h").analyze()).violations).toEqual([]);
});

test.describe("in a non-default source", () => {
  test.use({ config: configFor(multiSourceConfig) });

  test("a details deep link works on reload, from that source's account", async ({ page, emulator }) => {
    await emulator.loadScenario(scenario(placed(fleet("fleet-prod"), PROD_ACCOUNT, "eu-west-1")));
    await emulator.advance(600);
    await page.goto("/sources/prod-eu/pipelines/fleet-prod");
    await action(page, "DeployToFleet").getByRole("link", { name: "Run details of DeployToFleet" }).click();
    await expect(page).toHaveURL(/\/sources\/prod-eu\/pipelines\/fleet-prod\/executions\/[0-9a-f-]{36}\/actions\/Deploy\/DeployToFleet$/);
    await expect(panel(page).getByRole("table", { name: "Deploy targets" })).toBeVisible();
    const detailsUrl = page.url();
    await page.reload();
    const details = panel(page);
    await expect(details.getByRole("heading", { name: "Deploy / DeployToFleet" })).toBeVisible();
    await expect(details).toContainText("3 of 5 instances succeeded, 1 failed, 1 skipped");
    await expect(details.getByRole("link", { name: "Artifact Src in the S3 console" })).toHaveAttribute("href", /^https:\/\/eu-west-1\.console/);
    // Closing goes back where the reader came from, reload or not.
    await details.getByRole("button", { name: "Close the details" }).click();
    await expect(page).toHaveURL(/\/sources\/prod-eu\/pipelines\/fleet-prod$/);
    // Opened by a link from elsewhere (a chat message), it closes onto its execution page, in the same source.
    await page.goto(detailsUrl);
    await panel(page).getByRole("button", { name: "Close the details" }).click();
    await expect(page).toHaveURL(/\/sources\/prod-eu\/pipelines\/fleet-prod\/executions\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("table", { name: "Action timeline" })).toBeVisible();
  });
});

import AxeBuilder from "@axe-core/playwright";
import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
} from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import { configFor, e2eConfig, expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/**
 * Every release control end to end: the UI drives the emulator, the emulator's state is checked
 * through the SDK (not through the page), and the page must show the result.
 */

/** This worker's emulator through the SDK (the worker-scoped `sdk` fixture), for the helpers below. */
let sdk: CodePipelineClient;
test.beforeAll(({ sdk: workerSdk }) => {
  sdk = workerSdk;
});
const stateOf = async (name: string) => sdk.send(new GetPipelineStateCommand({ name }));
const stageState = async (name: string, stage: string) => (await stateOf(name)).stageStates?.find((s) => s.stageName === stage);
const executions = async (name: string) =>
  (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries ?? [];

const graph = (page: Page) => page.getByRole("region", { name: /stages and actions/ });
const stage = (page: Page, name: string) => graph(page).getByRole("region", { name: `Stage ${name}` });
const action = (page: Page, name: string) => graph(page).getByRole("article", { name: new RegExp(`^Action ${name}:`) });

test("disable a transition with a checked reason, then enable it", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("ctl-transition")));
  await emulator.advance(200);
  await page.goto("/pipelines/ctl-transition");
  await page.getByRole("button", { name: "Disable transition into Deploy" }).click();
  const dialog = page.getByRole("dialog", { name: "Disable the transition into Deploy" });
  await dialog.getByLabel("Reason (required)").fill("Freeze, until Monday: QA");
  await dialog.getByRole("button", { name: "Disable transition" }).click();
  await expect(dialog.getByText(/Not allowed by CodePipeline: “,” “:”/)).toBeVisible();
  expect((await stageState("ctl-transition", "Deploy"))?.inboundTransitionState?.enabled).toBe(true);

  await dialog.getByLabel("Reason (required)").fill("Freeze until Monday (QA)");
  await dialog.getByRole("button", { name: "Disable transition" }).click();
  await expect(dialog).toBeHidden();
  await expect(stage(page, "Deploy")).toContainText("Inbound disabled: Freeze until Monday (QA)");
  const disabled = (await stageState("ctl-transition", "Deploy"))?.inboundTransitionState;
  expect(disabled).toMatchObject({ enabled: false, disabledReason: "Freeze until Monday (QA)" });

  await page.getByRole("button", { name: "Enable transition into Deploy" }).click();
  await page.getByRole("dialog", { name: "Enable the transition into Deploy" }).getByRole("button", { name: "Enable transition" }).click();
  await expect(stage(page, "Deploy")).toContainText("Inbound enabled");
  expect((await stageState("ctl-transition", "Deploy"))?.inboundTransitionState?.enabled).toBe(true);
});

test("retry a failed stage: failed actions only", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("ctl-retry", { buildFailsOnRuns: [1], buildError: "Unit tests failed" })));
  await emulator.advance(200);
  await page.goto("/pipelines/ctl-retry");
  await expect(action(page, "Compile")).toContainText("Unit tests failed");
  // a succeeded stage offers no retry
  await expect(page.getByRole("button", { name: "Retry stage Source" })).toHaveCount(0);
  await page.getByRole("button", { name: "Retry stage Build" }).click();
  const dialog = page.getByRole("dialog", { name: "Retry stage Build" });
  await expect(dialog.getByRole("radio", { name: /Retry failed actions/ })).toBeChecked();
  await dialog.getByRole("button", { name: "Retry", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(action(page, "Compile")).toContainText("In progress");
  expect((await stageState("ctl-retry", "Build"))?.latestExecution?.status).toBe("InProgress");
  await emulator.advance(200);
  await expect(action(page, "Compile")).toContainText("Succeeded");
});

test("a retry whose answer is lost is checked, not sent twice: the dialog says it happened", async ({ page, emulator }, testInfo) => {
  await emulator.loadScenario(scenario(pipeline("ctl-retry-lost", { buildFailsOnRuns: [1], buildError: "Unit tests failed" })));
  await emulator.advance(200);
  await page.goto("/pipelines/ctl-retry-lost");
  await expect(action(page, "Compile")).toContainText("Unit tests failed");
  // The first RetryStageExecution reaches CodePipeline, which retries the stage, but its answer is lost.
  // The SDK sends it again and is refused (the stage is no longer failed): the dialog must not ask to retry.
  let sent = 0;
  await page.route(`${emulator.url}/`, async (route) => {
    if (route.request().headers()["x-amz-target"] !== "CodePipeline_20150709.RetryStageExecution") return route.continue();
    sent++;
    const response = await route.fetch();
    if (sent > 1) return route.fulfill({ response });
    return route.fulfill({ status: 500, contentType: "application/x-amz-json-1.1", json: { __type: "InternalFailure", message: "lost" } });
  });
  await page.getByRole("button", { name: "Retry stage Build" }).click();
  const dialog = page.getByRole("dialog", { name: "Retry stage Build" });
  await dialog.getByRole("button", { name: "Retry", exact: true }).click();
  await expect(dialog.getByRole("status")).toContainText("It did happen: stage Build is running again.");
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Retry", exact: true })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("retry-lost-answer.png") });
  // Enter in the open dialog sends nothing more.
  await dialog.getByRole("button", { name: "Close" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  expect((await stageState("ctl-retry-lost", "Build"))?.latestExecution?.status).toBe("InProgress");
  await expect(action(page, "Compile")).toContainText("In progress");
  await emulator.advance(200);
  await expect(action(page, "Compile")).toContainText("Succeeded");
  // One retry ran: the failed run and the retried one, nothing more.
  const runs = await sdk.send(new ListActionExecutionsCommand({ pipelineName: "ctl-retry-lost" }));
  expect(runs.actionExecutionDetails?.filter((d) => d.actionName === "Compile")).toHaveLength(2);
});

test("a transition change that failed and did not happen says so and can be sent again", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("ctl-transition-lost")));
  await emulator.advance(200);
  await page.goto("/pipelines/ctl-transition-lost");
  // Every DisableStageTransition fails with a server error before reaching CodePipeline.
  let failing = true;
  await page.route(`${emulator.url}/`, async (route) => {
    if (!failing || route.request().headers()["x-amz-target"] !== "CodePipeline_20150709.DisableStageTransition") return route.continue();
    return route.fulfill({ status: 500, contentType: "application/x-amz-json-1.1", json: { __type: "InternalFailure", message: "try later" } });
  });
  await page.getByRole("button", { name: "Disable transition into Deploy" }).click();
  const dialog = page.getByRole("dialog", { name: "Disable the transition into Deploy" });
  await dialog.getByLabel("Reason (required)").fill("Freeze");
  await dialog.getByRole("button", { name: "Disable transition" }).click();
  await expect(dialog.getByRole("alert")).toContainText("A fresh read of the pipeline shows it did not happen; you can try again.");
  expect((await stageState("ctl-transition-lost", "Deploy"))?.inboundTransitionState?.enabled).toBe(true);
  failing = false;
  await dialog.getByRole("button", { name: "Disable transition" }).click();
  await expect(dialog).toBeHidden();
  await expect(stage(page, "Deploy")).toContainText("Inbound disabled: Freeze");
});

test("a control sends once however often it is clicked or submitted while in flight", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("ctl-stop-once", { buildSeconds: 600 })));
  await emulator.advance(30);
  await page.goto("/pipelines/ctl-stop-once");
  await expect(action(page, "Compile")).toContainText("In progress");
  let stops = 0;
  page.on("request", (request) => {
    if (request.headers()["x-amz-target"] === "CodePipeline_20150709.StopPipelineExecution") stops++;
  });
  // Slow answers keep the call in flight while the user insists.
  await emulator.faults({ latencyMs: 1500 });
  await page.getByRole("button", { name: "Stop execution…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Stop execution .* of ctl-stop-once$/ });
  await dialog.getByLabel("Reason (optional)").fill("Wrong branch");
  await dialog.getByRole("button", { name: "Stop and wait" }).dblclick();
  await dialog.getByLabel("Reason (optional)").press("Enter");
  await expect(dialog).toBeHidden();
  await emulator.faults({ latencyMs: 0 });
  expect(stops).toBe(1);
  await expect.poll(async () => (await executions("ctl-stop-once"))[0].status).toBe("Stopping");
});

test("release change with variables pre-filled from defaults, one execution per double click", async ({ page, emulator }) => {
  const p = pipeline("ctl-start", { timeline: [] });
  p.declaration.variables = [
    { name: "Env", defaultValue: "staging", description: "Target environment" },
    { name: "Flag", defaultValue: "on" },
  ];
  await emulator.loadScenario(scenario(p));
  await page.goto("/pipelines/ctl-start");
  await page.getByRole("button", { name: "Release change…" }).click();
  const dialog = page.getByRole("dialog", { name: "Release change in ctl-start" });
  await expect(dialog.getByLabel("Env")).toHaveValue("staging");
  await expect(dialog.getByLabel("Flag")).toHaveValue("on");
  await dialog.getByLabel("Env").fill("production");
  await dialog.getByRole("button", { name: "Release change" }).dblclick();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await executions("ctl-start")).length).toBe(1);
  const id = (await executions("ctl-start"))[0].pipelineExecutionId;
  const execution = (await sdk.send(new GetPipelineExecutionCommand({ pipelineName: "ctl-start", pipelineExecutionId: id }))).pipelineExecution;
  expect(execution?.variables).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Env", resolvedValue: "production" })]));
  await expect(stage(page, "Source")).toContainText(/In progress|Succeeded/);
  expect((await executions("ctl-start")).length).toBe(1);
});

test("release change with a source revision override: the new execution builds that commit", async ({ page, emulator }) => {
  const commit = "0123456789abcdef0123456789abcdef01234567";
  await emulator.loadScenario(scenario(pipeline("ctl-override-rev", { timeline: [] })));
  await page.goto("/pipelines/ctl-override-rev");
  await page.getByRole("button", { name: "Release change…" }).click();
  const dialog = page.getByRole("dialog", { name: "Release change in ctl-override-rev" });
  await expect(dialog.getByLabel("Revision type for Source")).toHaveValue("COMMIT_ID");
  await dialog.getByLabel("Revision for Source").fill(commit);
  await dialog.getByRole("button", { name: "Release change" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await executions("ctl-override-rev")).length).toBe(1);
  await emulator.advance(10);

  // As a user sees it: the source action shows the chosen commit, linked to it.
  await expect(action(page, "Source")).toContainText("Succeeded");
  await expect(action(page, "Source").getByRole("link", { name: "Revision 0123456 of Source" })).toHaveAttribute("href", new RegExp(`/commit/${commit}$`));
  const [started] = await executions("ctl-override-rev");
  expect(started.sourceRevisions?.[0].revisionId).toBe(commit);
  // …and so does the history.
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByRole("table", { name: "Execution history of ctl-override-rev" }).getByRole("row").nth(1)).toContainText("0123456");
});

test("PARALLEL mode: pick which running execution the graph shows", async ({ page, emulator }) => {
  await emulator.loadScenario(
    scenario(
      pipeline("ctl-parallel", {
        withApproval: true,
        executionMode: "PARALLEL",
        timeline: [
          { at: 0, type: "start" },
          { at: 100, type: "start" },
        ],
      }),
    ),
  );
  // The first execution waits at the approval since 65 s; the second builds since 105 s.
  await emulator.advance(120);
  const [second, first] = await executions("ctl-parallel");
  expect([second.status, first.status]).toEqual(["InProgress", "InProgress"]);
  await page.goto("/pipelines/ctl-parallel");
  await expect(page.getByText("Execution mode:")).toContainText("PARALLEL");
  await expect(page.getByText("2 running")).toBeVisible();
  const picker = page.getByLabel("Execution shown");

  await picker.selectOption(first.pipelineExecutionId!);
  await expect(page).toHaveURL(new RegExp(`execution=${first.pipelineExecutionId}`));
  await expect(action(page, "Compile")).toContainText("Succeeded");
  await expect(action(page, "Review")).toContainText("In progress");
  await expect(stage(page, "Approve")).toContainText(first.pipelineExecutionId!.slice(0, 8));

  await picker.selectOption(second.pipelineExecutionId!);
  await expect(action(page, "Compile")).toContainText("In progress");
  await expect(action(page, "Review")).toContainText("Not run");
  await expect(stage(page, "Build")).toContainText(second.pipelineExecutionId!.slice(0, 8));

  // The choice is in the URL, so it survives a reload.
  await page.reload();
  await expect(picker).toHaveValue(second.pipelineExecutionId!);
  await expect(action(page, "Compile")).toContainText("In progress");
});

test("stop and wait, then escalate to abandon", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("ctl-stop", { buildSeconds: 600 })));
  await emulator.advance(30);
  await page.goto("/pipelines/ctl-stop");
  await expect(action(page, "Compile")).toContainText("In progress");
  await page.getByRole("button", { name: "Stop execution…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Stop execution .* of ctl-stop$/ });
  await dialog.getByRole("radio", { name: /Stop and wait/ }).check();
  await dialog.getByLabel("Reason (optional)").fill("Bad config");
  await dialog.getByRole("button", { name: "Stop and wait" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await executions("ctl-stop"))[0].status).toBe("Stopping");

  await page.getByRole("button", { name: "Abandon execution…" }).click();
  const abandon = page.getByRole("dialog", { name: /^Abandon execution .* of ctl-stop$/ });
  await expect(abandon.getByRole("radio", { name: /Stop and wait/ })).toBeDisabled();
  await abandon.getByRole("button", { name: "Stop and abandon" }).click();
  await expect(abandon).toBeHidden();
  await emulator.advance(5);
  await expect.poll(async () => (await executions("ctl-stop"))[0].status).toBe("Stopped");
  expect((await executions("ctl-stop"))[0].stopTrigger?.reason).toBe("Bad config");
  await expect(action(page, "Compile")).toContainText("Abandoned");
  await expect(page.getByRole("button", { name: /Stop execution|Abandon execution/ })).toHaveCount(0);
});

test("roll back a stage to an earlier execution that succeeded in it", async ({ page, emulator }) => {
  await emulator.loadScenario(
    scenario(
      pipeline("ctl-rollback", {
        executionMode: "QUEUED",
        timeline: [
          { at: 0, type: "start" },
          { at: 200, type: "start" },
        ],
      }),
    ),
  );
  await emulator.advance(500);
  const [newest, oldest] = await executions("ctl-rollback");
  expect([newest.status, oldest.status]).toEqual(["Succeeded", "Succeeded"]);
  await page.goto("/pipelines/ctl-rollback");
  await expect(page.getByRole("button", { name: "Roll back stage Source" })).toHaveCount(0);
  await page.getByRole("button", { name: "Roll back stage Deploy" }).click();
  const dialog = page.getByRole("dialog", { name: "Roll back stage Deploy" });
  await dialog.getByRole("radio", { name: new RegExp(oldest.pipelineExecutionId!) }).check();
  await dialog.getByRole("button", { name: "Roll back" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await executions("ctl-rollback"))[0].executionType).toBe("ROLLBACK");
  const rollback = (await executions("ctl-rollback"))[0];
  expect(rollback.rollbackMetadata?.rollbackTargetPipelineExecutionId).toBe(oldest.pipelineExecutionId);
  await expect(stage(page, "Deploy")).toContainText("Rollback");
});

test("override a stage's entry condition for the running execution", async ({ page, emulator }) => {
  const p = pipeline("ctl-override");
  p.declaration.stages![2].beforeEntry = {
    conditions: [{ result: "FAIL", rules: [{ name: "NoAlarm", ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" }, configuration: { AlarmName: "prod-errors" } }] }],
  };
  p.conditions = { "Deploy.beforeEntry": { durationSeconds: 3600 } };
  await emulator.loadScenario(scenario(p));
  await emulator.advance(120);
  expect((await stageState("ctl-override", "Deploy"))?.beforeEntryConditionState?.latestExecution?.status).toBe("InProgress");
  await page.goto("/pipelines/ctl-override");
  await expect(stage(page, "Deploy")).toContainText("Entry condition:");
  await stage(page, "Deploy").getByRole("button", { name: "Override" }).click();
  const dialog = page.getByRole("dialog", { name: "Override the entry condition of Deploy" });
  await dialog.getByRole("button", { name: "Override condition" }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => (await stageState("ctl-override", "Deploy"))?.beforeEntryConditionState?.latestExecution?.status)
    .toBe("Overridden");
  await expect(stage(page, "Deploy")).toContainText("Overridden");
});

test("approve an approval in place, after a confirmation naming the execution", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("ctl-approve", { withApproval: true })));
  await emulator.advance(200);
  const [waiting] = await executions("ctl-approve");
  await page.goto("/pipelines/ctl-approve");
  await page.getByRole("button", { name: "Review approval Review" }).click();
  const dialog = page.getByRole("dialog", { name: "Review approval Review in Approve" });
  await expect(dialog).toContainText(waiting.pipelineExecutionId!);
  await dialog.getByLabel(/Comment/).fill("Looks good");
  // The graph behind is checked in pipeline.spec; here only what this control adds.
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);
  await dialog.getByRole("button", { name: "Approve…" }).click();
  const confirm = page.getByRole("dialog", { name: "Approve Review in ctl-approve?" });
  await expect(confirm).toContainText(waiting.pipelineExecutionId!);
  await expect(confirm).toContainText("Change for ctl-approve");
  await page.screenshot({ path: test.info().outputPath("review-approval-confirm.png") });
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);
  await confirm.getByRole("button", { name: "Confirm approval" }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog).toBeHidden();
  await expect(action(page, "Review")).toContainText("Succeeded");
  const review = (await stageState("ctl-approve", "Approve"))?.actionStates?.[0].latestExecution;
  expect(review?.status).toBe("Succeeded");
  expect(review?.summary).toBe("Looks good");
});

test("reject an approval in place: a comment is required", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("ctl-reject", { withApproval: true })));
  await emulator.advance(200);
  await page.goto("/pipelines/ctl-reject");
  await page.getByRole("button", { name: "Review approval Review" }).click();
  const dialog = page.getByRole("dialog", { name: "Review approval Review in Approve" });
  await dialog.getByRole("button", { name: "Reject…" }).click();
  await expect(dialog.getByText("A comment is required to reject")).toBeVisible();
  await dialog.getByLabel(/Comment/).fill("Breaks the footer");
  await dialog.getByRole("button", { name: "Reject…" }).click();
  await page.getByRole("dialog", { name: "Reject Review in ctl-reject?" }).getByRole("button", { name: "Confirm rejection" }).click();
  await expect(dialog).toBeHidden();
  await expect(action(page, "Review")).toContainText("Failed");
  expect((await stageState("ctl-reject", "Approve"))?.latestExecution?.status).toBe("Failed");
  expect((await stageState("ctl-reject", "Approve"))?.actionStates?.[0].latestExecution?.summary).toBe("Breaks the footer");
});

test.describe("with read-only credentials", () => {
  test.use({ config: configFor((url) => ({ ...e2eConfig(url), credentials: { type: "static", accessKeyId: "readonly", secretAccessKey: "readonly" } })) });

  test("a control explains that the role is read-only", async ({ page, emulator }) => {
    await emulator.loadScenario(scenario(pipeline("ctl-readonly")));
    await emulator.advance(200);
    await page.goto("/pipelines/ctl-readonly");
    await page.getByRole("button", { name: "Disable transition into Deploy" }).click();
    const dialog = page.getByRole("dialog", { name: "Disable the transition into Deploy" });
    await dialog.getByLabel("Reason (required)").fill("Freeze");
    await dialog.getByRole("button", { name: "Disable transition" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Your credentials are read-only");
    await expect(dialog.getByRole("alert")).toContainText("AccessDeniedException");
    expect((await stageState("ctl-readonly", "Deploy"))?.inboundTransitionState?.enabled).toBe(true);
  });
});

test.describe("with readOnly in config.json", () => {
  test.use({ config: configFor((url) => ({ ...e2eConfig(url), readOnly: true })) });

  test("no control is offered, on the pipeline page or in the approvals inbox", async ({ page, emulator }) => {
    await emulator.loadScenario(scenario(pipeline("ctl-watch-only", { withApproval: true })));
    await emulator.advance(200);
    await page.goto("/pipelines/ctl-watch-only");
    await expect(stage(page, "Deploy")).toBeVisible();
    await expect(page.getByRole("button", { name: /Disable transition|Release change|Stop|Retry/ })).toHaveCount(0);
    await page.goto("/approvals");
    await expect(page.getByText("ctl-watch-only").first()).toBeVisible();
    await expect(page.getByRole("button", { name: /Approve|Reject/ })).toHaveCount(0);
  });
});

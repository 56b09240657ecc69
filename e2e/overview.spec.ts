import { CodePipelineClient, GetPipelineStateCommand, ListPipelineExecutionsCommand, ListPipelinesCommand } from "@aws-sdk/client-codepipeline";
import { expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/** This worker's emulator through the SDK (the worker-scoped `sdk` fixture), for the helpers below. */
let sdk: CodePipelineClient;
test.beforeAll(({ sdk: workerSdk }) => {
  sdk = workerSdk;
});

/** What the API says, in the words the overview uses; independent of the app's own roll-up code. */
async function expectedLabel(name: string): Promise<string> {
  const [executions, state] = await Promise.all([
    sdk.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 1 })),
    sdk.send(new GetPipelineStateCommand({ name })),
  ]);
  const status = executions.pipelineExecutionSummaries?.[0]?.status;
  const approvalPending = state.stageStates?.some((s) => s.actionStates?.some((a) => a.latestExecution?.status === "InProgress" && a.latestExecution.token));
  if (status === "Failed") return "Failed";
  if (approvalPending) return "Waiting for approval";
  const labels: Record<string, string> = {
    InProgress: "In progress",
    Stopping: "Stopping",
    Stopped: "Stopped",
    Succeeded: "Succeeded",
    Superseded: "Superseded",
    Cancelled: "Cancelled",
  };
  return status ? labels[status] : "No executions";
}

test("lists every demo pipeline with the status the API reports", async ({ page, emulator, overview }) => {
  await emulator.loadDemo();
  const names = (await sdk.send(new ListPipelinesCommand({}))).pipelines!.map((p) => p.name!);
  expect(names.length).toBeGreaterThan(5);
  await page.setViewportSize({ width: 1440, height: 3000 });
  await overview.goto();
  await expect(overview.counter("Total")).toHaveText(`${names.length} Total`);
  for (const name of names) {
    await expect(overview.row(name), name).toContainText(await expectedLabel(name));
  }
});

test("a status change in the emulator appears without a reload", async ({ emulator, overview }) => {
  await emulator.loadScenario(scenario(pipeline("checkout", { buildSeconds: 60 }), pipeline("ledger", { buildFailsOnRuns: [1], buildError: "tsc: 3 errors in src/ledger.ts" })));
  await overview.goto();
  await expect(overview.row("checkout")).toContainText("In progress");
  await expect(overview.row("checkout")).toContainText("in Source");
  await emulator.advance(30);
  await expect(overview.row("checkout")).toContainText("in Build");
  await emulator.advance(120);
  await expect(overview.row("checkout")).toContainText("Succeeded");
  await expect(overview.row("ledger")).toContainText("Failed");
  await expect(overview.row("ledger")).toContainText("at Build › Compile");
  await expect(overview.row("ledger")).toContainText("tsc: 3 errors in src/ledger.ts");
  await expect(overview.counter("Failing")).toHaveText("1 Failing");
});

test("shows the revision, waiting-for-approval and disabled-transition markers", async ({ emulator, overview }) => {
  await emulator.loadScenario(
    scenario(
      pipeline("gated", { withApproval: true, commits: [{ message: "Add invoice export\n\nLong body", author: "Grace Hopper" }] }),
      pipeline("frozen", { timeline: [{ at: -1, type: "disableTransition", stageName: "Deploy", reason: "Release freeze" }, { at: 0, type: "start" }] }),
    ),
  );
  await emulator.advance(120);
  await overview.goto();
  const gated = overview.row("gated");
  await expect(gated).toContainText("Waiting for approval");
  await expect(gated).toContainText("in Approve › Review");
  await expect(gated).toContainText("Add invoice export");
  await expect(gated).not.toContainText("Long body");
  await expect(overview.counter("Waiting for approval")).toHaveText("1 Waiting for approval");
  const frozen = overview.row("frozen");
  await expect(frozen).toContainText("Transition to Deploy disabled");
  await expect(frozen).toContainText("waiting to enter Deploy");
});

test("hostile strings from pipeline data render as inert text", async ({ page, emulator, overview }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await emulator.loadScenario(
    scenario(
      pipeline("hostile", {
        commits: [{ message: '<img src=x onerror="alert(1)"> pwned', author: "<script>alert(2)</script>" }],
        revisionUrlTemplate: "javascript:alert(3)//{commitId}",
      }),
    ),
  );
  await emulator.advance(10);
  await overview.goto();
  await expect(overview.row("hostile")).toContainText('<img src=x onerror="alert(1)"> pwned');
  await expect(overview.row("hostile").locator("img")).toHaveCount(0);
  await expect(overview.row("hostile").locator('a[href^="javascript"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("each row links to the pipeline's page", async ({ page, emulator, overview }) => {
  await emulator.loadScenario(scenario(pipeline("release-train")));
  await overview.goto();
  await overview.row("release-train").getByRole("link", { name: "release-train", exact: true }).click();
  await expect(page).toHaveURL(/\/pipelines\/release-train$/);
  await expect(page.getByRole("heading", { name: "release-train" })).toBeVisible();
});

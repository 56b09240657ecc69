import AxeBuilder from "@axe-core/playwright";
import { GetPipelineStateCommand, PutApprovalResultCommand } from "@aws-sdk/client-codepipeline";
import type { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import { configFor, e2eConfig, expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/**
 * An approval as a reviewer sees it while it waits and once it is decided: the context it is decided on (the
 * same in the inbox and on the pipeline page), how fresh it is, and who decided it when someone else did.
 */

/** Where screenshots go: SCREENSHOT_DIR when set (for reviewing), else the test's output folder. */
function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  return page.screenshot({ path: dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`) });
}

/** checkout waits at Approve › Review after 70 s; its message and link use the build's exported BUILD_ID. */
function reviewWorld() {
  const app = pipeline("checkout", { withApproval: true, commits: [{ message: "Add express checkout\n\nBody", author: "Grace Hopper" }] });
  app.declaration.stages![1].actions![0].namespace = "BuildVariables";
  app.actions!["Build.Compile"].outputVariables = { BUILD_ID: "b-{BuildNumber}" };
  app.declaration.stages!.find((s) => s.name === "Approve")!.actions![0].configuration = {
    CustomData: "Build #{BuildVariables.BUILD_ID} is on staging: check the express checkout first.",
    ExternalEntityLink: "https://staging.example.com/builds/#{BuildVariables.BUILD_ID}",
  };
  return scenario(app);
}

const card = (page: Page) => page.getByRole("article").filter({ has: page.getByRole("heading", { name: /^checkout ›/ }) });

async function waitingToken(sdk: CodePipelineClient) {
  const state = await sdk.send(new GetPipelineStateCommand({ name: "checkout" }));
  const stage = state.stageStates!.find((s) => s.stageName === "Approve")!;
  return { token: stage.actionStates![0].latestExecution!.token!, executionId: stage.latestExecution!.pipelineExecutionId! };
}

async function decideElsewhere(sdk: CodePipelineClient, status: "Approved" | "Rejected", summary: string) {
  const { token } = await waitingToken(sdk);
  await sdk.send(new PutApprovalResultCommand({ pipelineName: "checkout", stageName: "Approve", actionName: "Review", token, result: { status, summary } }));
  const state = await sdk.send(new GetPipelineStateCommand({ name: "checkout" }));
  return state.stageStates!.find((s) => s.stageName === "Approve")!.actionStates![0].latestExecution!;
}

/** `arn:…:user/ci` → `ci`, as the app shortens who decided. */
const shortPrincipal = (arn: string) => /:(?:assumed-role|user|role)\/(.+)$/.exec(arn)?.[1] ?? arn;

test("the approval's message and review link are shown resolved, the same in the inbox and on the pipeline page", async ({ page, emulator }) => {
  await emulator.loadScenario(reviewWorld());
  await emulator.advance(70);
  await page.goto("/approvals");
  const item = card(page);
  await expect(item).toContainText("Build b-1 is on staging: check the express checkout first.");
  await expect(item.getByRole("link", { name: "https://staging.example.com/builds/b-1" })).toHaveAttribute("href", "https://staging.example.com/builds/b-1");
  await expect(item).not.toContainText("#{");
  await expect(item).toContainText("Add express checkout");
  await expect(item).toContainText("a manual start");

  await page.goto("/pipelines/checkout");
  await page.getByRole("button", { name: "Review approval Review" }).click();
  const dialog = page.getByRole("dialog", { name: "Review approval Review in Approve" });
  await expect(dialog).toContainText("Build b-1 is on staging: check the express checkout first.");
  await expect(dialog.getByRole("link", { name: "https://staging.example.com/builds/b-1" })).toBeVisible();
  await expect(dialog).toContainText("Add express checkout");
  await expect(dialog).toContainText("a manual start");
  await expect(dialog).toContainText(/left/);
  await shot(page, "review-dialog-context");
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);
});

test.describe("with a slow idle cadence", () => {
  // Idle reads every 30 s, active ones every 2 s: the inbox must use the active one for what waits on screen.
  test.use({ config: configFor((url) => ({ ...e2eConfig(url), polling: { activeSeconds: 2, idleSeconds: 30, listSeconds: 60, offscreenSeconds: 300, maxConcurrentRequests: 4 } })) });

  test("a waiting approval on screen is re-read every activeSeconds", async ({ page, emulator }) => {
    await emulator.loadScenario(reviewWorld());
    await emulator.advance(70);
    const reads: number[] = [];
    page.on("request", (request) => {
      if (request.headers()["x-amz-target"] !== "CodePipeline_20150709.GetPipelineState") return;
      if ((request.postDataJSON() as { name?: string }).name === "checkout") reads.push(Date.now());
    });
    await page.goto("/approvals");
    await expect(card(page).getByRole("button", { name: "Approve…" })).toBeVisible();
    const from = reads.length;
    await expect.poll(() => reads.length - from, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    const gaps = reads.slice(from).map((t, i, all) => (i === 0 ? 0 : t - all[i - 1])).slice(1);
    test.info().annotations.push({ type: "GetPipelineState gaps (ms)", description: gaps.join(", ") });
    // Every 2 s, with the limiter's and the machine's jitter; never the 30 s idle cadence.
    for (const gap of gaps) expect(gap).toBeLessThan(4_500);
  });
});

test("an approval decided elsewhere says who decided and how, and offers no decision any more", async ({ page, emulator, sdk }) => {
  await emulator.loadScenario(reviewWorld());
  await emulator.advance(70);
  await page.goto("/approvals");
  const item = card(page);
  await expect(item.getByRole("button", { name: "Approve…" })).toBeVisible();

  const decided = await decideElsewhere(sdk, "Approved", "Checked on staging, ship it");
  await expect(item).toContainText("No longer waiting");
  const outcome = item.getByRole("status").filter({ hasText: "Approved by" });
  await expect(outcome).toContainText(`Approved by ${shortPrincipal(decided.lastUpdatedBy!)}`);
  await expect(outcome).toContainText("“Checked on staging, ship it”");
  await expect(item.getByRole("button", { name: "Approve…" })).toHaveCount(0);
  await expect(item.getByRole("button", { name: "Reject…" })).toHaveCount(0);
  await expect(item.getByLabel(/Comment/)).toHaveCount(0);
  // The context it was decided on stays, as it was last shown.
  await expect(item).toContainText("Build b-1 is on staging: check the express checkout first.");
  await shot(page, "approval-decided-elsewhere");
  expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);
});

test("the pipeline page's Review dialog turns into the outcome when the approval is rejected elsewhere", async ({ page, emulator, sdk }) => {
  await emulator.loadScenario(reviewWorld());
  await emulator.advance(70);
  await page.goto("/pipelines/checkout");
  await page.getByRole("button", { name: "Review approval Review" }).click();
  const dialog = page.getByRole("dialog", { name: "Review approval Review in Approve" });
  await expect(dialog.getByRole("button", { name: "Approve…" })).toBeVisible();

  const decided = await decideElsewhere(sdk, "Rejected", "Blocked by incident INC-42");
  await expect(dialog.getByRole("status").filter({ hasText: "Rejected by" })).toContainText(
    `Rejected by ${shortPrincipal(decided.lastUpdatedBy!)}`,
  );
  await expect(dialog).toContainText("“Blocked by incident INC-42”");
  await expect(dialog.getByRole("button", { name: "Approve…" })).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Reject…" })).toHaveCount(0);
});

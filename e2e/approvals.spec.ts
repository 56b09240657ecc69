import AxeBuilder from "@axe-core/playwright";
import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  PutApprovalResultCommand,
  type GetPipelineStateOutput,
} from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import { configFor, expect, signInConfig, signInThroughEmulator, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/** The test's own SDK client ("a decision made elsewhere"), with the emulator's built-in full-access keys. */
/** This worker's emulator through the SDK (the worker-scoped `sdk` fixture), for the helpers below. */
let sdk: CodePipelineClient;
test.beforeAll(({ sdk: workerSdk }) => {
  sdk = workerSdk;
});

type Waiting = { pipelineName: string; stageName: string; actionName: string; executionId: string; token: string };

/** Every approval the API says is waiting, independent of the app's own code. */
async function waitingApprovals(): Promise<Waiting[]> {
  const names = (await sdk.send(new ListPipelinesCommand({}))).pipelines!.map((p) => p.name!);
  const states = await Promise.all(names.map((name) => sdk.send(new GetPipelineStateCommand({ name }))));
  return states.flatMap((state: GetPipelineStateOutput) =>
    state.stageStates!.flatMap((stage) =>
      (stage.actionStates ?? [])
        .filter((a) => a.latestExecution?.status === "InProgress" && a.latestExecution.token)
        .map((a) => ({
          pipelineName: state.pipelineName!,
          stageName: stage.stageName!,
          actionName: a.actionName!,
          executionId: stage.latestExecution!.pipelineExecutionId!,
          token: a.latestExecution!.token!,
        })),
    ),
  );
}

async function stageStatus(name: string, stageName: string) {
  const state = await sdk.send(new GetPipelineStateCommand({ name }));
  return state.stageStates!.find((s) => s.stageName === stageName)?.latestExecution?.status;
}

/** One pipeline whose approval waits after 70 s of emulator time; `timeoutInMinutes` when given. */
function approvalWorld(timeoutInMinutes?: number, ...extra: ReturnType<typeof pipeline>[]) {
  const app = pipeline("checkout", { withApproval: true, commits: [{ message: "Add express checkout\n\nBody", author: "Grace Hopper" }] });
  const review = app.declaration.stages!.find((s) => s.name === "Approve")!.actions![0];
  review.configuration = { CustomData: "Check the express checkout on staging first.", ExternalEntityLink: "https://staging.example.com/checkout" };
  if (timeoutInMinutes) review.timeoutInMinutes = timeoutInMinutes;
  return scenario(app, ...extra);
}

const card = (page: Page, pipelineName: string) => page.getByRole("article").filter({ has: page.getByRole("heading", { name: new RegExp(`^${pipelineName} ›`) }) });
const navCount = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Approvals/ });

test("the demo's waiting approvals appear with their context, soonest to expire first, and are counted", async ({ page, emulator }) => {
  await emulator.loadDemo();
  const waiting = await waitingApprovals();
  const names = waiting.map((w) => w.pipelineName);
  expect(names).toEqual(expect.arrayContaining(["web-storefront", "platform-infra"]));

  await page.goto("/approvals");
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(waiting.length);
  await expect(navCount(page)).toHaveAccessibleName(`Approvals ${waiting.length} waiting`);
  await expect(page).toHaveTitle(new RegExp(`^\\(${waiting.length}\\) `));

  // platform-infra's approval times out after 60 minutes, web-storefront's after the 7-day default.
  const headings = await page.getByRole("article").getByRole("heading").allTextContents();
  expect(headings.findIndex((h) => h.startsWith("platform-infra"))).toBeLessThan(headings.findIndex((h) => h.startsWith("web-storefront")));

  const infra = waiting.find((w) => w.pipelineName === "platform-infra")!;
  const execution = (await sdk.send(new GetPipelineExecutionCommand({ pipelineName: infra.pipelineName, pipelineExecutionId: infra.executionId }))).pipelineExecution!;
  const item = card(page, "platform-infra");
  await expect(item.getByRole("heading")).toContainText(`${infra.stageName} › ${infra.actionName}`);
  await expect(item).toContainText(infra.executionId);
  await expect(item).toContainText("Review the Terraform plan for prod-core");
  await expect(item.getByRole("link", { name: /^https:\/\// })).toHaveAttribute("href", /^https:/);
  await expect(item).toContainText(execution.artifactRevisions![0].revisionId!.slice(0, 7));
  await expect(item).toContainText(/left/);
  await expect(item.getByRole("link", { name: "Link to this approval" })).toHaveAttribute(
    "href",
    `/pipelines/platform-infra/approvals/${infra.stageName}/${infra.actionName}`,
  );

  // The deep link shows that one approval.
  await item.getByRole("link", { name: "Link to this approval" }).click();
  await expect(page).toHaveURL(/\/pipelines\/platform-infra\/approvals\//);
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("article")).toContainText(infra.executionId);
});

test("approve: the confirmation names the execution and revision, a double click sends once, the pipeline resumes", async ({ page, emulator }) => {
  await emulator.loadScenario(approvalWorld());
  await emulator.advance(70);
  const [waiting] = await waitingApprovals();
  await page.goto("/approvals");
  const item = card(page, "checkout");
  await expect(item).toContainText("Add express checkout");
  await expect(navCount(page)).toHaveAccessibleName("Approvals 1 waiting");

  await item.getByLabel(/Comment/).fill("Looks good on staging");
  await expect(item.getByText("21 / 512 characters")).toBeVisible();
  await item.getByRole("button", { name: "Approve…" }).click();
  const dialog = page.getByRole("dialog", { name: "Approve Review in checkout?" });
  await expect(dialog).toContainText(waiting.executionId);
  await expect(dialog).toContainText("Add express checkout");
  await expect(dialog).toContainText("Looks good on staging");

  await emulator.resetRequests();
  await dialog.getByRole("button", { name: "Confirm approval" }).dblclick();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "resumed and is now in Deploy" })).toBeVisible();
  expect((await emulator.requests()).byOperation.PutApprovalResult).toBe(1);
  expect(await stageStatus("checkout", "Approve")).toBe("Succeeded");
  expect(await stageStatus("checkout", "Deploy")).toBe("InProgress");

  await expect(navCount(page)).toHaveAccessibleName("Approvals 0 waiting");
  await expect(page).not.toHaveTitle(/^\(\d+\)/);
  const recent = page.getByRole("region", { name: "Recently decided" });
  await expect(recent.getByRole("row", { name: /checkout › Approve › Review/ })).toContainText("Approved");
  await expect(recent.getByRole("row", { name: /checkout › Approve › Review/ })).toContainText("Looks good on staging");
});

test("reject needs a comment, then fails the execution at the approval", async ({ page, emulator }) => {
  await emulator.loadScenario(approvalWorld());
  await emulator.advance(70);
  await page.goto("/approvals");
  const item = card(page, "checkout");
  await item.getByRole("button", { name: "Reject…" }).click();
  await expect(item.getByText("A comment is required to reject")).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(item.getByLabel(/Comment/)).toBeFocused();

  await item.getByLabel(/Comment/).fill("Checkout button overlaps the footer on mobile");
  await item.getByRole("button", { name: "Reject…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm rejection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "the execution failed at Approve" })).toBeVisible();
  expect(await stageStatus("checkout", "Approve")).toBe("Failed");
  const recent = page.getByRole("region", { name: "Recently decided" });
  await expect(recent.getByRole("row", { name: /checkout › Approve › Review/ })).toContainText("Rejected");
});

test("a decision made elsewhere after the page loaded is reported, not overwritten", async ({ page, emulator }) => {
  await emulator.loadScenario(approvalWorld());
  await emulator.advance(70);
  const [waiting] = await waitingApprovals();
  await page.goto("/approvals");
  const item = card(page, "checkout");
  await item.getByLabel(/Comment/).fill("Ship it");
  await item.getByRole("button", { name: "Approve…" }).click();

  // Meanwhile, someone rejects it from the CLI.
  await sdk.send(
    new PutApprovalResultCommand({ ...waiting, result: { status: "Rejected", summary: "Blocked by incident INC-42" } }),
  );
  await emulator.resetRequests();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm approval" }).click();
  await expect(page.getByRole("alert")).toContainText("Nothing was sent: this approval was already rejected");
  await expect(page.getByRole("alert")).toContainText("Blocked by incident INC-42");
  expect((await emulator.requests()).byOperation.PutApprovalResult ?? 0).toBe(0);
  expect(await stageStatus("checkout", "Approve")).toBe("Failed");
});

test("the countdown runs live and turns urgent near the timeout", async ({ page, emulator }) => {
  await emulator.loadScenario(approvalWorld(90));
  await emulator.advance(70);
  const clock = (await (await page.request.get(`${emulator.url}/_emulator/clock`)).json()) as { epochSeconds: number };
  const [waiting] = await waitingApprovals();
  const state = await sdk.send(new GetPipelineStateCommand({ name: "checkout" }));
  const since = state.stageStates!.find((s) => s.stageName === "Approve")!.actionStates![0].latestExecution!.lastStatusChange!;
  expect(waiting).toBeTruthy();
  // The browser's clock is the emulator's, so "time left" is measured as a reviewer would see it.
  await page.clock.install({ time: new Date(clock.epochSeconds * 1000) });
  await page.goto("/approvals");
  const item = card(page, "checkout");
  const leftAt = (now: number) => since.getTime() + 90 * 60_000 - now;
  const expected = leftAt(clock.epochSeconds * 1000);
  await expect(item.getByText(/ left$/)).toHaveText(`1 h ${Math.floor((expected % 3_600_000) / 60_000)} min left`);
  await page.clock.fastForward("01:00:00");
  await expect(item.getByText(/ min \d+ s left$/)).toBeVisible();
  await expect(item).toContainText("urgent");
  await page.clock.fastForward("00:31:00");
  await expect(item).toContainText("Timed out");
});

test("notifications fire once per new approval and per failure", async ({ page, context, emulator }) => {
  await context.grantPermissions(["notifications"]);
  await page.addInitScript(() => {
    const Original = window.Notification;
    const sent: { title: string; body?: string; tag?: string }[] = [];
    (window as unknown as { __notifications: typeof sent }).__notifications = sent;
    class Recording {
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        sent.push({ title, body: options.body, tag: options.tag });
      }
      close() {}
      static get permission() {
        return Original.permission;
      }
      static requestPermission() {
        return Original.requestPermission();
      }
    }
    window.Notification = Recording as unknown as typeof Notification;
  });
  const notifications = () => page.evaluate(() => (window as unknown as { __notifications: { title: string }[] }).__notifications.map((n) => n.title));

  await emulator.loadScenario(approvalWorld(undefined, pipeline("ledger", { buildFailsOnRuns: [1], buildError: "tsc: 3 errors" })));
  await page.goto("/approvals");
  await page.getByRole("button", { name: "Turn on notifications" }).click();
  await expect(page.getByRole("button", { name: "Notifications on" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "No approval is waiting" })).toBeVisible();

  await emulator.advance(70);
  await expect(navCount(page)).toHaveAccessibleName("Approvals 1 waiting");
  await expect.poll(notifications).toEqual(expect.arrayContaining(["Approval waiting: checkout", "Pipeline failed: ledger"]));
  // More polling rounds and another page: still one each.
  await emulator.advance(5);
  await page.getByRole("link", { name: "Pipelines" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pipelines" })).toBeVisible();
  await page.getByRole("link", { name: /Approvals/ }).click();
  await expect(card(page, "checkout")).toBeVisible();
  expect((await notifications()).sort()).toEqual(["Approval waiting: checkout", "Pipeline failed: ledger"]);
  await page.reload();
  await expect(card(page, "checkout")).toBeVisible();
  await expect(navCount(page)).toHaveAccessibleName("Approvals 1 waiting");
  expect(await notifications()).toEqual([]);
});

test("axe finds no violations in the inbox, the confirmation and the deep link, light and dark", async ({ page, emulator }) => {
  // Six full-page axe runs over the demo: slow on a busy machine, whatever the app does.
  test.setTimeout(120_000);
  await emulator.loadDemo();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/approvals");
    await expect(page.getByRole("article").first()).toContainText(/left/);
    await expect(page.getByRole("region", { name: "Recently decided" })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations, `${colorScheme} inbox`).toEqual([]);
    await page.getByRole("article").first().getByRole("button", { name: "Approve…" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations, `${colorScheme} dialog`).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByRole("article").first().getByRole("link", { name: "Link to this approval" }).click();
    await expect(page.getByRole("article")).toHaveCount(1);
    expect((await new AxeBuilder({ page }).analyze()).violations, `${colorScheme} deep link`).toEqual([]);
  }
});

/** The approval run of each execution, by execution id (PARALLEL pipelines: the state shows only one). */
async function approvalRuns(pipelineName: string) {
  const details = (await sdk.send(new ListActionExecutionsCommand({ pipelineName }))).actionExecutionDetails ?? [];
  return new Map(details.filter((d) => d.actionName === "Review").map((d) => [d.pipelineExecutionId!, d]));
}

test("PARALLEL mode: two executions wait at the same approval, approving one leaves the other waiting", async ({ page, emulator }) => {
  await emulator.loadScenario(
    scenario(
      pipeline("previews", {
        withApproval: true,
        executionMode: "PARALLEL",
        timeline: [
          { at: 0, type: "start" },
          { at: 10, type: "start" },
        ],
      }),
    ),
  );
  await emulator.advance(100);
  const [second, first] = (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: "previews" }))).pipelineExecutionSummaries!;
  const before = await approvalRuns("previews");
  expect([before.get(first.pipelineExecutionId!)?.status, before.get(second.pipelineExecutionId!)?.status]).toEqual(["InProgress", "InProgress"]);

  await page.goto("/approvals");
  const items = card(page, "previews");
  await expect(items).toHaveCount(2);
  await expect(navCount(page)).toHaveAccessibleName("Approvals 2 waiting");
  const firstItem = items.filter({ hasText: first.pipelineExecutionId! });
  const secondItem = items.filter({ hasText: second.pipelineExecutionId! });
  await expect(firstItem).toContainText("PARALLEL mode");
  await expect(secondItem).toBeVisible();

  await firstItem.getByLabel(/Comment/).fill("Preview looks right");
  await firstItem.getByRole("button", { name: "Approve…" }).click();
  const dialog = page.getByRole("dialog", { name: "Approve Review in previews?" });
  await expect(dialog).toContainText(first.pipelineExecutionId!);
  await dialog.getByRole("button", { name: "Confirm approval" }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(async () => (await approvalRuns("previews")).get(first.pipelineExecutionId!)?.status).toBe("Succeeded");
  const after = await approvalRuns("previews");
  expect(after.get(first.pipelineExecutionId!)?.output?.executionResult?.externalExecutionSummary).toBe("Preview looks right");
  expect(after.get(second.pipelineExecutionId!)?.status).toBe("InProgress");
  await expect(navCount(page)).toHaveAccessibleName("Approvals 1 waiting");
  await expect(secondItem.getByRole("button", { name: "Approve…" })).toBeEnabled();
  await expect(secondItem).not.toContainText("No longer waiting");
});

test.describe("signed in through the OpenID provider", () => {
  test.use({
    config: configFor((url) => signInConfig(url)),
  });

  test("the decision records who decided, since CodePipeline records only the role", async ({ page, emulator }) => {
    await emulator.loadScenario(approvalWorld());
    await emulator.advance(70);
    await page.goto("/approvals");
    await signInThroughEmulator(page, { username: "alice", email: "alice@example.com" });

    await page.getByRole("link", { name: /Approvals/ }).click();
    const item = card(page, "checkout");
    await expect(item.getByText(/recorded as “alice@example.com: …”/)).toBeVisible();
    await item.getByLabel(/Comment/).fill("Ship it");
    await item.getByRole("button", { name: "Approve…" }).click();
    const dialog = page.getByRole("dialog", { name: "Approve Review in checkout?" });
    await expect(dialog).toContainText("alice@example.com: Ship it");
    await dialog.getByRole("button", { name: "Confirm approval" }).click();

    await expect(page.getByRole("status").filter({ hasText: "You approved this at" })).toContainText("as alice@example.com");
    const review = (await sdk.send(new GetPipelineStateCommand({ name: "checkout" }))).stageStates!.find((st) => st.stageName === "Approve")!.actionStates![0]
      .latestExecution!;
    expect(review.summary).toBe("alice@example.com: Ship it");
    expect(review.lastUpdatedBy).toMatch(/assumed-role\/CodePipelineDashboardOperator\/alice$/);
    const row = page.getByRole("region", { name: "Recently decided" }).getByRole("row", { name: /checkout › Approve › Review/ });
    await expect(row).toContainText("CodePipelineDashboardOperator/alice");
    await expect(row).toContainText("alice@example.com: Ship it");
  });
});

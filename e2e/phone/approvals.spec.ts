import { GetPipelineStateCommand } from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { pipeline, scenario } from "../fixtures/scenarios";
import { axe, expectNoSidewaysScroll, expectOnScreen, expectThumbSized, shot } from "./phone";

/** Approving and rejecting from a phone, by tapping: the approver's case of issue 20. */

function approvalWorld() {
  return scenario(
    pipeline("checkout", { withApproval: true, commits: [{ message: "Add express checkout", author: "Grace Hopper" }] }),
    pipeline("payments", { withApproval: true, commits: [{ message: "Retry card authorisation", author: "Ada Lovelace" }] }),
  );
}

const card = (page: Page, pipelineName: string) => page.getByRole("article").filter({ has: page.getByRole("heading", { name: new RegExp(`^${pipelineName} ›`) }) });

test("approve from the deep link: one column, the buttons thumb-sized and above the keyboard, the confirmation names what is approved", async ({ page, emulator, sdk }) => {
  await emulator.loadScenario(approvalWorld());
  await emulator.advance(70);
  const state = await sdk.send(new GetPipelineStateCommand({ name: "checkout" }));
  const executionId = state.stageStates!.find((s) => s.stageName === "Approve")!.latestExecution!.pipelineExecutionId!;

  await page.goto("/pipelines/checkout/approvals/Approve/Review");
  const item = page.getByRole("article");
  await expect(item).toContainText("Add express checkout");
  await expectNoSidewaysScroll(page, "approval deep link");
  // The approvals count stays in the compact header.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Approvals/ })).toHaveAccessibleName("Approvals 2 waiting");
  await shot(page, "phone-approval-deep-link");

  const approve = item.getByRole("button", { name: "Approve…" });
  const reject = item.getByRole("button", { name: "Reject…" });
  await expectThumbSized(approve);
  await expectThumbSized(reject);

  // The on-screen keyboard takes the lower part of the screen once the comment box has focus: the box and the
  // buttons are scrolled into what is left.
  const comment = item.getByLabel(/Comment/);
  await comment.tap();
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: Math.round(viewport.height * 0.55) });
  await expect.poll(async () => (await approve.boundingBox())!.y + 44 <= (await page.evaluate(() => window.innerHeight))).toBe(true);
  await expectOnScreen(page, comment);
  await expectOnScreen(page, approve);
  await comment.fill("Looks good on staging");
  await shot(page, "phone-approval-keyboard");
  await page.setViewportSize(viewport);

  await approve.tap();
  const dialog = page.getByRole("dialog", { name: "Approve Review in checkout?" });
  await expect(dialog).toContainText("checkout");
  await expect(dialog).toContainText("Approve › Review");
  await expect(dialog).toContainText(executionId);
  await expect(dialog).toContainText("Add express checkout");
  await expect(dialog).toContainText("Looks good on staging");
  const confirm = dialog.getByRole("button", { name: "Confirm approval" });
  await expectThumbSized(confirm);
  await expectOnScreen(page, confirm);
  await shot(page, "phone-approval-confirm");
  await confirm.tap();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "resumed and is now in Deploy" })).toBeVisible();
  const after = await sdk.send(new GetPipelineStateCommand({ name: "checkout" }));
  expect(after.stageStates!.find((s) => s.stageName === "Approve")!.latestExecution!.status).toBe("Succeeded");
});

test("the deep link's card comes first: no other pipeline is read until it is on screen, the count follows", async ({ page, emulator }) => {
  const others = ["payments", "search", "catalog", "accounts", "shipping"];
  await emulator.loadScenario(
    scenario(
      pipeline("checkout", { withApproval: true, commits: [{ message: "Add express checkout", author: "Grace Hopper" }] }),
      ...others.map((name) => pipeline(name, { withApproval: true })),
    ),
  );
  await emulator.advance(70);
  // A slow link: every answer takes 2 s, so the card takes longer than a tick of the approvals sweep (5 s).
  await emulator.faults({ latencyMs: 2000 });
  // When the first card is in the DOM, on the browser's clock (the same as this process's on one machine).
  // And when the decisions below it first come into the viewport.
  await page.addInitScript(() => {
    const times = window as unknown as { cardAt: number; historySeenAt: number };
    new MutationObserver((_, observer) => {
      if (!document.querySelector("article")) return;
      times.cardAt = Date.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
    new MutationObserver((_, observer) => {
      const history = document.querySelector('section[aria-labelledby="recently-decided"]');
      if (!history) return;
      observer.disconnect();
      new IntersectionObserver(([entry], seen) => {
        if (!entry.isIntersecting) return;
        times.historySeenAt = Date.now();
        seen.disconnect();
      }).observe(history);
    }).observe(document, { childList: true, subtree: true });
  });
  const reads: { at: number; operation: string; pipeline?: string }[] = [];
  page.on("request", (request) => {
    const operation = request.headers()["x-amz-target"]?.split(".").pop();
    if (!operation?.startsWith("Get") && !operation?.startsWith("List")) return;
    const body = (request.postDataJSON() ?? {}) as { name?: string; pipelineName?: string };
    reads.push({ at: Date.now(), operation, pipeline: body.name ?? body.pipelineName });
  });

  await page.goto("/pipelines/checkout/approvals/Approve/Review");
  await expect(page.getByRole("article")).toContainText("Add express checkout", { timeout: 30_000 });
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Approvals/ })).toHaveAccessibleName("Approvals 6 waiting", { timeout: 30_000 });
  const cardAt = await page.evaluate(() => (window as unknown as { cardAt: number }).cardAt);
  const before = reads.filter((r) => r.at < cardAt && r.pipeline !== undefined);
  expect(before.map((r) => r.pipeline)).toContain("checkout");
  expect(before.filter((r) => r.pipeline !== "checkout"), "reads of other pipelines before the card").toEqual([]);
  // Its own reads in one round, each sent before any answered: state, declaration and newest runs (whose summary
  // gives the revisions and trigger), not a second round for the declaration of the state's version or the execution.
  const own = before.filter((r) => r.pipeline === "checkout");
  expect(own.map((r) => r.operation).sort()).toEqual(["GetPipeline", "GetPipelineState", "ListPipelineExecutions"]);
  expect(Math.max(...own.map((r) => r.at)) - Math.min(...own.map((r) => r.at)), "one round of 2 s answers").toBeLessThan(2000);
  await expect(page.getByRole("article")).toContainText("Triggered by");
  await expect(page.getByRole("article")).not.toContainText("Loading");
  // The count read the others afterwards.
  expect(new Set(reads.filter((r) => r.operation === "GetPipelineState").map((r) => r.pipeline))).toEqual(new Set(["checkout", ...others]));
  // The decisions below the card are read once they come into view (at once on a screen tall enough), not before.
  const recent = page.getByRole("region", { name: "Recently decided" });
  await recent.scrollIntoViewIfNeeded();
  await expect(recent).toContainText("No decisions recorded yet", { timeout: 30_000 });
  const historySeenAt = await page.evaluate(() => (window as unknown as { historySeenAt: number }).historySeenAt);
  const history = reads.filter((r) => r.operation === "ListActionExecutions" && r.pipeline === "checkout");
  expect(history).toHaveLength(1);
  expect(history[0].at).toBeGreaterThanOrEqual(historySeenAt);
});

test("reject from the inbox by tapping: a comment first, then the execution fails at the approval", async ({ page, emulator, sdk }) => {
  await emulator.loadScenario(approvalWorld());
  await emulator.advance(70);
  await page.goto("/approvals");
  const item = card(page, "payments");
  await expect(item).toContainText("Retry card authorisation");
  await expectNoSidewaysScroll(page, "approvals inbox");
  // One column: the cards stack, each as wide as the other.
  const [first, second] = await Promise.all([card(page, "checkout").boundingBox(), item.boundingBox()]);
  expect(first!.x).toBe(second!.x);
  expect(Math.abs(first!.y - second!.y)).toBeGreaterThan(0);

  await item.getByRole("button", { name: "Reject…" }).tap();
  await expect(item.getByText("A comment is required to reject")).toBeVisible();
  await item.getByLabel(/Comment/).fill("Card retries double-charge on 3-D Secure");
  await item.getByRole("button", { name: "Reject…" }).tap();
  const dialog = page.getByRole("dialog", { name: "Reject Review in payments?" });
  await expect(dialog).toContainText("Retry card authorisation");
  await dialog.getByRole("button", { name: "Confirm rejection" }).tap();
  await expect(page.getByRole("status").filter({ hasText: "the execution failed at Approve" })).toBeVisible();
  const after = await sdk.send(new GetPipelineStateCommand({ name: "payments" }));
  expect(after.stageStates!.find((s) => s.stageName === "Approve")!.latestExecution!.status).toBe("Failed");
  await shot(page, "phone-approvals-inbox");
});

test("axe finds nothing in the inbox, the confirmation and the deep link at phone size, target size included, light and dark", async ({ page, emulator }) => {
  test.setTimeout(120_000);
  await emulator.loadScenario(approvalWorld());
  await emulator.advance(70);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/approvals");
    await expect(card(page, "checkout")).toContainText("Add express checkout");
    expect((await axe(page).analyze()).violations, `${colorScheme} inbox`).toEqual([]);
    await card(page, "checkout").getByRole("button", { name: "Approve…" }).tap();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect((await axe(page).analyze()).violations, `${colorScheme} confirmation`).toEqual([]);
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).tap();
    await page.goto("/pipelines/checkout/approvals/Approve/Review");
    await expect(page.getByRole("article")).toContainText("Add express checkout");
    expect((await axe(page).analyze()).violations, `${colorScheme} deep link`).toEqual([]);
  }
});

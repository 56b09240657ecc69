import AxeBuilder from "@axe-core/playwright";
import { CodePipelineClient, GetPipelineStateCommand } from "@aws-sdk/client-codepipeline";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { Page } from "@playwright/test";
import { configFor, expect, test } from "./fixtures";
import type { EmulatorControl } from "./fixtures/emulator";
import { pipeline, scenario } from "./fixtures/scenarios";
import { multiSourceConfig, PROD_ACCOUNT, placed } from "./fixtures/sources";

test.use({ config: configFor(multiSourceConfig) });

const testKeys = { accessKeyId: "test", secretAccessKey: "test" };

/** The test's own view of an account, independent of the app: the default one with the emulator's keys, Prod through STS. */
async function client(emulatorUrl: string, account: "dev" | "prod") {
  if (account === "dev") return new CodePipelineClient({ region: "us-east-1", endpoint: emulatorUrl, credentials: testKeys });
  const sts = new STSClient({ region: "us-east-1", endpoint: emulatorUrl, credentials: testKeys });
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/CodePipelineDashboardOperator`, RoleSessionName: "e2e-check" }),
  );
  return new CodePipelineClient({
    region: "us-east-1",
    endpoint: emulatorUrl,
    credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! },
  });
}

/** The Approve stage of `checkout` in one account: its status and the execution it holds. */
async function approveStage(emulator: EmulatorControl, account: "dev" | "prod") {
  const state = await (await client(emulator.url, account)).send(new GetPipelineStateCommand({ name: "checkout" }));
  const stage = state.stageStates!.find((s) => s.stageName === "Approve")!;
  return { status: stage.latestExecution?.status, executionId: stage.latestExecution!.pipelineExecutionId! };
}

/** The same pipeline name in the default account (Dev) and in Prod, each waiting at its approval after 70 s. */
async function twoCheckouts(emulator: EmulatorControl) {
  await emulator.loadScenario(
    scenario(
      pipeline("checkout", { withApproval: true, commits: [{ message: "Dev: try the new basket", author: "Ada Lovelace" }] }),
      placed(pipeline("checkout", { withApproval: true, commits: [{ message: "Prod: ship the new basket", author: "Grace Hopper" }] }), PROD_ACCOUNT),
    ),
  );
  await emulator.advance(70);
}

const card = (page: Page, source: string) => page.getByRole("article", { name: `checkout › Approve › Review Source: ${source}` });
const navCount = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Approvals/ });

test("approvals of every source in one list, each labelled; the filter narrows it; approving Prod's acts in Prod only", async ({ page, emulator }, testInfo) => {
  await twoCheckouts(emulator);
  const dev = await approveStage(emulator, "dev");
  const prod = await approveStage(emulator, "prod");
  expect([dev.status, prod.status]).toEqual(["InProgress", "InProgress"]);
  expect(dev.executionId).not.toBe(prod.executionId);

  await page.goto("/approvals");
  const devCard = card(page, "Dev · us-east-1");
  const prodCard = card(page, "Prod · us-east-1");
  await expect(devCard).toContainText("Dev: try the new basket");
  await expect(devCard).toContainText(dev.executionId);
  await expect(prodCard).toContainText("Prod: ship the new basket");
  await expect(prodCard).toContainText(prod.executionId);
  await expect(page.getByRole("article")).toHaveCount(2);
  await expect(navCount(page)).toHaveAccessibleName("Approvals 2 waiting");
  await expect(page.getByRole("status").filter({ hasText: "approvals are waiting" })).toHaveText("2 approvals are waiting in 2 pipelines, soonest to expire first.");

  // Links go to each card's own source.
  await expect(devCard.getByRole("link", { name: "Link to this approval" })).toHaveAttribute("href", "/pipelines/checkout/approvals/Approve/Review");
  await expect(prodCard.getByRole("link", { name: "Link to this approval" })).toHaveAttribute("href", "/sources/prod/pipelines/checkout/approvals/Approve/Review");
  await expect(prodCard.getByRole("link", { name: "checkout", exact: true })).toHaveAttribute("href", "/sources/prod/pipelines/checkout");

  // The broken source says so, by name, while the others' approvals stay.
  const brokenAlert = page.getByRole("alert").filter({ hasText: "Broken · us-east-1" });
  await expect(brokenAlert).toContainText("Could not refresh the pipelines of Broken · us-east-1");
  await expect(brokenAlert).toContainText("AccessDenied");
  await expect(page.getByRole("alert")).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("approvals-sources-all.png"), fullPage: true });

  // The filter lives in the URL and survives a reload.
  const filter = page.getByRole("combobox", { name: "Source" });
  await expect(filter).toHaveValue("");
  await filter.selectOption({ label: "Prod · us-east-1" });
  await expect(page).toHaveURL(/\/approvals\?source=prod$/);
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(prodCard).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Source" })).toHaveValue("prod");
  await expect(prodCard).toContainText(prod.executionId);
  await expect(page.getByRole("article")).toHaveCount(1);
  await page.getByRole("combobox", { name: "Source" }).selectOption({ label: "Prod · eu-west-1" });
  await expect(page.getByRole("status").filter({ hasText: "No approval is waiting" })).toHaveText("No approval is waiting in Prod · eu-west-1.");
  await page.getByRole("combobox", { name: "Source" }).selectOption({ label: "All sources" });
  await expect(page).toHaveURL(/\/approvals$/);
  await expect(page.getByRole("article")).toHaveCount(2);

  // Approving the Prod card approves in account 210987654321, not in the default account.
  await prodCard.getByLabel(/Comment/).fill("Prod looks right");
  await prodCard.getByRole("button", { name: "Approve…" }).click();
  const dialog = page.getByRole("dialog", { name: "Approve Review in checkout?" });
  await expect(dialog).toContainText(prod.executionId);
  await dialog.getByRole("button", { name: "Confirm approval" }).click();
  await expect(dialog).toBeHidden();
  await expect(prodCard.getByRole("status").filter({ hasText: "You approved this" })).toBeVisible();
  await expect.poll(async () => (await approveStage(emulator, "prod")).status).toBe("Succeeded");
  expect((await approveStage(emulator, "dev")).status).toBe("InProgress");
  await expect(navCount(page)).toHaveAccessibleName("Approvals 1 waiting");
  await expect(devCard.getByRole("button", { name: "Approve…" })).toBeEnabled();
  const recent = page.getByRole("region", { name: "Recently decided" });
  await expect(recent.getByRole("row", { name: /checkout › Approve › Review Prod · us-east-1 Approved/ })).toContainText("Prod looks right");
  // Several retry rounds of the broken source later, its error is still there (not blinking back to "loading").
  await expect(brokenAlert).toContainText("Could not refresh the pipelines of Broken · us-east-1");
  await page.screenshot({ path: testInfo.outputPath("approvals-sources-approved.png"), fullPage: true });
});

test("a deep link to the Prod approval shows Prod's execution, not the same-named one in Dev", async ({ page, emulator }) => {
  await twoCheckouts(emulator);
  const dev = await approveStage(emulator, "dev");
  const prod = await approveStage(emulator, "prod");

  await page.goto("/sources/prod/pipelines/checkout/approvals/Approve/Review");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Approval Review in checkout › Approve");
  await expect(page.getByRole("article")).toHaveCount(1);
  const item = card(page, "Prod · us-east-1");
  await expect(item).toContainText(prod.executionId);
  await expect(item).not.toContainText(dev.executionId);
  await expect(item).toContainText("Prod: ship the new basket");
  await expect(page.getByRole("link", { name: "Pipeline checkout" })).toHaveAttribute("href", "/sources/prod/pipelines/checkout");

  // The same path without the prefix is Dev's.
  await page.goto("/pipelines/checkout/approvals/Approve/Review");
  await expect(card(page, "Dev · us-east-1")).toContainText(dev.executionId);
});

test("axe finds no violations in the inbox across sources, with the filter and the broken source's error", async ({ page, emulator }) => {
  await twoCheckouts(emulator);
  await page.goto("/approvals");
  await expect(card(page, "Prod · us-east-1")).toContainText("Prod: ship the new basket");
  await expect(page.getByRole("alert").filter({ hasText: "Broken · us-east-1" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { configFor, e2eConfig, expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/** Where screenshots go: SCREENSHOT_DIR when set (for reviewing), else the test's output folder. */
function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  return page.screenshot({ path: dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`) });
}

const graph = (page: Page) => page.getByRole("region", { name: /stages and actions/ });
const action = (page: Page, name: string) => graph(page).getByRole("article", { name: new RegExp(`^Action ${name}:`) });
const panel = (page: Page) => page.getByRole("dialog");
const lineCount = async (page: Page) => Number((await panel(page).getByText(/^[\d,]+ lines/).textContent())!.replace(/[^\d].*$/s, "").replace(/,/g, ""));

const FAILURE = "Unit tests failed: <b>checkout</b> <img src=x onerror=alert(1)>";

test("a failed CodeBuild action from the graph: the failed phase first, the failing line scrolled to and highlighted, markup as text", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("logs-web", { buildFailsOnRuns: [1], buildError: FAILURE, buildSeconds: 240 })));
  await emulator.advance(400);
  const dialogs: string[] = [];
  page.on("dialog", (d) => void dialogs.push(d.message()));
  await page.goto("/pipelines/logs-web");
  await expect(action(page, "Compile")).toContainText(FAILURE);
  await action(page, "Compile").getByRole("link", { name: "Run details of Compile" }).click();
  const details = panel(page);
  const phases = details.getByRole("table", { name: "Build phases" });
  await expect(phases.getByRole("row").nth(1)).toContainText("BUILD");
  await expect(phases.getByRole("row").nth(1)).toContainText("FAILED");
  await expect(phases.getByRole("row").nth(1)).toContainText("Error while executing command: npm run build. Reason: exit status 1");
  await expect(phases.getByRole("row").nth(2)).toContainText("SUBMITTED");

  const log = details.getByRole("region", { name: "Build log" });
  const failing = log.getByText(FAILURE);
  await expect(failing).toBeInViewport();
  await expect(log.locator("[aria-current=true]")).toContainText(FAILURE);
  // Hostile text stays text: no element made from it, no script run.
  await expect(log.locator("img, b")).toHaveCount(0);
  // Scrolled away and back: the button finds it again.
  await log.evaluate((el) => (el.scrollTop = 0));
  await expect(failing).not.toBeInViewport();
  await details.getByRole("button", { name: "Jump to first error" }).click();
  await expect(failing).toBeInViewport();
  // Search counts and steps through the matches.
  await details.getByRole("searchbox", { name: "Search the build log" }).fill("Phase complete");
  await expect(details.getByText(/^1 of \d+$/)).toBeVisible();
  await details.getByRole("button", { name: "Next match" }).click();
  await expect(details.getByText(/^2 of \d+$/)).toBeVisible();
  await expect(details.getByRole("link", { name: "Open in CloudWatch" })).toHaveAttribute("href", /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#logsV2:log-groups\/log-group\/\$252Faws\$252Fcodebuild\$252Fapp\/log-events\//);
  const download = page.waitForEvent("download");
  await details.getByRole("button", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.log$/);
  await details.getByRole("searchbox", { name: "Search the build log" }).fill("");
  await details.getByRole("button", { name: "Jump to first error" }).click();
  await shot(page, "details-build-log");
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);
  // Once the build has been read, the graph names the failed phase (from the cache: no CodeBuild call of its own).
  await page.keyboard.press("Escape");
  await expect(panel(page)).toBeHidden();
  await expect(action(page, "Compile")).toContainText("BUILD failed: COMMAND_EXECUTION_ERROR: Error while executing command: npm run build. Reason: exit status 1");
  expect(dialogs).toEqual([]);
});

test("a running build's log grows on screen as the build goes on, and stops being read when it ends", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("logs-live", { buildSeconds: 600 })));
  await emulator.advance(120);
  await page.goto("/pipelines/logs-live");
  await action(page, "Compile").getByRole("link", { name: "Run details of Compile" }).click();
  const details = panel(page);
  await expect(details.getByText(/lines, following$/)).toBeVisible();
  const before = await lineCount(page);
  expect(before).toBeGreaterThan(20);
  await emulator.advance(200);
  await expect.poll(() => lineCount(page)).toBeGreaterThan(before + 50);
  // Following: the newest line is on screen.
  const log = details.getByRole("region", { name: "Build log" });
  await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(60);

  await emulator.advance(400);
  await expect(details.getByText(/^[\d,]+ lines$/)).toBeVisible({ timeout: 15_000 });
  await expect(log).toContainText("Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED");
  await emulator.resetRequests();
  await page.waitForTimeout(5_000); // three polling rounds of the e2e config (activeSeconds 2)
  expect((await emulator.requests()).byOperation.GetLogEvents ?? 0).toBe(0);
});

test("a Commands action's log", async ({ page, emulator }) => {
  const p = pipeline("logs-commands");
  p.declaration.stages![1].actions = [
    {
      name: "UnitTests",
      actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" },
      commands: ["npm ci", "npm test -- --reporter=dot"],
      inputArtifacts: [{ name: "Src" }],
      outputArtifacts: [{ name: "Out" }],
      runOrder: 1,
    },
  ];
  p.actions = { ...p.actions, "Build.UnitTests": { durationSeconds: 90 } };
  delete p.actions!["Build.Compile"];
  await emulator.loadScenario(scenario(p));
  await emulator.advance(300);
  await page.goto("/pipelines/logs-commands");
  await action(page, "UnitTests").getByRole("link", { name: "Run details of UnitTests" }).click();
  const details = panel(page);
  const log = details.getByRole("region", { name: "Commands log" });
  await expect(log).toContainText("Phase complete: BUILD State: SUCCEEDED");
  await details.getByRole("searchbox", { name: "Search the commands log" }).fill("Running command npm test -- --reporter=dot");
  await expect(details.getByText(/^1 of 1$/)).toBeVisible();
  await expect(log.locator("mark")).toBeInViewport();
  await expect(details).toContainText(/arn:aws:logs:us-east-1:123456789012:log-group:\/aws\/codepipeline\/logs-commands:log-stream:/);
});

test.describe("without logs:GetLogEvents", () => {
  // Static keys of the emulator (allowed for local endpoints), so this test can take one permission away.
  test.use({ config: configFor((url) => ({ ...e2eConfig(url), credentials: { type: "static", accessKeyId: "test", secretAccessKey: "test" } })) });
  test.afterEach(async ({ emulator }) => {
    await emulator.permissions("test", []);
  });

  test("the log explains the missing permission while the build's phases and the rest of the details show", async ({ page, emulator }) => {
    await emulator.loadScenario(scenario(pipeline("logs-denied", { buildFailsOnRuns: [1], buildError: "Compilation failed" })));
    await emulator.advance(400);
    await emulator.permissions("test", ["logs:GetLogEvents"]);
    await page.goto("/pipelines/logs-denied");
    await action(page, "Compile").getByRole("link", { name: "Run details of Compile" }).click();
    const details = panel(page);
    await expect(details.getByRole("note")).toContainText("Not allowed: logs:GetLogEvents");
    await expect(details.getByRole("note")).toContainText("deploy/iam-policy-read-only.json");
    await expect(details.getByRole("link", { name: "Open the stream in CloudWatch" })).toHaveAttribute("href", /^https:\/\//);
    await expect(details.getByRole("table", { name: "Build phases" })).toContainText("FAILED");
    await expect(details.getByRole("table", { name: "Configuration" })).toContainText("ProjectName");
    await expect(details).toContainText("Compilation failed");
    await shot(page, "details-logs-denied");
  });
});

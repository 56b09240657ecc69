import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  return page.screenshot({ path: dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Three runs: the first fails in Build, the second succeeds, the third is stopped with a reason. */
async function seed(emulator: import("./fixtures/emulator").EmulatorControl) {
  await emulator.loadScenario(
    scenario(
      pipeline("hist-web", {
        buildFailsOnRuns: [1],
        buildError: "Compilation failed",
        commits: [
          { message: "First change\n\nbody", author: "Ada" },
          { message: "Second change", author: "Grace" },
          { message: "Third change", author: "Linus" },
        ],
        timeline: [
          { at: 0, type: "start", triggerType: "StartPipelineExecution", triggerDetail: "arn:aws:sts::123456789012:assumed-role/Deployer/ada" },
          { at: 200, type: "start" },
          { at: 400, type: "start" },
          { at: 420, type: "stop", abandon: true, reason: "Wrong branch" },
        ],
      }),
    ),
  );
  await emulator.advance(600);
}

test("the history tab lists executions with status, trigger, revisions, duration and stop reason", async ({ page, emulator }) => {
  await seed(emulator);
  await page.goto("/pipelines/hist-web?tab=history");
  const table = page.getByRole("table", { name: "Execution history of hist-web" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("Stopped");
  await expect(rows.nth(1)).toContainText("Stopped: Wrong branch");
  await expect(rows.nth(2)).toContainText("Succeeded");
  await expect(rows.nth(3)).toContainText("Failed");
  await expect(rows.nth(3)).toContainText("StartPipelineExecution");
  await expect(rows.nth(3)).toContainText("assumed-role/Deployer/ada");
  await expect(rows.nth(3)).toContainText("First change");
  await expect(rows.nth(3).getByRole("link", { name: /^Commit / })).toHaveAttribute("href", /^https:\/\//);
  // tab survives a reload
  await page.reload();
  await expect(page.getByRole("tab", { name: "History" })).toHaveAttribute("aria-selected", "true");
  await shot(page, "pipeline-history");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("the execution page shows summary, a timeline of every action run and the graph; deep link works on reload", async ({ page, emulator }) => {
  await seed(emulator);
  await page.goto("/pipelines/hist-web?tab=history");
  const rows = page.getByRole("table", { name: "Execution history of hist-web" }).getByRole("row");
  await rows.nth(3).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/pipelines\/hist-web\/executions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Execution");
  await expect(page.getByText("First change").first()).toBeVisible();
  const timeline = page.getByRole("table", { name: "Action timeline" });
  await expect(timeline.getByRole("row")).toHaveCount(4); // header + Source + Compile (failed; Deploy never ran) + its error
  await expect(timeline).toContainText("Build / Compile");
  await expect(timeline.getByRole("cell", { name: /Build \/ Compile: Failed/ })).toBeVisible();
  const graph = page.getByRole("region", { name: /Execution .*: stages and actions/ });
  await expect(graph.getByRole("article", { name: /^Action Compile: Failed/ })).toBeVisible();
  await expect(graph.getByRole("article", { name: /^Action Ship: Not run/ })).toBeVisible();

  await shot(page, "pipeline-execution");
  // Each timeline row opens that run's details, which a reload keeps open.
  await timeline.getByRole("link", { name: /Compile/ }).first().click();
  await expect(page).toHaveURL(/\/actions\/Build\/Compile\?run=[0-9a-f-]+$/);
  await page.reload();
  await expect(page.getByRole("dialog", { name: "Build / Compile" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("the execution page's graph shows the source revision of that execution, not the latest", async ({ page, emulator }) => {
  await seed(emulator);
  await page.goto("/pipelines/hist-web?tab=history");
  const oldest = page.getByRole("table", { name: "Execution history of hist-web" }).getByRole("row").nth(3);
  const commitHref = await oldest.getByRole("link", { name: /^Commit / }).getAttribute("href");
  await oldest.getByRole("link").first().click();
  const graph = page.getByRole("region", { name: /Execution .*: stages and actions/ });
  const source = graph.getByRole("article", { name: /^Action Source:/ });
  await expect(source).toContainText("First change");
  await expect(source).not.toContainText("Third change");
  await expect(source.getByRole("link", { name: /^Revision [0-9a-f]{7} of Source$/ })).toHaveAttribute("href", commitHref!);
});

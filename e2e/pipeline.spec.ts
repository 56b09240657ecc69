import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { configFor, e2eConfig, expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";
import { samplePipeline } from "../src/testing/sample-pipeline";

/** Where screenshots go: SCREENSHOT_DIR when set (for reviewing), else the test's output folder. */
function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  return page.screenshot({ path: dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`) });
}

const graph = (page: Page) => page.getByRole("region", { name: /stages and actions/ });
const stage = (page: Page, name: string) => graph(page).getByRole("region", { name: `Stage ${name}` });
const action = (page: Page, name: string) => graph(page).getByRole("article", { name: new RegExp(`^Action ${name}:`) });

test("the graph shows stages, actions, statuses, revisions and safe links", async ({ page, emulator }) => {
  await emulator.loadScenario(
    scenario(
      pipeline("graph-web", {
        buildFailsOnRuns: [1],
        buildError: "Unit tests failed <script>alert(1)</script>",
        commits: [{ message: "Add checkout page\n\nBody", author: "Ada" }],
        revisionUrlTemplate: "javascript:alert(1)//{commitId}",
      }),
    ),
  );
  await emulator.advance(120);
  await page.goto("/pipelines/graph-web");
  await expect(page.getByRole("heading", { name: "graph-web", level: 1 })).toBeVisible();
  await expect(page.getByText("Execution mode:")).toContainText("SUPERSEDED");
  await expect(stage(page, "Source")).toBeVisible();
  await expect(action(page, "Source")).toContainText("Succeeded");
  await expect(action(page, "Source")).toContainText("CodeStarSourceConnection");
  await expect(action(page, "Source")).toContainText("Add checkout page");
  // revisionUrl with a javascript: scheme renders as text, never as a link
  await expect(action(page, "Source").getByRole("link", { name: /Revision/ })).toHaveCount(0);
  await expect(action(page, "Compile")).toContainText("Failed");
  await expect(action(page, "Compile")).toContainText("Unit tests failed <script>alert(1)</script>");
  await expect(stage(page, "Build")).toContainText("Failed");
  await expect(stage(page, "Deploy")).toContainText("Inbound enabled");
});

test("running actions show elapsed time and the page polls while open", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("graph-live", { buildSeconds: 600 })));
  await emulator.advance(30);
  await page.goto("/pipelines/graph-live");
  await expect(action(page, "Compile")).toContainText("In progress");
  await expect(stage(page, "Build")).toContainText("In progress");
  await emulator.advance(600);
  await expect(action(page, "Compile")).toContainText("Succeeded");
});

test("a stage's elapsed time counts from its current run, not from an older execution's pass through it", async ({ page, emulator }) => {
  await emulator.loadScenario(
    scenario(
      pipeline("graph-stage-elapsed", {
        withApproval: true,
        timeline: [
          { at: 0, type: "start" },
          { at: 1000, type: "start" },
        ],
      }),
    ),
  );
  // The first execution built at 5-65 s and waits at Approve; the second entered Build at 1005 s.
  await emulator.advance(1010);
  const clock = (await (await page.request.get(`${emulator.url}/_emulator/clock`)).json()) as { epochSeconds: number };
  // The browser's "now" is the emulator's, so elapsed time reads as it would live.
  await page.clock.setFixedTime(new Date(clock.epochSeconds * 1000));
  await page.goto("/pipelines/graph-stage-elapsed");
  await expect(action(page, "Compile")).toContainText("In progress");
  await expect(stage(page, "Build").getByText(/^Running for \d/)).toHaveText("Running for 5 s");
  await expect(stage(page, "Approve").getByText(/^Running for \d/)).toHaveText("Running for 15 min 45 s");
  await shot(page, "pipeline-stage-elapsed");
});

test("deep link to an action highlights it after a reload", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("graph-deep")));
  await emulator.advance(200);
  await page.goto("/pipelines/graph-deep?stage=Build&action=Compile");
  await expect(action(page, "Compile")).toHaveClass(/ring-4/);
  await page.reload();
  await expect(action(page, "Compile")).toHaveClass(/ring-4/);
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1440, height: 900 } });

    test("a 5×5 pipeline renders, has no axe violations, screenshot", async ({ page, emulator }) => {
      const declaration = samplePipeline({ name: "five-by-five", stages: 5, actionsPerStage: 5, columns: 2 });
      await emulator.loadScenario({ seed: 3, traffic: false, pipelines: [{ declaration, timeline: [{ at: 0, type: "start" }] }] });
      await emulator.advance(150);
      await page.goto("/pipelines/five-by-five");
      await expect(stage(page, "Source")).toBeVisible();
      await page.getByRole("button", { name: /fit view/i }).click();
      await expect(stage(page, "Stage-5")).toBeVisible();
      await expect(graph(page).getByRole("article")).toHaveCount(25);
      await shot(page, `pipeline-5x5-${colorScheme}`);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });

    test.describe("at the default polling rate", () => {
      // 1 s polling (the suite's default) re-merges 2550 nodes every second; production polls every 5 s.
      test.use({ config: configFor((url) => ({ ...e2eConfig(url), polling: { ...e2eConfig(url).polling, activeSeconds: 5, idleSeconds: 30 } })) });

    test("the largest pipeline (50×50) renders with a minimap, screenshot", async ({ page, emulator }) => {
      test.setTimeout(120_000);
      const declaration = samplePipeline({ name: "fifty-by-fifty", stages: 50, actionsPerStage: 50, columns: 5 });
      await emulator.loadScenario({ seed: 3, traffic: false, pipelines: [{ declaration, timeline: [{ at: 0, type: "start" }] }] });
      await emulator.advance(60);
      const started = Date.now();
      await page.goto("/pipelines/fifty-by-fifty");
      // First paint merges 2550 nodes; measured, not asserted tightly (CI machines vary).
      await expect(stage(page, "Source")).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole("img", { name: "Pipeline overview map" })).toBeVisible();
      console.log(`50×50 first stage visible after ${Date.now() - started} ms`);
      // only what is on screen is rendered
      expect(await graph(page).getByRole("article").count()).toBeLessThan(200);
      await shot(page, `pipeline-50x50-${colorScheme}`);
      await page.getByRole("button", { name: /fit view/i }).click();
      await shot(page, `pipeline-50x50-fit-${colorScheme}`);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });
    });
  });
}

import AxeBuilder from "@axe-core/playwright";
import { ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/** What a user reads of an action on the pipeline and execution pages: its name, its error, its controls. */

/** Where screenshots go: SCREENSHOT_DIR when set (for reviewing), else the test's output folder. */
function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  return page.screenshot({ path: dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`) });
}

// The real cause comes last, as in a Gradle log: two lines never reach it.
const LONG_ERROR =
  "Build failed with an exception. What went wrong: Execution failed for task ':app:compileReleaseKotlin'. " +
  "A failure occurred while executing org.jetbrains.kotlin.compilerRunner.GradleCompilerRunnerWithWorkers$GradleKotlinCompilerWorkAction. " +
  "Compilation error. See log for more details: e: file:///codebuild/output/src/app/src/main/java/com/acme/pay/Checkout.kt:42:17 " +
  "Unresolved reference: PaymentSheetResult";

const graph = (page: Page) => page.getByRole("region", { name: /stages and actions/ });

function failingPipeline(name: string) {
  return scenario(pipeline(name, { buildFailsOnRuns: [1], buildError: LONG_ERROR }));
}

/** The whole error can be read: nothing clamped, and its last line can be scrolled to and is not covered or clipped. */
async function expectFullyShown(text: Locator) {
  await expect(text).toBeVisible();
  const shown = await text.evaluate((el) => {
    // As a person scrolls a long error's box to its end (the text's own box, never the graph's).
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (/auto|scroll/.test(getComputedStyle(box).overflowY)) {
        box.scrollTop = box.scrollHeight;
        break;
      }
    }
    const rect = el.getBoundingClientRect();
    const last = document.elementFromPoint(rect.left + 8, rect.bottom - 4);
    return { unclamped: el.scrollHeight <= el.clientHeight + 1, lastLineOnTop: !!last && el.contains(last) };
  });
  expect(shown).toEqual({ unclamped: true, lastLineOnTop: true });
}

/** What a triple click selects (the whole paragraph, as a person copying it would). */
async function tripleClickSelect(page: Page, text: Locator): Promise<string> {
  await text.click({ clickCount: 3 });
  return page.evaluate(() => window.getSelection()?.toString() ?? "");
}

/** Drags the mouse along the text's first line, as a person selecting part of it would. */
async function dragAlongFirstLine(page: Page, text: Locator): Promise<string> {
  await text.evaluate((el) => el.scrollIntoView({ block: "nearest" }));
  const box = (await text.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 6, { steps: 4 });
  await page.mouse.up();
  return page.evaluate(() => window.getSelection()?.toString() ?? "");
}

test("a failed action's whole error opens in place on the graph, by keyboard, and can be selected", async ({ page, emulator }) => {
  await emulator.loadScenario(failingPipeline("err-graph"));
  await emulator.advance(120);
  await page.goto("/pipelines/err-graph");
  const compile = graph(page).getByRole("article", { name: /^Action Compile: Failed/ });
  await expect(compile).toContainText("JobFailed");
  const toggle = compile.getByRole("button", { name: "Full error of Compile" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");

  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const full = page.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`);
  await expect(full).toContainText("Unresolved reference: PaymentSheetResult");
  await expectFullyShown(full);
  await shot(page, "action-error-expanded");

  const selected = await tripleClickSelect(page, full);
  expect(selected).toContain("JobFailed");
  expect(selected).toContain("PaymentSheetResult");
  // Selecting by dragging is not panning: the graph stays where it was.
  const transform = await page.locator(".react-flow__viewport").getAttribute("style");
  expect(await dragAlongFirstLine(page, full)).toMatch(/^JobFailed/);
  await expect(page.locator(".react-flow__viewport")).toHaveAttribute("style", transform!);

  // Escape closes it and leaves the focus on the button.
  await full.click();
  await page.keyboard.press("Escape");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toBeFocused();
  expect((await new AxeBuilder({ page }).include('[data-testid="pipeline-graph"]').analyze()).violations).toEqual([]);
});

test("the execution page's timeline and graph show the whole error too", async ({ page, emulator, sdk }) => {
  await emulator.loadScenario(failingPipeline("err-exec"));
  await emulator.advance(120);
  const [execution] = (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: "err-exec" }))).pipelineExecutionSummaries!;
  await page.goto(`/pipelines/err-exec/executions/${execution.pipelineExecutionId}`);

  const timeline = page.getByRole("table", { name: "Action timeline" });
  const toggle = timeline.getByRole("button", { name: "Full error of Compile" });
  await toggle.focus();
  await page.keyboard.press("Space");
  const full = page.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`);
  await expectFullyShown(full);
  await expect(full).toHaveText(`JobFailed: ${LONG_ERROR}`);
  expect(await tripleClickSelect(page, full)).toContain("PaymentSheetResult");

  const compile = page.getByRole("region", { name: /^Execution .*: stages and actions/ }).getByRole("article", { name: /^Action Compile: Failed/ });
  await compile.getByRole("button", { name: "Full error of Compile" }).click();
  await expect(compile.getByText(/Unresolved reference: PaymentSheetResult/)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test.describe("on a touch screen", () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

  test("a tap opens the whole error, on the graph and in the timeline", async ({ page, emulator, sdk }) => {
    await emulator.loadScenario(failingPipeline("err-touch"));
    await emulator.advance(120);
    await page.goto("/pipelines/err-touch");
    const toggle = graph(page).getByRole("button", { name: "Full error of Compile" });
    await toggle.tap();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expectFullyShown(page.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`));

    const [execution] = (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: "err-touch" }))).pipelineExecutionSummaries!;
    await page.goto(`/pipelines/err-touch/executions/${execution.pipelineExecutionId}`);
    const inTimeline = page.getByRole("table", { name: "Action timeline" }).getByRole("button", { name: "Full error of Compile" });
    await inTimeline.tap();
    await expectFullyShown(page.locator(`[id="${await inTimeline.getAttribute("aria-controls")}"]`));
  });
});

test("an action card is named by its action, status and stage; its heading by the action", async ({ page, emulator }) => {
  await emulator.loadScenario(failingPipeline("card-names"));
  await emulator.advance(120);
  await page.goto("/pipelines/card-names");
  const compile = graph(page).getByRole("article", { name: "Action Compile: Failed, in stage Build" });
  await expect(compile).toBeVisible();
  await expect(compile.getByRole("heading", { name: "Compile", exact: true })).toBeVisible();
  await expect(graph(page).getByRole("article", { name: "Action Ship: Not run, in stage Deploy" })).toBeVisible();
  await expect(graph(page).getByRole("link", { name: /^Link to/ })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).include('[data-testid="pipeline-graph"]').analyze()).violations).toEqual([]);
});

test("Roll back is offered only on stages an earlier execution succeeded in", async ({ page, emulator, sdk }) => {
  // The first execution succeeds everywhere; the second fails in Build, so Deploy still shows the first.
  await emulator.loadScenario(
    scenario(
      pipeline("rb-offer", {
        buildFailsOnRuns: [2],
        timeline: [
          { at: 0, type: "start" },
          { at: 200, type: "start" },
        ],
      }),
    ),
  );
  await emulator.advance(400);
  const [second, first] = (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: "rb-offer" }))).pipelineExecutionSummaries!;
  expect([second.status, first.status]).toEqual(["Failed", "Succeeded"]);
  await page.goto("/pipelines/rb-offer");
  // Build can go back to the first execution; Deploy's only success is the one it shows; Source never rolls back.
  await expect(page.getByRole("button", { name: "Roll back stage Build" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Roll back stage Deploy" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Roll back stage Source" })).toHaveCount(0);

  await page.getByRole("button", { name: "Roll back stage Build" }).click();
  const dialog = page.getByRole("dialog", { name: "Roll back stage Build" });
  await expect(dialog.getByRole("radio")).toHaveCount(1);
  await expect(dialog.getByRole("radio", { name: new RegExp(first.pipelineExecutionId!) })).toBeVisible();
});

test("a pipeline that ran once offers no Roll back at all, not even on the stages it never reached", async ({ page, emulator }) => {
  await emulator.loadScenario(failingPipeline("rb-once"));
  await emulator.advance(120);
  await page.goto("/pipelines/rb-once");
  await expect(graph(page).getByRole("article", { name: /^Action Compile: Failed/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Stage Deploy" })).toContainText("Inbound enabled");
  await expect(page.getByRole("button", { name: /^Roll back stage/ })).toHaveCount(0);
});

import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import {
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  type ActionExecutionDetail,
  type CodePipelineClient,
  type PipelineExecutionSummary,
} from "@aws-sdk/client-codepipeline";
import { DELIVERY_PIPELINE } from "../emulator/src/demo/delivery-history";
import { doraFigures } from "../src/core/insights/dora";
import { executionFigures } from "../src/core/insights/figures";
import { formatPercent } from "../src/core/insights/format";
import { windowEnding } from "../src/core/insights/window";
import { failingSince, shortExecutionId } from "../src/core/recent-runs";
import { HEALTH_LABELS, runHealth } from "../src/core/status";
import { configFor, expect, test } from "./fixtures";
import { multiSourceConfig } from "./fixtures/sources";

let sdk: CodePipelineClient;
test.beforeAll(({ sdk: workerSdk }) => {
  sdk = workerSdk;
});

async function allExecutions(name: string): Promise<PipelineExecutionSummary[]> {
  const out: PipelineExecutionSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 100, nextToken }));
    out.push(...(page.pipelineExecutionSummaries ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

async function allActionRuns(name: string): Promise<ActionExecutionDetail[]> {
  const out: ActionExecutionDetail[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sdk.send(new ListActionExecutionsCommand({ pipelineName: name, maxResults: 100, nextToken }));
    out.push(...(page.actionExecutionDetails ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

test.describe("recent runs", () => {
  test("each overview row shows the API's last 10 executions, oldest first, each linking to its execution", async ({ page, emulator, overview }) => {
    await emulator.loadDemo();
    await page.setViewportSize({ width: 1440, height: 1200 });
    await overview.goto(`?q=${DELIVERY_PIPELINE}`);
    const newest = (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: DELIVERY_PIPELINE, maxResults: 10 }))).pipelineExecutionSummaries!;
    const strip = overview.row(DELIVERY_PIPELINE).getByRole("group", { name: "Last 10 executions, oldest first" });
    const links = strip.getByRole("link");
    await expect(links).toHaveCount(10);
    const expected = [...newest].reverse();
    for (let i = 0; i < 10; i++) {
      await expect(links.nth(i)).toHaveAttribute("href", `/pipelines/${DELIVERY_PIPELINE}/executions/${expected[i].pipelineExecutionId}`);
      const label = { Succeeded: "Succeeded", Failed: "Failed", InProgress: "In progress" }[expected[i].status as string] ?? "";
      await expect(links.nth(i)).toHaveAccessibleName(new RegExp(`^${label} · started .* · (took|running for) .*`));
    }
    // The tooltip shows on keyboard focus too.
    const tooltip = (link: typeof links) => link.evaluate((el) => getComputedStyle(el, "::after").content);
    expect(await tooltip(links.last())).toBe("none");
    await links.last().focus();
    expect(await tooltip(links.last())).toContain("started");
    await page.screenshot({ path: "test-results/h19-overview-strip.png" });
  });

  test("a failing row and tile say for how long and since which execution", async ({ page, emulator, overview }) => {
    await emulator.loadDemo();
    await page.setViewportSize({ width: 1440, height: 1200 });
    const runs = (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: "mobile-app", maxResults: 10 }))).pipelineExecutionSummaries!;
    const failing = failingSince(runs)!;
    expect(failing).toBeDefined();
    // Ages on the emulator's clock, which tests before this one in the worker may have moved ahead of the real one.
    await page.clock.install({ time: await emulator.now() });
    await overview.goto("?q=mobile-app");
    const row = overview.row("mobile-app");
    await expect(row).toContainText(/failing for (at least )?\d+ (min|h)/);
    await expect(row.getByRole("link", { name: shortExecutionId(failing.executionId), exact: true })).toHaveAttribute(
      "href",
      `/pipelines/mobile-app/executions/${failing.executionId}`,
    );
    await page.goto("/wall?filter=mobile-app");
    const tile = page.getByTestId("wall-tile").filter({ hasText: "mobile-app" });
    await expect(tile.getByTestId("wall-tile-failing")).toContainText(`since ${shortExecutionId(failing.executionId)}`);
    // Its "failing for" line takes the place of the commit on the wall (wall.css); its last 5 runs share the foot.
    await expect(tile.getByTestId("wall-tile-commit")).toBeHidden();
    const strip = tile.getByRole("group", { name: "Last 5 executions, oldest first" });
    await expect(strip).toBeVisible();
    const squares = strip.getByRole("img");
    await expect(squares).toHaveCount(5);
    const lastFive = runs.slice(0, 5).reverse();
    for (let i = 0; i < 5; i++) await expect(squares.nth(i)).toHaveAccessibleName(new RegExp(`^${HEALTH_LABELS[runHealth(lastFive[i].status)]} · started`));
    await page.screenshot({ path: "test-results/h19-wall-strip.png" });
  });
});

test.describe("insights", () => {
  test("a pipeline's Insights tab shows what the core computes from the same history, and follows window and production stage", async ({ page, emulator }) => {
    test.slow();
    await emulator.loadDemo();
    await page.setViewportSize({ width: 1440, height: 2400 });
    const [executions, actions] = await Promise.all([allExecutions(DELIVERY_PIPELINE), allActionRuns(DELIVERY_PIPELINE)]);
    await page.goto(`/pipelines/${DELIVERY_PIPELINE}?tab=insights`);
    const tab = page.getByRole("tabpanel", { name: "Insights" });
    await expect(tab.getByRole("status")).toContainText("action runs read", { timeout: 30_000 });
    const w = windowEnding(30, Date.now());
    const dora = doraFigures({ executions, actions }, w);
    const figures = executionFigures(executions, w);
    await expect(tab.getByTestId("figure-Executions")).toHaveText(String(figures.runs));
    await expect(tab.getByTestId("figure-Success rate")).toHaveText(formatPercent(figures.successRate));
    await expect(tab.getByRole("listitem", { name: "Deployment frequency" })).toContainText(`${dora.deployments} deployments through Production`);
    await expect(tab.getByRole("listitem", { name: "Change failure rate" })).toContainText(
      `${dora.changeFailureRate.failed} of ${dora.changeFailureRate.reached} changes`,
    );
    await page.screenshot({ path: "test-results/h19-insights-tab.png", fullPage: true });

    await tab.getByRole("combobox", { name: "Window" }).selectOption({ label: "7 days" });
    await expect(page).toHaveURL(/window=7/);
    await expect(tab.getByTestId("figure-Executions")).toHaveText(String(executionFigures(executions, windowEnding(7, Date.now())).runs));

    await tab.getByRole("combobox", { name: "Production stage" }).selectOption("Build");
    await expect(page).toHaveURL(/prod=Build/);
    const throughBuild = doraFigures({ executions, actions }, windowEnding(7, Date.now()), "Build");
    await expect(tab.getByRole("listitem", { name: "Deployment frequency" })).toContainText(`${throughBuild.deployments} deployments through Build`);
  });

  test("the Insights page reads every pipeline's history; a reload within minutes reads none of it, later only what is new", async ({ page, emulator }) => {
    test.slow();
    await emulator.loadDemo();
    await page.setViewportSize({ width: 1440, height: 2000 });
    await page.clock.install({ time: await emulator.now() });
    const query = `?window=365&q=${DELIVERY_PIPELINE}`;
    const countPages = async () => (await emulator.requests()).byOperation.ListPipelineExecutions ?? 0;
    const readAll = page.getByRole("status").filter({ hasText: "Read 1 of 1 pipelines" });
    const executions = await allExecutions(DELIVERY_PIPELINE);
    await emulator.resetRequests();
    await page.goto(`/insights${query}`);
    await expect(readAll).toBeVisible({ timeout: 30_000 });
    const table = page.getByRole("table", { name: "Pipelines" });
    const year = executionFigures(executions, windowEnding(365, Date.now()));
    await expect(table.getByRole("row").nth(1)).toContainText(String(year.runs));
    const firstRead = await countPages();
    // A year of daily executions: several pages of 100.
    expect(firstRead).toBeGreaterThanOrEqual(Math.ceil(executions.length / 100));
    await expect(readAll).toContainText("Newest executions read just now");

    // One more execution, then a reload a minute later: the cache is fresh, nothing is read, and the page says how old it is.
    await sdk.send(new (await import("@aws-sdk/client-codepipeline")).StartPipelineExecutionCommand({ name: DELIVERY_PIPELINE }));
    await emulator.resetRequests();
    await page.clock.fastForward("01:00");
    await page.reload();
    await expect(readAll).toContainText("Newest executions read 1 minute ago");
    await expect(table.getByRole("row").nth(1)).toContainText(String(year.runs));
    expect(await countPages()).toBe(0);
    await expect(page.getByText(/1 pipelines' history is cached/)).toBeVisible();

    // Asked for: one page, newer than the cache, and the new run is counted.
    await page.getByRole("button", { name: "Read new executions" }).click();
    await expect(table.getByRole("row").nth(1)).toContainText(String(year.runs + 1));
    await expect(readAll).toContainText("Newest executions read just now");
    expect(await countPages()).toBe(1);

    // Past the cache's freshness, a reload reads what is new by itself: one page again.
    await emulator.resetRequests();
    await page.clock.fastForward("06:00");
    await page.reload();
    await expect(readAll).toContainText("Newest executions read just now");
    expect(await countPages()).toBe(1);

    // Clearing the cache reads everything again.
    await page.getByRole("button", { name: "Clear cached history" }).click();
    await expect(page.getByText(/0 pipelines' history is cached/)).toBeVisible();
    await emulator.resetRequests();
    await page.reload();
    await expect(readAll).toContainText("Newest executions read just now");
    expect(await countPages()).toBe(firstRead);
  });

  test("every table's CSV holds what the table shows, and every chart has a table behind it", async ({ page, emulator }) => {
    test.slow();
    await emulator.loadDemo();
    await page.setViewportSize({ width: 1440, height: 2000 });
    await page.goto("/insights?window=30");
    await expect(page.getByRole("status").filter({ hasText: /Read (\d+) of \1 pipelines/ })).toBeVisible({ timeout: 60_000 });
    const table = page.getByRole("table", { name: "Pipelines" });
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV of Pipelines" }).click();
    const csv = (await readFile((await (await download).path())!, "utf8")).trim().split("\r\n");
    const rows = table.getByRole("row");
    await expect(rows).toHaveCount(csv.length);
    expect(csv[0].split(",")).toEqual((await rows.first().getByRole("columnheader").allInnerTexts()).map((t) => t.trim()));
    for (let i = 1; i < csv.length; i++) {
      const [name, type, runs] = csv[i].split(",");
      const cells = rows.nth(i).getByRole("cell");
      await expect(cells.nth(0)).toHaveText(name);
      await expect(cells.nth(1)).toHaveText(type);
      await expect(cells.nth(2)).toHaveText(runs);
    }
    const chart = page.getByRole("figure").filter({ has: page.getByRole("img", { name: /^Succeeded and failed executions per day/ }) });
    await chart.getByText("Show as table").click();
    await expect(chart.getByRole("table", { name: /Executions by outcome/ }).getByRole("row")).toHaveCount(31);
    await page.screenshot({ path: "test-results/h19-insights-page.png", fullPage: true });
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`the Insights page and tab pass axe (${colorScheme})`, async ({ page, emulator }) => {
      test.slow();
      await page.emulateMedia({ colorScheme });
      await emulator.loadDemo();
      await page.setViewportSize({ width: 1440, height: 1200 });
      await page.goto(`/insights?q=${DELIVERY_PIPELINE}`);
      await expect(page.getByRole("status").filter({ hasText: "Read 1 of 1 pipelines" })).toBeVisible({ timeout: 30_000 });
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await page.screenshot({ path: `test-results/h19-insights-page-${colorScheme}.png`, fullPage: true });
      await page.goto(`/pipelines/${DELIVERY_PIPELINE}?tab=insights`);
      await expect(page.getByRole("tabpanel", { name: "Insights" }).getByRole("status")).toContainText("action runs read", { timeout: 30_000 });
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await page.screenshot({ path: `test-results/h19-insights-tab-${colorScheme}.png`, fullPage: true });
      // A phone: the wide tables scroll sideways, by keyboard too.
      await page.setViewportSize({ width: 390, height: 844 });
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    });
  }
});

test.describe("several sources", () => {
  test.use({ config: configFor(multiSourceConfig) });

  test("a source that cannot be read leaves the others computed and says what is missing", async ({ page, emulator }) => {
    test.slow();
    await emulator.loadDemo();
    await page.goto("/insights?window=7");
    await expect(page.getByRole("alert").filter({ hasText: /^Broken.*: could not list its pipelines/ })).toContainText("missing from every figure", { timeout: 30_000 });
    await expect(page.getByRole("status").filter({ hasText: /Read (\d+) of \1 pipelines/ })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("status").filter({ hasText: "Partial" })).toBeVisible();
    await expect(page.getByTestId("figure-Executions")).not.toHaveText("0");
    // The other sources' pipelines are there, each labelled.
    await expect(page.getByRole("table", { name: "Pipelines" }).getByRole("cell", { name: /^Prod/ }).first()).toBeVisible();
  });
});

import { ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { pipeline, scenario } from "../fixtures/scenarios";
import { axe, expectNoSidewaysScroll, expectThumbSized, shot } from "./phone";

/** The overview, the header's menu, the pipeline page's stage list and every route on a phone (issue 20). */

function world(extra = 0) {
  return scenario(
    pipeline("checkout", { withApproval: true }),
    pipeline("payments", { buildFailsOnRuns: [1], buildError: "Unit tests failed" }),
    pipeline("search", { timeline: [{ at: -1, type: "disableTransition", stageName: "Deploy", reason: "Freeze until Monday" }, { at: 0, type: "start" }] }),
    ...Array.from({ length: extra }, (_, i) => pipeline(`service-${String(i).padStart(2, "0")}`)),
  );
}

const list = (page: Page) => page.getByRole("list", { name: "Pipelines" });
const row = (page: Page, name: string) => list(page).getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });

/** Font sizes of the visible text in the main area, smallest first. */
async function mainTextSizes(page: Page): Promise<{ text: string; size: number }[]> {
  return page.locator("main").evaluate((main) =>
    [...main.querySelectorAll<HTMLElement>("*")]
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) && e.checkVisibility() && !e.closest(".sr-only"))
      .map((e) => ({ text: e.textContent!.trim().slice(0, 40), size: parseFloat(getComputedStyle(e).fontSize) }))
      .sort((a, b) => a.size - b.size),
  );
}

test("overview: cards in attention order, filters folded, 44 px favourites, 16 px text, only rows on screen poll", async ({ page, emulator, overview }) => {
  // 27 pipelines read once each, then two polling rounds watched: slow on a busy machine, whatever the app does.
  test.setTimeout(120_000);
  await emulator.loadScenario(world(24));
  await emulator.advance(200);
  const polled = new Set<string>();
  let recording = false;
  page.on("request", (request) => {
    if (recording && request.headers()["x-amz-target"] === "CodePipeline_20150709.GetPipelineState") polled.add(JSON.parse(request.postData()!).name);
  });
  await overview.goto();
  await expect(row(page, "payments")).toContainText("Failed");
  await expect(row(page, "payments")).toContainText("Unit tests failed");
  // Attention order: the failing pipeline first, as on a desktop.
  await expect.poll(async () => (await overview.names())[0]).toBe("payments");
  await expectNoSidewaysScroll(page, "overview");
  // A card, not a table row: the cells stack inside the phone's width.
  const card = (await row(page, "payments").boundingBox())!;
  expect(card.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(card.height).toBeGreaterThan(100);

  const sizes = await mainTextSizes(page);
  expect(sizes[0].size, `smallest text: ${JSON.stringify(sizes[0])}`).toBeGreaterThanOrEqual(14);
  for (const text of ["Unit tests failed", "at Build"]) {
    expect(sizes.find((s) => s.text.startsWith(text))?.size, text).toBeGreaterThanOrEqual(16);
  }

  // Search, filters and sort sit in a panel that opens on a tap.
  await expect(overview.search).toBeHidden();
  await page.getByRole("button", { name: "Search and filters" }).tap();
  await overview.search.fill("check");
  await expect.poll(() => overview.names()).toEqual(["checkout"]);
  await expect(page.getByRole("button", { name: /Hide search and filters \(1 on\)/ })).toBeVisible();
  await overview.search.fill("");
  await page.getByRole("button", { name: /Hide search and filters/ }).tap();

  const favourite = page.getByRole("button", { name: "Favourite search" });
  await expectThumbSized(favourite);
  await favourite.tap();
  await expect(favourite).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await overview.names())[0]).toBe("search");
  await shot(page, "phone-overview");

  // The request economy is the desktop's: once every pipeline is known, only the cards on screen poll.
  await page.evaluate(() => window.scrollTo(0, 0));
  await emulator.advance(1);
  await expect.poll(async () => (await emulator.requests()).byOperation.GetPipelineState ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(27);
  const onScreen = await overview.namesInViewport();
  const mounted = await overview.names();
  expect(mounted.length).toBeGreaterThan(onScreen.length);
  recording = true;
  await expect.poll(() => [...polled].sort(), { timeout: 20_000 }).toEqual([...onScreen].sort());
  const before = (await emulator.requests()).byOperation.GetPipelineState ?? 0;
  await expect.poll(async () => ((await emulator.requests()).byOperation.GetPipelineState ?? 0) - before, { timeout: 30_000 }).toBeGreaterThanOrEqual(onScreen.length);
  recording = false;
  expect([...polled].sort()).toEqual([...onScreen].sort());
});

test("the compact header: the approvals count in the bar, the pages and the sources in the menu", async ({ page, emulator }) => {
  await emulator.loadScenario(world());
  await emulator.advance(70);
  await page.goto("/");
  const bar = page.getByRole("banner");
  await expect(bar.getByRole("link", { name: "Approvals 1 waiting" })).toBeVisible();
  await expect(bar.getByRole("link", { name: "Pipelines" })).toBeHidden();
  const menuButton = bar.getByRole("button", { name: "Menu" });
  await expectThumbSized(menuButton);
  await menuButton.tap();
  const menu = page.getByRole("dialog", { name: "Menu" });
  await expect(menu.getByRole("navigation", { name: "Pages" }).getByRole("link")).toHaveText(["Pipelines", /Approvals/, "Insights"]);
  await expect(menu.getByRole("region", { name: "Account and region" })).toBeVisible();
  await shot(page, "phone-menu");
  expect((await axe(page).analyze()).violations, "menu").toEqual([]);
  await menu.getByRole("link", { name: /Approvals/ }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();
});

test("pipeline page: the stages as a vertical list with transitions and their controls, a switch to the graph", async ({ page, emulator }) => {
  await emulator.loadScenario(world());
  await emulator.advance(200);
  await page.goto("/pipelines/search");
  const stages = page.getByRole("list", { name: "Pipeline search: stages" });
  await expect(stages.getByRole("region")).toHaveCount(3);
  await expect(stages.getByRole("region", { name: "Stage Source" })).toContainText("Succeeded");
  await expect(stages.getByRole("region", { name: "Stage Build" }).getByRole("listitem", { name: /^Action Compile: Succeeded/ })).toContainText("CodeBuild · Build");
  await expect(stages).toContainText("Transition into Deploy disabled: Freeze until Monday");
  await expect(stages).toContainText("Transition into Build enabled");
  await expectNoSidewaysScroll(page, "stage list");
  await shot(page, "phone-stage-list");

  // The transition's control works from the list, as from the graph.
  const enable = stages.getByRole("button", { name: /^Enable transition into Deploy/ });
  await expectThumbSized(enable);
  await enable.tap();
  await page.getByRole("dialog").getByRole("button", { name: "Enable transition" }).tap();
  await expect(stages).toContainText("Transition into Deploy enabled");

  await page.getByRole("button", { name: "Graph", exact: true }).tap();
  await expect(page.getByRole("region", { name: /stages and actions/ })).toBeVisible();
  await expect(stages).toBeHidden();
  await page.getByRole("button", { name: "Stage list" }).tap();
  await expect(stages).toBeVisible();
});

test("no route scrolls sideways at 360 px", async ({ page, emulator, sdk }) => {
  test.setTimeout(120_000);
  await emulator.loadScenario(world());
  await emulator.advance(200);
  await page.setViewportSize({ width: 360, height: 740 });
  const executionId = (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: "payments" }))).pipelineExecutionSummaries![0].pipelineExecutionId!;
  const routes: [string, RegExp | string][] = [
    ["/", "Pipelines"],
    ["/approvals", "Approvals"],
    ["/pipelines/checkout/approvals/Approve/Review", /Approval Review/],
    ["/pipelines/payments", "payments"],
    ["/pipelines/payments?tab=history", "payments"],
    ["/pipelines/payments?tab=definition", "payments"],
    [`/pipelines/payments/executions/${executionId}`, /Execution/],
    ["/new-pipeline", /pipeline/i],
    ["/wall/setup", /wall/i],
    ["/no-such-page", /not found/i],
  ];
  for (const [route, heading] of routes) {
    await page.goto(route);
    await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(heading);
    // Let what loads after the heading (rows, history, the editor) arrive.
    await page.waitForLoadState("networkidle");
    await expectNoSidewaysScroll(page, route);
  }
  await page.goto("/wall");
  await expect(page.getByRole("main")).toContainText("payments");
  await expectNoSidewaysScroll(page, "/wall");
});

test("axe finds nothing on the overview and the stage list at phone size, target size included, light and dark", async ({ page, emulator }) => {
  test.setTimeout(120_000);
  await emulator.loadScenario(world());
  await emulator.advance(200);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/");
    await expect(row(page, "payments")).toContainText("Failed");
    await page.getByRole("button", { name: "Search and filters" }).tap();
    expect((await axe(page).analyze()).violations, `${colorScheme} overview`).toEqual([]);
    await page.goto("/pipelines/search");
    await expect(page.getByRole("list", { name: "Pipeline search: stages" })).toContainText("Freeze until Monday");
    expect((await axe(page).analyze()).violations, `${colorScheme} stage list`).toEqual([]);
    await page.goto("/pipelines/payments?tab=history");
    await expect(page.getByRole("table")).toContainText("Failed");
    expect((await axe(page).analyze()).violations, `${colorScheme} history`).toEqual([]);
  }
});

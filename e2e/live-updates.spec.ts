import { StartPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import type { APIRequestContext, Page } from "@playwright/test";
import { configFor, e2eConfig, expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/** A config with live updates on this worker's emulator; `polling` slow enough that only an event explains a prompt change. */
function liveConfig(emulatorUrl: string, polling: object = { activeSeconds: 30, idleSeconds: 60, listSeconds: 60, offscreenSeconds: 300 }) {
  return {
    ...e2eConfig(emulatorUrl),
    polling: { ...polling, maxConcurrentRequests: 4 },
    events: {
      httpEndpoint: `${emulatorUrl}/event`,
      realtimeEndpoint: `${emulatorUrl.replace(/^http/, "ws")}/event/realtime`,
      accountId: "123456789012",
      safetyIntervalSeconds: 60,
    },
  };
}

const graph = (page: Page) => page.getByRole("region", { name: /stages and actions/ });
const action = (page: Page, name: string) => graph(page).getByRole("article", { name: new RegExp(`^Action ${name}:`) });
const freshness = (page: Page) => page.getByRole("timer").filter({ hasText: /^Updated|^Stale|^Some/ });
const LIVE = /· Live$/;

async function appsync(request: APIRequestContext, emulatorUrl: string, settings?: object) {
  const response = settings ? await request.post(`${emulatorUrl}/_emulator/appsync`, { data: settings }) : await request.get(`${emulatorUrl}/_emulator/appsync`);
  return (await response.json()) as { subscriptions: string[]; connections: number };
}

function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  return page.screenshot({ path: dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`) });
}

test.afterEach(async ({ request, emulatorUrl }) => {
  await appsync(request, emulatorUrl, { reset: true });
});

test.describe("with live updates and slow polling", () => {
  test.use({ config: configFor((url) => liveConfig(url)) });

  test("a change appears without waiting for a poll, and the header says the page is live", async ({ page, emulator, sdk }) => {
    await emulator.loadScenario(scenario(pipeline("live-web")));
    await emulator.advance(120);
    await page.goto("/pipelines/live-web");
    await expect(freshness(page)).toHaveText(LIVE);
    await expect(action(page, "Ship")).toContainText("Succeeded");
    await shot(page, "live-pipeline-light");
    await page.emulateMedia({ colorScheme: "dark" });
    await page.setViewportSize({ width: 390, height: 800 });
    await shot(page, "live-pipeline-dark-phone");
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1280, height: 720 });
    await sdk.send(new StartPipelineExecutionCommand({ name: "live-web" }));
    // The state polls every 60 s here: only the event explains a change within 5 s.
    await expect(action(page, "Source")).toContainText("In progress", { timeout: 5000 });
    await emulator.advance(10);
    await expect(action(page, "Compile")).toContainText("In progress", { timeout: 5000 });
  });

  test("duplicated and delayed events leave the screen right", async ({ page, emulator, sdk, request, emulatorUrl }) => {
    await emulator.loadScenario(scenario(pipeline("live-dup")));
    await emulator.advance(120);
    await page.goto("/pipelines/live-dup");
    await expect(freshness(page)).toHaveText(LIVE);
    await appsync(request, emulatorUrl, { duplicate: true, delayMs: 800 });
    await sdk.send(new StartPipelineExecutionCommand({ name: "live-dup" }));
    await emulator.advance(20);
    // Every event comes twice and late; the last ones to arrive are for a run long finished.
    await expect(action(page, "Compile")).toContainText("In progress", { timeout: 6000 });
    await emulator.advance(200);
    await expect(action(page, "Ship")).toContainText("Succeeded", { timeout: 6000 });
    await expect(action(page, "Compile")).toContainText("Succeeded");
    await expect(freshness(page)).toHaveText(LIVE);
  });

  test("subscribes to the account and region's channel only, and reads nothing for pipelines off screen", async ({ page, emulator, sdk, request, emulatorUrl }) => {
    await emulator.loadScenario(scenario(pipeline("live-shown"), pipeline("live-elsewhere")));
    await emulator.advance(120);
    await page.goto("/pipelines/live-shown");
    await expect(freshness(page)).toHaveText(LIVE);
    expect((await appsync(request, emulatorUrl)).subscriptions).toEqual(["/codepipeline/123456789012/us-east-1"]);
    await emulator.resetRequests();
    // Off screen first, then on screen: one socket delivers them in order.
    await sdk.send(new StartPipelineExecutionCommand({ name: "live-elsewhere" }));
    await sdk.send(new StartPipelineExecutionCommand({ name: "live-shown" }));
    await expect(action(page, "Source")).toContainText("In progress", { timeout: 5000 });
    await expect.poll(async () => (await emulator.requests()).byOperation.GetPipelineState ?? 0).toBeGreaterThanOrEqual(1);
    // One read, for the pipeline shown: live-elsewhere's events (no approval among them) read nothing.
    expect((await emulator.requests()).byOperation.GetPipelineState).toBe(1);
  });

  test("an approval starting in a pipeline off screen updates the approvals count without a poll", async ({ page, emulator, sdk }) => {
    await emulator.loadScenario(scenario(pipeline("live-here"), pipeline("live-gated", { withApproval: true, timeline: [] })));
    await emulator.advance(120);
    await page.goto("/pipelines/live-here");
    await expect(freshness(page)).toHaveText(LIVE);
    const count = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Approvals/ });
    await expect(count).toContainText("0 waiting");
    await sdk.send(new StartPipelineExecutionCommand({ name: "live-gated" }));
    await emulator.advance(70);
    await expect(count).toContainText("1 waiting", { timeout: 5000 });
  });
});

test.describe("with live updates, rows off screen", () => {
  // Off-screen refreshes every 8 s: without events every row off screen would be read at least once in this test.
  test.use({ config: configFor((url) => liveConfig(url, { activeSeconds: 30, idleSeconds: 60, listSeconds: 60, offscreenSeconds: 8 })) });

  test("a run starting off screen moves its row up at the next off-screen refresh, which reads its newest runs; rows off screen that did not change are not read", async ({ page, overview, emulator, sdk }) => {
    const quiet = Array.from({ length: 30 }, (_, i) => `quiet-${String(i).padStart(2, "0")}`);
    await emulator.loadScenario(scenario(...quiet.map((name) => pipeline(name)), pipeline("zz-late")));
    await emulator.advance(120);
    await page.setViewportSize({ width: 1280, height: 700 });
    await emulator.resetRequests();
    await overview.goto();
    await expect(freshness(page)).toHaveText(LIVE);
    // The page's first reads over: every pipeline's state and newest runs once.
    const firstReads = async () => {
      const { byOperation } = await emulator.requests();
      return Math.min(byOperation.GetPipelineState ?? 0, byOperation.ListPipelineExecutions ?? 0);
    };
    await expect.poll(firstReads, { timeout: 15_000 }).toBeGreaterThanOrEqual(quiet.length + 1);
    const shown = await overview.namesInViewport();
    expect(shown, "the last rows start off screen").not.toContain("zz-late");
    expect(shown).not.toContain("quiet-29");
    const reads: { operation: string; name: string }[] = [];
    page.on("request", (request) => {
      const operation = request.headers()["x-amz-target"]?.split(".").pop() ?? "";
      const body = request.postDataJSON() as { name?: string; pipelineName?: string } | null;
      if (operation === "GetPipelineState" || operation === "ListPipelineExecutions") reads.push({ operation, name: body?.name ?? body?.pipelineName ?? "" });
    });

    // Two runs starting off screen, the second after the first was read: an off-screen refresh lies between them.
    await sdk.send(new StartPipelineExecutionCommand({ name: "zz-late" }));
    await expect.poll(() => overview.namesInViewport(), { timeout: 15_000 }).toContain("zz-late");
    await sdk.send(new StartPipelineExecutionCommand({ name: "quiet-29" }));
    await expect.poll(() => overview.namesInViewport(), { timeout: 15_000 }).toContain("quiet-29");
    // In progress ranks above succeeded: both lead the list now.
    expect((await overview.names()).slice(0, 2).sort()).toEqual(["quiet-29", "zz-late"]);
    expect(reads.filter(({ name }) => name !== "zz-late" && name !== "quiet-29"), "reads of rows that did not change").toEqual([]);
    // Off screen a row's health is its newest run: the refresh reads that, and the state once the row is in view.
    for (const moved of ["zz-late", "quiet-29"]) expect(reads.find(({ name }) => name === moved)?.operation, `${moved}'s first read`).toBe("ListPipelineExecutions");
  });
});

test.describe("when the socket drops", () => {
  test.use({ config: configFor((url) => liveConfig(url, { activeSeconds: 2, idleSeconds: 4, listSeconds: 5, offscreenSeconds: 300 })) });

  test("the page says so and polling takes over at once, then live mode returns", async ({ page, emulator, sdk, request, emulatorUrl }) => {
    await emulator.loadScenario(scenario(pipeline("live-drop")));
    await emulator.advance(120);
    await page.goto("/pipelines/live-drop");
    await expect(freshness(page)).toHaveText(LIVE);
    await appsync(request, emulatorUrl, { refuse: true, drop: true });
    await expect(freshness(page)).toContainText("Live updates paused, polling");
    await shot(page, "live-paused-light");
    await page.emulateMedia({ colorScheme: "dark" });
    await shot(page, "live-paused-dark");
    // No socket: the change shows through polling at the normal cadence.
    await sdk.send(new StartPipelineExecutionCommand({ name: "live-drop" }));
    await expect(action(page, "Source")).toContainText("In progress", { timeout: 8000 });
    await appsync(request, emulatorUrl, { refuse: false });
    await expect(freshness(page)).toHaveText(LIVE, { timeout: 20_000 });
  });

  test("the wall says it is live, paused while the socket is down, then live again; its tiles change on an event", async ({ page, emulator, sdk, request, emulatorUrl }) => {
    await emulator.loadScenario(scenario(pipeline("live-wall-a"), pipeline("live-wall-b")));
    await emulator.advance(120);
    // Refreshing every 10 minutes: only an event explains a tile changing within seconds.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto("/wall?refresh=600");
    const header = page.getByTestId("wall-updated");
    const tile = (name: string) => page.getByTestId("wall-tile").filter({ hasText: name });
    await expect(tile("live-wall-b")).toContainText(/succeeded/i);
    await expect(header).toHaveText(LIVE);
    await shot(page, "live-wall-dark");
    await sdk.send(new StartPipelineExecutionCommand({ name: "live-wall-b" }));
    await expect(tile("live-wall-b")).toContainText(/in progress/i, { timeout: 5000 });
    await appsync(request, emulatorUrl, { refuse: true, drop: true });
    await expect(header).toContainText("· Live updates paused, polling");
    await shot(page, "live-wall-paused-dark");
    await appsync(request, emulatorUrl, { refuse: false });
    await expect(header).toHaveText(LIVE, { timeout: 20_000 });
    await page.goto("/wall?refresh=600&theme=light");
    await expect(tile("live-wall-a")).toContainText(/succeeded/i);
    await expect(header).toHaveText(LIVE);
    await shot(page, "live-wall-light");
  });
});

import { CodePipelineClient, GetPipelineStateCommand, ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import type { Locator, Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/**
 * A refresh under 2 s latency with throttling retries spans several polling intervals, and the wall calls
 * data stale only after a few of its refresh periods.
 */
const eventually = expect.configure({ timeout: 45_000 });

/**
 * Every page under the emulator's faults. One pipeline moves through three states on the emulator's clock:
 *   t=70   execution 1 waits for approval
 *   t=210  execution 1 approved (at 200), deploying; no approval waiting
 *   t=310  execution 1 succeeded; execution 2 (started at 220) waits for approval
 * Flaky phase (30% throttling + 10% HTTP 500 + 2 s latency): the page must reach t=210's state anyway.
 * Outage phase (every call 503): the page keeps t=210's data with its age and a calm banner; once the
 * endpoint is back it shows t=310's state by itself, without a storm of requests on the way.
 */

/** This worker's emulator through the SDK (the worker-scoped `sdk` fixture), for the helpers below. */
let sdk: CodePipelineClient;
test.beforeAll(({ sdk: workerSdk }) => {
  sdk = workerSdk;
});

const world = () => {
  const orders = pipeline("orders", {
    withApproval: true,
    timeline: [
      { at: 0, type: "start" },
      { at: 200, type: "approve", stageName: "Approve", actionName: "Review", summary: "ok" },
      { at: 220, type: "start" },
    ],
  });
  return scenario(orders);
};

type Phase = "waiting" | "deploying" | "waitingAgain";

interface PageUnderTest {
  name: string;
  path: (firstExecutionId: string) => string;
  /** Where the data of each phase shows, and what it says. */
  shows: (page: Page, phase: Phase) => Promise<void>;
  /** What says the data could not be refreshed. */
  banner: (page: Page) => Locator;
  /** What says how old the data on screen is while the banner shows; null where the page has none (see README). */
  age: (page: Page) => Locator;
}

const row = (page: Page) =>
  page.getByRole("list", { name: "Pipelines" }).getByRole("listitem").filter({ has: page.getByRole("link", { name: "orders", exact: true }) });
const action = (page: Page, name: string) =>
  page.getByRole("region", { name: /stages and actions/ }).getByRole("article", { name: new RegExp(`^Action ${name}:`) });
const tile = (page: Page) => page.getByRole("listitem", { name: /^orders: / });

const PAGES: PageUnderTest[] = [
  {
    name: "overview",
    path: () => "/",
    shows: async (page, phase) => {
      const expected = { waiting: /Waiting for approval/i, deploying: /In progress/, waitingAgain: /Waiting for approval/i }[phase];
      await eventually(row(page)).toContainText(expected);
      if (phase !== "waiting") await eventually(row(page)).toContainText(phase === "deploying" ? "Deploy" : "Review");
    },
    banner: (page) => page.getByRole("alert").filter({ hasText: "Could not refresh" }),
    age: (page) => page.getByRole("alert").filter({ hasText: /Showing data from .* ago/ }),
  },
  {
    name: "pipeline",
    path: () => "/pipelines/orders",
    shows: async (page, phase) => {
      if (phase === "deploying") {
        await eventually(action(page, "Review")).toContainText("Succeeded");
        await eventually(action(page, "Ship")).toContainText("In progress");
      } else {
        await eventually(action(page, "Review")).toContainText("In progress");
        if (phase === "waitingAgain") await eventually(action(page, "Ship")).toContainText("Succeeded");
      }
    },
    banner: (page) => page.getByRole("alert").filter({ hasText: "Could not refresh" }),
    age: (page) => page.getByRole("alert").filter({ hasText: /Showing data from .* ago/ }),
  },
  {
    name: "execution",
    path: (id) => `/pipelines/orders/executions/${id}`,
    shows: async (page, phase) => {
      const heading = page.getByRole("heading", { level: 1 }).locator("..");
      await eventually(heading).toContainText(phase === "waitingAgain" ? "Succeeded" : "In progress");
      const deploy = page.getByRole("region", { name: /stages and actions/ }).getByRole("region", { name: "Stage Deploy" });
      await eventually(deploy).toContainText({ waiting: "Not run", deploying: "In progress", waitingAgain: "Succeeded" }[phase]);
      // The timeline keeps the runs it last read, a failed refresh or not.
      await expect(page.getByRole("table", { name: "Action timeline" }).getByRole("row", { name: /Approve \/ Review/ })).toBeVisible();
    },
    // The timeline has its own banner for the action runs; this one is the execution's.
    banner: (page) => page.getByRole("alert").filter({ hasText: "Could not refresh the execution:" }),
    age: (page) => page.getByRole("alert").filter({ hasText: /Could not refresh the execution:.*Showing data from .* ago/ }),
  },
  {
    name: "approvals",
    path: () => "/approvals",
    shows: async (page, phase) => {
      const main = page.getByRole("main");
      const card = main.getByRole("article").filter({ hasText: "orders › Approve › Review" });
      // A decided approval stays on screen, marked as such, until the page is left.
      if (phase === "deploying") await eventually(card.filter({ hasText: "No longer waiting" })).toHaveCount(1);
      else await eventually(card.filter({ hasText: /\d+ d \d+ h left/ })).toHaveCount(1);
    },
    banner: (page) => page.getByRole("alert").filter({ hasText: "Could not refresh" }),
    age: (page) => page.getByRole("alert").filter({ hasText: /Showing data from .* ago/ }),
  },
  {
    name: "wall",
    path: () => "/wall?refresh=5",
    shows: async (page, phase) => {
      const expected = { waiting: /approval/i, deploying: /in progress/i, waitingAgain: /approval/i }[phase];
      await eventually(tile(page)).toHaveAttribute("aria-label", expected);
    },
    banner: (page) => page.getByRole("status").filter({ hasText: "Can’t reach CodePipeline" }),
    age: (page) => page.getByRole("status").filter({ hasText: /showing data from \d/ }),
  },
];

/** CodePipeline calls the page sends, by operation and input, since the last restart(). */
function countCalls(page: Page) {
  let counts = new Map<string, number>();
  const onRequest = (request: Request) => {
    const target = request.headers()["x-amz-target"];
    if (!target?.startsWith("CodePipeline_20150709.")) return;
    // The whole input names one read: two queries of the same operation and pipeline differ in their input.
    const key = `${target.split(".")[1]} ${request.postData() ?? ""}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  page.on("request", onRequest);
  return {
    restart: () => (counts = new Map()),
    busiest: () => Math.max(0, ...counts.values()),
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    stop: () => page.off("request", onRequest),
  };
}

/** A stack trace on screen looks like "at fn (file.js:1:2)" or names a bundle file with a line number. */
async function expectNoStackTrace(page: Page) {
  await expect(page.locator("body")).not.toContainText(/\bat \S+ \(|\.(js|ts|tsx):\d+:\d+/);
}

for (const under of PAGES) {
  test(`${under.name} page: current under throttling, 500s and latency; keeps its data with its age through an outage`, async ({
    page,
    emulator,
  }) => {
    test.setTimeout(150_000);
    await emulator.loadScenario(world());
    await emulator.advance(70);
    const first = (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: "orders" }))).pipelineExecutionSummaries!;
    const calls = countCalls(page);
    await page.goto(under.path(first[0].pipelineExecutionId!));
    await under.shows(page, "waiting");

    if (!process.env.NOFLAKY) await emulator.faults({ throttleRate: 0.3, errorRate: 0.1, latencyMs: 2000 });
    await emulator.advance(140);
    await under.shows(page, "deploying");
    await expectNoStackTrace(page);

    calls.restart();
    await emulator.faults({ throttleRate: 0, errorRate: 0, latencyMs: 0, down: true });
    await eventually(under.banner(page)).toBeVisible();
    // A polling round tries a read at most 5 times (SDK) × 2 (React Query). Reads that do not raise the
    // banner may start a second round before it shows; a retry loop would send hundreds.
    expect(calls.busiest()).toBeLessThanOrEqual(20);
    await expect(under.age(page)).toBeVisible();
    await emulator.advance(100);
    // The last good data stays on screen, not a blank page or an error page.
    await under.shows(page, "deploying");
    await expect(under.banner(page)).not.toContainText(/undefined|\[object/);
    await expectNoStackTrace(page);

    calls.restart();
    await emulator.faults({ down: false });
    await under.shows(page, "waitingAgain");
    await eventually(under.banner(page)).toBeHidden();
    // Recovery is one round of polling, not a burst of catch-up requests.
    expect(calls.busiest()).toBeLessThanOrEqual(4);
    calls.stop();
  });
}

/** A control's dialog closes when the call succeeded and says so in an alert when it did not. */
async function outcome(dialog: Locator): Promise<"done" | "failed"> {
  const now = async () => ((await dialog.isHidden()) ? "done" : (await dialog.getByRole("alert").count()) > 0 ? "failed" : "pending");
  // Adaptive retry slows every call down after throttling, so this can take a while (20 s measured).
  await expect.poll(now, { timeout: 90_000 }).not.toBe("pending");
  return (await now()) as "done" | "failed";
}

const executionsOf = async (name: string) =>
  (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries ?? [];

test("a start whose answer is lost is retried with the same token: one execution", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("once", { timeline: [] })));
  await page.goto("/pipelines/once");
  let starts = 0;
  const tokens = new Set<string>();
  // The first StartPipelineExecution reaches CodePipeline, but its answer never reaches the browser.
  await page.route(`${emulator.url}/`, async (route) => {
    if (route.request().headers()["x-amz-target"] !== "CodePipeline_20150709.StartPipelineExecution") return route.continue();
    starts++;
    tokens.add((JSON.parse(route.request().postData()!) as { clientRequestToken: string }).clientRequestToken);
    const response = await route.fetch();
    if (starts > 1) return route.fulfill({ response });
    return route.fulfill({ status: 500, contentType: "application/x-amz-json-1.1", json: { __type: "InternalFailure", message: "lost" } });
  });
  await page.getByRole("button", { name: "Release change…" }).click();
  const dialog = page.getByRole("dialog", { name: "Release change in once" });
  await dialog.getByRole("button", { name: "Release change" }).click();
  await expect(dialog).toBeHidden();
  expect(starts).toBe(2);
  expect(tokens.size).toBe(1);
  expect(await executionsOf("once")).toHaveLength(1);
});

test("start and approve under throttling and 500s act once or say they did not", async ({ page, emulator }) => {
  test.setTimeout(200_000);
  await emulator.loadScenario(scenario(pipeline("flaky", { withApproval: true })));
  await emulator.advance(70);
  await page.goto("/pipelines/flaky");
  await expect(action(page, "Review")).toContainText("In progress");
  await emulator.faults({ throttleRate: 0.3, errorRate: 0.1 });

  await page.getByRole("button", { name: "Review approval Review" }).click();
  await page.getByRole("dialog", { name: "Review approval Review in Approve" }).getByRole("button", { name: "Approve" }).click();
  const confirm = page.getByRole("dialog", { name: "Approve Review in flaky?" });
  await confirm.getByRole("button", { name: "Confirm approval" }).click();
  const approved = (await outcome(confirm)) === "done";
  if (!approved) await confirm.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Release change…" }).click();
  const release = page.getByRole("dialog", { name: "Release change in flaky" });
  await release.getByRole("button", { name: "Release change" }).click();
  const started = (await outcome(release)) === "done";

  await emulator.faults({ throttleRate: 0, errorRate: 0 });
  // What the page said is what happened: one new execution or none, one approval decision or none.
  expect(await executionsOf("flaky")).toHaveLength(started ? 2 : 1);
  const decision = (await sdk.send(new GetPipelineStateCommand({ name: "flaky" }))).stageStates?.find((s) => s.stageName === "Approve")
    ?.actionStates?.[0].latestExecution;
  expect(decision?.status).toBe(approved ? "Succeeded" : "InProgress");
});

import { expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

test("keeps the last good data and says how old it is while CodePipeline is down", async ({ page, emulator, overview }) => {
  await emulator.loadScenario(scenario(pipeline("orders"), pipeline("stock")));
  await emulator.advance(200);
  await overview.goto();
  await expect(overview.row("orders")).toContainText("Succeeded");

  await emulator.faults({ down: true });
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Could not refresh", { timeout: 30_000 });
  await expect(alert).toContainText(/Showing data from .* ago/);
  await expect(overview.row("orders")).toContainText("Succeeded");
  await expect(overview.row("orders")).toContainText(/stale, .* old/);

  await emulator.faults({ down: false });
  await expect(alert).toBeHidden({ timeout: 30_000 });
  await expect(overview.row("orders")).not.toContainText("stale");
});

test("polls only the pipelines on screen", async ({ page, emulator, overview }) => {
  await emulator.loadDemo(300);
  const stateRead = new Set<string>();
  const executionsRead = new Set<string>();
  const polled = new Set<string>();
  let recording = false;
  page.on("request", (request) => {
    const target = request.headers()["x-amz-target"];
    const body = JSON.parse(request.postData() ?? "{}") as { name?: string; pipelineName?: string };
    if (target === "CodePipeline_20150709.ListPipelineExecutions") executionsRead.add(body.pipelineName!);
    if (target !== "CodePipeline_20150709.GetPipelineState") return;
    stateRead.add(body.name!);
    if (recording) polled.add(body.name!);
  });
  await overview.goto();
  await expect(overview.counter("Total")).toHaveText(/^3\d\d Total$/);
  const total = Number((await overview.counter("Total").textContent())!.split(" ")[0]);
  // Once every pipeline has been read once (for counters and order), only rows on screen keep polling.
  await expect
    .poll(() => Math.min(stateRead.size, executionsRead.size), { timeout: 90_000 })
    .toBe(total);
  // With every status known, the attention order settles and the rows on screen stop changing.
  let previous: string[] = [];
  await expect
    .poll(async () => {
      const current = await overview.names();
      const same = current.join() === previous.join();
      previous = current;
      return same;
    })
    .toBe(true);
  const mounted = await overview.names();
  const inViewport = await overview.namesInViewport();
  expect(inViewport.length).toBeGreaterThan(2);
  expect(mounted.length).toBeGreaterThan(inViewport.length);
  recording = true;
  const before = (await emulator.requests()).byOperation.GetPipelineState ?? 0;
  await emulator.advance(1);
  // Every row in the viewport keeps polling (idle rows every few seconds)...
  await expect.poll(() => [...polled].sort(), { timeout: 20_000 }).toEqual([...inViewport].sort());
  // ...for at least two rounds, and nothing else does: not the rows mounted just beyond the viewport, not the
  // hundreds off screen.
  await expect
    .poll(async () => ((await emulator.requests()).byOperation.GetPipelineState ?? 0) - before, { timeout: 40_000 })
    .toBeGreaterThanOrEqual(2 * inViewport.length);
  recording = false;
  expect([...polled].sort()).toEqual([...inViewport].sort());
});

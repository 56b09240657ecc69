import { expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/** One world for the controls: a failure, a pending approval, a running and two finished pipelines. */
async function seed(emulator: import("./fixtures/emulator").EmulatorControl) {
  await emulator.loadScenario(
    scenario(
      pipeline("alpha-api"),
      pipeline("beta-web", { buildFailsOnRuns: [1] }),
      pipeline("gamma-approvals", { withApproval: true }),
      pipeline("delta-docs", { timeline: [{ at: 0, type: "start" }, { at: 150, type: "start" }] }),
      pipeline("epsilon-etl"),
    ),
  );
  // Everything finishes its first run; delta-docs then starts a second run, still in Build.
  await emulator.advance(170);
}

test("attention first by default, then by name or last change", async ({ emulator, overview }) => {
  await seed(emulator);
  await overview.goto();
  await expect(overview.row("delta-docs")).toContainText("In progress");
  await expect.poll(() => overview.names()).toEqual(["beta-web", "gamma-approvals", "delta-docs", expect.any(String), expect.any(String)]);

  await overview.sort.selectOption({ label: "Name" });
  await expect.poll(() => overview.names()).toEqual(["alpha-api", "beta-web", "delta-docs", "epsilon-etl", "gamma-approvals"]);

  await overview.sort.selectOption({ label: "Last change" });
  await expect.poll(async () => (await overview.names())[0]).toBe("delta-docs");
});

test("search by name and filter by status, kept in the URL", async ({ page, emulator, overview }) => {
  await seed(emulator);
  await overview.goto();
  await overview.search.fill("ETA");
  await expect.poll(() => overview.names()).toEqual(["beta-web"]);
  await overview.search.fill("");
  await overview.status.selectOption({ label: "Failed" });
  await expect.poll(() => overview.names()).toEqual(["beta-web"]);
  await expect(page).toHaveURL(/status=failed/);
  await page.reload();
  await expect(overview.status).toHaveValue("failed");
  await expect.poll(() => overview.names()).toEqual(["beta-web"]);
  await overview.status.selectOption({ label: "All statuses" });
  await overview.counter("Waiting for approval").click();
  await expect.poll(() => overview.names()).toEqual(["gamma-approvals"]);
  await overview.search.fill("no such pipeline");
  await expect(overview.page.getByText("No pipeline matches the search and filter.")).toBeVisible();
});

test("favourites are pinned to the top and survive a reload", async ({ page, emulator, overview }) => {
  await seed(emulator);
  await overview.goto();
  await expect.poll(async () => (await overview.names())[0]).toBe("beta-web");
  const star = page.getByRole("button", { name: "Favourite epsilon-etl" });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await overview.names())[0]).toBe("epsilon-etl");
  await page.reload();
  await expect.poll(async () => (await overview.names())[0]).toBe("epsilon-etl");
  await page.getByRole("button", { name: "Favourite epsilon-etl" }).click();
  await expect.poll(async () => (await overview.names())[0]).toBe("beta-web");
});

test("keyboard: search, sort and rows are reachable and operable without a mouse", async ({ page, emulator, overview }) => {
  await seed(emulator);
  await overview.goto();
  await expect(overview.row("alpha-api")).toBeVisible();
  await overview.search.focus();
  await page.keyboard.type("alpha");
  await expect.poll(() => overview.names()).toEqual(["alpha-api"]);
  await page.keyboard.press("Tab");
  await expect(overview.status).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(overview.sort).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "New pipeline" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Favourite alpha-api" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "alpha-api", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/pipelines\/alpha-api$/);
});

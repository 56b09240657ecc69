import { expect, test } from "./fixtures";
import { axe } from "./fixtures/axe";
import { pipeline, scenario } from "./fixtures/scenarios";

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1440, height: 900 } });

    test("the overview has no axe violations", async ({ page, emulator, overview }) => {
      await emulator.loadScenario(
        scenario(
          pipeline("accessible-api"),
          pipeline("accessible-web", { buildFailsOnRuns: [1], buildError: "Unit tests failed" }),
          pipeline("accessible-gate", { withApproval: true }),
          pipeline("accessible-frozen", { timeline: [{ at: -1, type: "disableTransition", stageName: "Deploy", reason: "Freeze" }, { at: 0, type: "start" }] }),
        ),
      );
      await emulator.advance(200);
      await overview.goto();
      await expect(overview.row("accessible-web")).toContainText("Failed");
      await expect(overview.row("accessible-frozen")).toContainText("disabled");
      await page.getByRole("button", { name: "Favourite accessible-api" }).click();
      const results = await axe(page).analyze();
      expect(results.violations).toEqual([]);
    });

    test("the config explanation page has no axe violations", async ({ page }) => {
      await page.route("**/config.json", (route) => route.fulfill({ json: { region: "nowhere" } }));
      await page.goto("/");
      await expect(page.getByRole("heading", { name: "The dashboard is not configured" })).toBeVisible();
      const results = await axe(page).analyze();
      expect(results.violations).toEqual([]);
    });
  });
}

import { ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import AxeBuilder from "@axe-core/playwright";
import { configFor, expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";
import { clientFor, multiSourceConfig, PROD_ACCOUNT, placed } from "./fixtures/sources";

async function executionCount(emulatorUrl: string, accountId: string, region: string, name: string): Promise<number> {
  const client = await clientFor(emulatorUrl, accountId, region);
  return (await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!.length;
}

test.use({ config: configFor(multiSourceConfig) });

test.describe("many accounts and regions", () => {
  test.beforeEach(async ({ emulator }) => {
    // The same name in two accounts, one failing only in production, one pipeline only in eu-west-1.
    await emulator.loadScenario(
      scenario(
        pipeline("orders"),
        placed(pipeline("orders", { buildFailsOnRuns: [1], buildError: "prod build broke" }), PROD_ACCOUNT),
        placed(pipeline("billing"), PROD_ACCOUNT, "eu-west-1"),
      ),
    );
    await emulator.advance(200);
  });

  test("the overview lists every source's pipelines, labelled, while a broken source reports its own error", async ({ page, overview }) => {
    await overview.goto();
    const rows = overview.list.getByRole("listitem");
    await expect(rows).toHaveCount(3);
    const devOrders = rows.filter({ hasText: "Dev · us-east-1" });
    const prodOrders = rows.filter({ hasText: "Prod · us-east-1" });
    await expect(devOrders).toContainText("orders");
    await expect(devOrders).toContainText("Succeeded");
    await expect(prodOrders).toContainText("orders");
    await expect(prodOrders).toContainText("Failed");
    await expect(rows.filter({ hasText: "Prod · eu-west-1" })).toContainText("billing");
    // Failures first, across sources.
    await expect(rows.first()).toContainText("Prod · us-east-1");

    const alert = page.getByRole("alert").filter({ hasText: "Broken · us-east-1" });
    await expect(alert).toContainText("arn:aws:iam::210987654321:role/Missing");
    await expect(page.getByRole("banner")).toContainText("4 accounts and regions");

    await page.getByRole("combobox", { name: "Source" }).selectOption({ label: "Prod · eu-west-1" });
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("billing");
    await expect(page).toHaveURL(/source=prod-eu/);
    await page.reload();
    await expect(rows).toHaveCount(1);

    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  test("a pipeline's URL names its source: deep links and reloads open the right account", async ({ page, overview }) => {
    await overview.goto();
    await overview.list.getByRole("link", { name: "orders in Prod · us-east-1" }).click();
    await expect(page).toHaveURL(/\/sources\/prod\/pipelines\/orders$/);
    await expect(page.getByRole("heading", { name: "orders", level: 1 })).toBeVisible();
    await expect(page.getByText("Prod · us-east-1", { exact: true })).toBeVisible();
    await expect(page.getByText("prod build broke").first()).toBeVisible();

    await page.goto("/pipelines/orders");
    await expect(page.getByText("Dev · us-east-1", { exact: true })).toBeVisible();
    await expect(page.getByText("prod build broke")).toHaveCount(0);

    await page.goto("/sources/prod-eu/pipelines/orders");
    await expect(page.getByRole("alert")).toContainText("There is no pipeline named orders in Prod · eu-west-1");

    await page.goto("/sources/nowhere/pipelines/orders");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("a control acts on the account of the page it is on", async ({ page, emulatorUrl }) => {
    const before = {
      prod: await executionCount(emulatorUrl, PROD_ACCOUNT, "us-east-1", "orders"),
      dev: await executionCount(emulatorUrl, "123456789012", "us-east-1", "orders"),
    };
    await page.goto("/sources/prod/pipelines/orders");
    await page.getByRole("button", { name: "Release change…" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("orders");
    await dialog.getByRole("button", { name: "Release change", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => executionCount(emulatorUrl, PROD_ACCOUNT, "us-east-1", "orders")).toBe(before.prod + 1);
    expect(await executionCount(emulatorUrl, "123456789012", "us-east-1", "orders")).toBe(before.dev);
  });
});

import { expect, test } from "./fixtures";

test.describe("a config.json with unknown and malformed keys", () => {
  test.use({ config: { region: "Virginia", credentials: { type: "static", accessKeyId: "a", secretAccessKey: "b" }, pollingg: {} } });

  test("shows a full-page explanation with every problem and an example", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "The dashboard is not configured" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "config.json is not valid" })).toBeVisible();
    await expect(page.getByText('(top level): unknown key "pollingg"')).toBeVisible();
    await expect(page.getByText("region: region looks like us-east-1")).toBeVisible();
    await expect(page.getByText(/credentials: Static keys are only allowed with a local endpoint/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Example: the local emulator" })).toBeVisible();
    await expect(page.getByText('"identityPoolId": "us-east-1:0000aaaa-0000-4000-8000-000000000001"')).toBeVisible();
  });
});

test.describe("a config.json that is not JSON", () => {
  test.use({ config: "{ region: us-east-1 " });

  test("says the file is not valid JSON", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "config.json is not valid JSON" })).toBeVisible();
  });
});

test("a missing config.json is explained, not a blank page", async ({ page }) => {
  await page.route("**/config.json", (route) => route.fulfill({ status: 404, body: "Not found" }));
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "config.json is missing (HTTP 404)" })).toBeVisible();
});

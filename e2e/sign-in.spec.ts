import { configFor, e2eConfig, expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/** Authenticated identity-pool access through an OpenID login: here the emulator's own sign-in page. */
test.use({
  config: configFor((url) => ({
    ...e2eConfig(url),
    credentials: {
      ...e2eConfig(url).credentials,
      login: {
        provider: "login.emulator.local",
        authorizeUrl: `${url}/_emulator/oauth2/authorize`,
        clientId: "codepipeline-dashboard",
      },
    },
  })),
});

test("signs in through the OpenID provider and reads pipelines as that identity", async ({ page, emulator, overview }) => {
  await emulator.loadScenario(scenario(pipeline("signed-in-orders")));
  await emulator.advance(200);
  await page.goto("/");
  await expect(page.getByText("Sign in to see your pipelines.")).toBeVisible();
  await page.getByRole("button", { name: "Sign in with login.emulator.local" }).click();

  await expect(page.getByRole("heading", { name: "Sign in to the CodePipeline emulator" })).toBeVisible();
  await page.getByLabel("Username").fill("alice");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(overview.row("signed-in-orders")).toContainText("Succeeded");
  // The id token lives in sessionStorage only, and the URL no longer carries it.
  const token = await page.evaluate(() => sessionStorage.getItem("codepipeline-dashboard:id-token"));
  expect(token).toBeTruthy();
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(token!);
  expect(page.url()).not.toContain("id_token");
});

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { CodePipelineClient, StartPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import type { Scenario } from "../emulator/src/scenario/types";
import { EXAMPLE_WORKER_TYPE, exampleWorkerActionType } from "../emulator/src/demo/custom-worker";
import { expect, test } from "./fixtures";

const PIPELINE = "catalog-indexer";
/** This worker's emulator through the SDK (the worker-scoped `sdk` fixture), for the helpers below. */
let sdk: CodePipelineClient;
test.beforeAll(({ sdk: workerSdk }) => {
  sdk = workerSdk;
});

/** Source (simulated, 5 s) → Build: the demo's custom action, which only a job worker can finish. */
const workerWorld: Scenario = {
  traffic: false,
  customActionTypes: [exampleWorkerActionType],
  pipelines: [
    {
      declaration: {
        name: PIPELINE,
        roleArn: "arn:aws:iam::123456789012:role/e2e",
        artifactStore: { type: "S3", location: "e2e-artifacts" },
        pipelineType: "V2",
        executionMode: "SUPERSEDED",
        stages: [
          {
            name: "Source",
            actions: [
              {
                name: "Source",
                actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
                configuration: { S3Bucket: "catalog-sources", S3ObjectKey: "catalog.zip" },
                outputArtifacts: [{ name: "Src" }],
              },
            ],
          },
          {
            name: "Build",
            actions: [{ name: "IndexCatalog", actionTypeId: EXAMPLE_WORKER_TYPE, configuration: { ProjectName: "catalog-indexer", Steps: "2" }, inputArtifacts: [{ name: "Src" }] }],
          },
        ],
      },
      actions: { "Source.Source": { durationSeconds: 5 } },
    },
  ],
};

/** `npm run worker -- --once`: the example worker, in its own process, does one poll against this emulator. */
async function runExampleWorkerOnce(emulatorUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "examples/job-worker/worker.ts", "--endpoint", emulatorUrl, "--once", "--work", "0"],
    { env: { ...process.env, AWS_ACCESS_KEY_ID: "", NODE_NO_WARNINGS: "1" } },
  );
  return stdout;
}

const action = (page: Page, name: string) =>
  page.getByRole("region", { name: /stages and actions/ }).getByRole("article", { name: new RegExp(`^Action ${name}:`) });

function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  return page.screenshot({ path: dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`) });
}

test("a custom action waits for a job worker, then shows the example worker's progress until it succeeds", async ({ page, emulator }) => {
  test.setTimeout(120_000);
  await emulator.loadScenario(workerWorld);
  await sdk.send(new StartPipelineExecutionCommand({ name: PIPELINE }));
  await emulator.advance(10);
  // The browser's clock is the emulator's, so "how long has this job waited" is measured on one clock.
  await page.clock.install({ time: await emulator.now() });
  await page.goto(`/pipelines/${PIPELINE}`);

  const build = action(page, "IndexCatalog");
  await expect(build).toContainText("In progress");
  await expect(build).toContainText("ExampleWorker");
  await expect(build.getByText("Waiting for a job worker")).toHaveCount(0);

  // Nobody polls for the job: after a few minutes the action says so.
  await emulator.advance(180);
  await page.clock.fastForward("03:00");
  await expect(build.getByText("Waiting for a job worker")).toBeVisible();
  await expect(build).toContainText("In progress");
  await shot(page, "job-worker-waiting");
  const axe = await new AxeBuilder({ page }).include('[aria-label^="Action IndexCatalog"]').analyze();
  expect(axe.violations).toEqual([]);

  expect(await runExampleWorkerOnce(emulator.url)).toContain("job: progress");
  await expect(build).toContainText("Step 1 of 2 done");
  await expect(build.getByRole("progressbar", { name: "IndexCatalog progress" })).toHaveAttribute("aria-valuenow", "50");
  await expect(build).toContainText("50%");
  await expect(build.getByText("Waiting for a job worker")).toHaveCount(0);
  await expect(build.getByRole("link", { name: "Execution details of IndexCatalog" })).toHaveAttribute(
    "href",
    /^https:\/\/workers\.tidewater\.io\/projects\/catalog-indexer\/runs\/run-[0-9a-f]{8}$/,
  );
  await shot(page, "job-worker-progress");

  expect(await runExampleWorkerOnce(emulator.url)).toContain("job: succeeded");
  await expect(build).toContainText("Succeeded");
  await expect(build).toContainText("All 2 steps done");
  await shot(page, "job-worker-succeeded");
});

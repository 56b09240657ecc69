// The demo's custom action: Tidewater's catalog indexer runs on their own build farm, which CodePipeline
// reaches through a job worker (examples/job-worker/worker.ts is that worker). The pipeline
// `custom-worker-demo` is Source → Build (the custom action) → Verify.
//
// History is written as if the worker had always run: those runs are simulated (`simulatedRuns`), so
// the 90 days are not a wall of 24-hour timeouts. Every run from the last one before load onwards
// queues a real job: with `npm start` (which also starts the example worker) it is picked up and
// reports its steps; with the emulator alone it waits, and the dashboard says it is waiting for a
// job worker.
import type { ActionDeclaration, ActionTypeId } from "@aws-sdk/client-codepipeline";
import type { ScenarioCustomActionType, ScenarioEvent, ScenarioPipeline } from "../scenario/types";
import { behaviours, scriptedHistory } from "./behaviour";
import { codeBuild, githubSource, pipeline, pushTrigger, stage, tags } from "./builders";
import { createRng } from "./random";

const M = 60;
const H = 3600;

export const CUSTOM_WORKER_PIPELINE = "custom-worker-demo";
/** What `npm run worker` polls for by default. */
export const EXAMPLE_WORKER_TYPE: ActionTypeId = { category: "Build", owner: "Custom", provider: "ExampleWorker", version: "1" };

const WORKER_SITE = "https://workers.tidewater.io";

/** Registered in the demo's account and region, as `aws codepipeline create-custom-action-type` would. */
export const exampleWorkerActionType: ScenarioCustomActionType = {
  category: "Build",
  provider: "ExampleWorker",
  version: "1",
  settings: {
    entityUrlTemplate: `${WORKER_SITE}/projects/{Config:ProjectName}`,
    executionUrlTemplate: `${WORKER_SITE}/projects/{Config:ProjectName}/runs/{ExternalExecutionId}`,
  },
  configurationProperties: [
    { name: "ProjectName", required: true, key: true, secret: false, queryable: true, type: "String", description: "The build farm project to run" },
    { name: "Mode", required: false, key: false, secret: false, queryable: false, type: "String", description: "succeed (default) or fail" },
    { name: "Steps", required: false, key: false, secret: false, queryable: false, type: "Number", description: "How many steps the run reports (default 3)" },
  ],
  inputArtifactDetails: { minimumCount: 0, maximumCount: 5 },
  outputArtifactDetails: { minimumCount: 0, maximumCount: 5 },
};

function indexCatalog(): ActionDeclaration {
  return {
    name: "IndexCatalog",
    actionTypeId: EXAMPLE_WORKER_TYPE,
    runOrder: 1,
    configuration: { ProjectName: "catalog-indexer", Mode: "succeed", Steps: "3" },
    inputArtifacts: [{ name: "SourceOutput" }],
    outputArtifacts: [{ name: "IndexOutput" }],
  };
}

function declared(): ScenarioPipeline {
  const declaration = pipeline({
    name: CUSTOM_WORKER_PIPELINE,
    triggers: [pushTrigger("Source", ["main"])],
    stages: [
      stage("Source", [githubSource("catalog-indexer")]),
      stage("Build", [indexCatalog()]),
      stage("Verify", [codeBuild("SmokeTests", "catalog-indexer-smoke", { in: "IndexOutput" }, { category: "Test" })]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "search", env: "prod", service: "catalog-indexer" }),
    actions: behaviours(declaration, {
      "Source.Source": {
        source: {
          repository: "tidewater/catalog-indexer",
          commits: [
            { author: "Sofia Lindqvist", message: "feat(indexer): index product bundles as one document\n\nBundles used to be indexed per item, so search showed the parts before the bundle." },
            { author: "Dev Patel", message: "fix(indexer): skip discontinued products older than 180 days" },
            { author: "Amara Nwosu", message: "perf(indexer): batch price lookups, 40% faster full reindex" },
            { author: "dependabot[bot]", message: "chore(deps): bump @opensearch-project/opensearch from 2.12.0 to 2.13.0" },
          ],
        },
      },
      // Only for the simulated history; live runs are the worker's (see simulatedRuns below).
      "Build.IndexCatalog": {
        durationSeconds: [90, 300],
        failureRate: 0.04,
        summary: "All 3 steps done",
        externalExecutionUrl: `${WORKER_SITE}/projects/catalog-indexer/runs/{actionExecutionId}`,
        error: { code: "JobFailed", message: "Step 2 of 3 failed: 214 products of locale de-DE have no price; the index was not swapped" },
      },
      "Verify.SmokeTests": { durationSeconds: [40, 120], failureRate: 0.05, error: { code: "JobFailed", message: "Smoke test 'search for \"rain jacket\" returns results' failed: 0 hits" } },
    }),
    traffic: { everySeconds: [6 * H, 14 * H] },
  };
}

/** With traffic on, more pushes arrive after load, each a job for the worker. */
const LIVE: ScenarioEvent[] = [25, 80, 150, 240].map((m) => ({ at: m * M, type: "start", triggerType: "WebhookV2" }));

/** The pipeline (history, the run waiting at load, and live starts) and the custom action type it uses. */
export function customWorkerDemo(options: { seed: number; traffic: boolean; historyDays: number }): {
  actionTypes: ScenarioCustomActionType[];
  pipeline: ScenarioPipeline;
} {
  const scripted = scriptedHistory(declared(), createRng(options.seed ^ 0x5eed_c0de), {
    fromSeconds: options.historyDays * 24 * H,
    untilSeconds: 4 * H,
    approvers: [],
    // Pushed 12 minutes before load: the first run a real worker has to do.
    then: [{ at: -12 * M }],
  });
  // Every start runs IndexCatalog once (its source never fails and starts are hours apart), so the
  // history's starts are exactly the runs to simulate.
  const historyRuns = scripted.timeline!.filter((event) => event.type === "start" && event.at < -4 * H).length;
  scripted.actions!["Build.IndexCatalog"].simulatedRuns = historyRuns;
  if (options.traffic) scripted.timeline = [...scripted.timeline!, ...LIVE];
  return { actionTypes: [exampleWorkerActionType], pipeline: scripted };
}

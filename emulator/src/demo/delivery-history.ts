// `catalog-service`: a year of daily deliveries written as timeline events, so that every insight the
// dashboard computes has something to show: daily production deployments, commits made hours before they
// ship (lead time), a flaky unit-test action that fails and passes on a retry, approvals that wait hours,
// production deploys that fail and are rolled back automatically, and incidents rolled back by hand later.
// The year is played by the engine like any history (fast-forwarded on load); only one pipeline has it, so
// the demo still loads in about a second.
import type { ScenarioEvent, ScenarioPipeline } from "../scenario/types";
import { behaviours } from "./behaviour";
import { approval, codeBuild, ecsDeploy, githubSource, pipeline, pushTrigger, stage, tags } from "./builders";
import { commits } from "./commits";
import { createRng } from "./random";

export const DELIVERY_PIPELINE = "catalog-service";
export const DELIVERY_DAYS = 365;

const M = 60;
const H = 3600;
const DAY = 24 * H;

/** How often each thing happens per daily execution. */
const RATES = { buildFails: 0.03, flakyUnitTests: 0.12, rejected: 0.02, deployFails: 0.04, incident: 0.03 };

/**
 * Runs of each action are counted here as the engine will count them (retries and rollbacks re-run
 * actions), so `failOnRuns` pins exactly the failures this script decides.
 */
export function deliveryPipeline(seed: number, approvers: readonly string[]): ScenarioPipeline {
  const rng = createRng(seed ^ 0x5eed19);
  const declaration = pipeline({
    name: DELIVERY_PIPELINE,
    triggers: [pushTrigger("Source", ["main"])],
    stages: [
      stage("Source", [githubSource("catalog-service")]),
      stage("Build", [codeBuild("Build", "catalog-service-build", { in: "SourceOutput", out: "BuildOutput" })]),
      stage("Test", [
        codeBuild("UnitTests", "catalog-service-unit", { in: "BuildOutput" }, { category: "Test" }),
        codeBuild("Lint", "catalog-service-lint", { in: "SourceOutput" }, { category: "Test" }),
      ]),
      stage("Approve", [approval("ReleaseApproval", { customData: "Release catalog-service to production?" })]),
      stage("Production", [ecsDeploy("Deploy", "prod-cluster", "catalog-service", "BuildOutput")], { onFailure: { result: "ROLLBACK" } }),
    ],
  });

  const runs: Record<string, number> = {};
  const fails: Record<string, number[]> = {};
  const ran = (key: string, fail = false) => {
    runs[key] = (runs[key] ?? 0) + 1;
    if (fail) (fails[key] ??= []).push(runs[key]);
  };
  const events: ScenarioEvent[] = [];
  let deployedOnce = false;

  for (let day = DELIVERY_DAYS; day >= 1; day--) {
    const at = -day * DAY + rng.int(8 * H, 10 * H);
    events.push({ at, type: "start", triggerType: "WebhookV2" });
    ran("Source.Source");
    const buildFails = rng.chance(RATES.buildFails);
    ran("Build.Build", buildFails);
    if (buildFails) continue;
    const flaky = rng.chance(RATES.flakyUnitTests);
    ran("Test.UnitTests", flaky);
    ran("Test.Lint");
    if (flaky) {
      // The unit tests pass on the retry: a flaky action.
      events.push({ at: at + 40 * M, type: "retry", stageName: "Test", retryMode: "FAILED_ACTIONS" });
      ran("Test.UnitTests");
    }
    // Reached by 45 minutes in; decided between a quarter of an hour and six hours later.
    const decidedAt = at + 60 * M + rng.int(0, 5 * H);
    const reject = rng.chance(RATES.rejected);
    events.push({
      at: decidedAt,
      type: reject ? "reject" : "approve",
      stageName: "Approve",
      actionName: "ReleaseApproval",
      by: rng.pick(approvers),
      summary: reject ? "Holding until the pricing migration is done" : rng.pick(["LGTM", "Checked on staging", "Ship it"]),
    });
    if (reject) continue;
    const deployFails = rng.chance(RATES.deployFails);
    ran("Production.Deploy", deployFails);
    if (deployFails) {
      // onFailure ROLLBACK: the engine rolls Production back to the last good execution, which re-runs the deploy.
      if (deployedOnce) ran("Production.Deploy");
      continue;
    }
    if (deployedOnce && rng.chance(RATES.incident)) {
      // An incident found after the release: someone rolls Production back by hand a few hours later.
      events.push({ at: decidedAt + rng.int(2 * H, 4 * H), type: "rollback", stageName: "Production" });
      ran("Production.Deploy");
    }
    deployedOnce = true;
  }

  const errors = {
    "Build.Build": { code: "JobFailed", message: "Build failed: COMMAND_EXECUTION_ERROR: Error while executing command: ./gradlew build. Reason: exit status 1" },
    "Test.UnitTests": { code: "JobFailed", message: "Tests failed: CatalogSearchTest > returnsFacets FAILED (java.net.SocketTimeoutException: Read timed out)" },
    "Production.Deploy": { code: "JobFailed", message: "The ECS service catalog-service did not reach a steady state: 2 tasks failed their health checks" },
  };
  return {
    declaration,
    tags: tags({ team: "catalog", env: "production", service: "catalog" }),
    actions: behaviours(declaration, {
      "Source.Source": { source: { repository: "tidewater/catalog-service", commits: commits.web, commitAgeSeconds: [20 * M, 2 * DAY] }, durationSeconds: [5, 15] },
      "Build.Build": { durationSeconds: [180, 300], failOnRuns: fails["Build.Build"], error: errors["Build.Build"] },
      "Test.UnitTests": { durationSeconds: [120, 200], failOnRuns: fails["Test.UnitTests"], error: errors["Test.UnitTests"] },
      "Test.Lint": { durationSeconds: [30, 60] },
      "Production.Deploy": { durationSeconds: [120, 180], failOnRuns: fails["Production.Deploy"], error: errors["Production.Deploy"] },
    }),
    timeline: events,
  };
}

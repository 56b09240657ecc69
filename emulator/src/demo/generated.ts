// Generated pipelines for scale work (`--pipelines N`) and the graph benchmark (`largePipeline`).
import type { ActionDeclaration, PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import type { ScenarioEvent, ScenarioPipeline } from "../scenario/types";
import { approval, codeBuild, ecsDeploy, githubSource, lambdaInvoke, pipeline, stage, tags } from "./builders";
import { commits } from "./commits";
import { createRng } from "./random";

const TEAMS = ["web", "commerce", "payments", "identity", "data", "mobile", "platform", "search", "growth", "logistics"];
const SERVICES = [
  "catalog", "pricing", "reviews", "wishlist", "cart", "shipping", "returns", "loyalty", "giftcards", "tax",
  "fraud", "ledger", "recommendations", "search-indexer", "media", "feeds", "warehouse", "carrier-gateway",
  "customer-profile", "consent", "email-renderer", "sms-gateway", "feature-flags", "audit-log", "geo",
];
const KINDS = ["api", "worker", "frontend", "lambda", "consumer"];

/**
 * `count` pipelines of a company that has grown: unique names (`<team>-<service>-<kind>-<n>`), three to six
 * stages, tags, and a few recent executions each (from the timeline, not traffic, so loading a thousand
 * of them stays fast). Deterministic for a seed.
 */
export function generatedPipelines(count: number, seed = 1): ScenarioPipeline[] {
  const rng = createRng(seed * 7919 + count);
  const out: ScenarioPipeline[] = [];
  for (let i = 1; i <= count; i++) {
    const team = rng.pick(TEAMS);
    const service = rng.pick(SERVICES);
    const kind = rng.pick(KINDS);
    const name = `${team}-${service}-${kind}-${String(i).padStart(4, "0")}`;
    const withTests = rng.chance(0.6);
    const withApproval = rng.chance(0.3);
    const declaration = pipeline({
      name,
      stages: [
        stage("Source", [githubSource(`${service}-${kind}`)]),
        stage("Build", [codeBuild("Build", `${name}-build`, { in: "SourceOutput", out: "BuildOutput" })]),
        ...(withTests
          ? [stage("Test", [
              codeBuild("UnitTests", `${name}-unit`, { in: "BuildOutput" }, { category: "Test" }),
              codeBuild("IntegrationTests", `${name}-integration`, { in: "BuildOutput" }, { category: "Test" }),
            ])]
          : []),
        stage("Staging", [ecsDeploy("DeployStaging", `${team}-staging`, `${service}-${kind}`, "BuildOutput")]),
        ...(withApproval
          ? [stage("Approval", [approval("PromoteToProduction", { customData: `Promote ${service}-${kind} to production.` })])]
          : []),
        stage("Production", [ecsDeploy("DeployProduction", `${team}-prod`, `${service}-${kind}`, "BuildOutput")]),
      ],
    });
    const timeline: ScenarioEvent[] = [];
    const starts = rng.int(1, 3);
    for (let s = 0; s < starts; s++) {
      const at = -rng.int(60, 36 * 3600);
      timeline.push({ at, type: "start", triggerType: "WebhookV2" });
      // Approvals are decided an hour and a half later (by then the approval is surely waiting, as
      // nothing before it fails); the most recent ones are left waiting for a human.
      if (withApproval && at < -2 * 3600) {
        timeline.push({ at: at + 5400, type: "approve", stageName: "Approval", actionName: "PromoteToProduction", by: "release-bot", summary: "Auto-approved after staging checks" });
      }
    }
    timeline.sort((a, b) => a.at - b.at);
    out.push({
      declaration,
      tags: tags({ team, env: "prod", service }),
      actions: {
        "Source.Source": { source: { repository: `tidewater/${service}-${kind}`, commits: commits.api } },
        // Failures only where no approval waits behind them, so every approve event finds its approval.
        ...(withApproval ? {} : { "Build.Build": { failureRate: 0.05 } }),
        ...(withTests && !withApproval ? { "Test.IntegrationTests": { failureRate: 0.05 } } : {}),
      },
      timeline,
    });
  }
  return out;
}

/**
 * A structurally valid pipeline of `stages` stages (2-50) with `actionsPerStage` actions each (1-50):
 * a Source stage of parallel source actions, then stages mixing build, test, deploy and invoke actions
 * over several run orders. For the graph benchmark and layout tests (5x5, 20x20, 50x50).
 */
export function largePipeline(stages: number, actionsPerStage: number, name = `large-${stages}x${actionsPerStage}`): PipelineDeclaration {
  if (stages < 2 || stages > 50 || actionsPerStage < 1 || actionsPerStage > 50) {
    throw new RangeError("largePipeline: 2-50 stages and 1-50 actions per stage");
  }
  const sources = Array.from({ length: actionsPerStage }, (_, j) =>
    githubSource(`monorepo-part-${j + 1}`, "main", `Src${j + 1}`, `Source${j + 1}`),
  );
  // One namespace is enough, and namespaces must be unique.
  sources.forEach((a, j) => { if (j > 0) delete a.namespace; });
  const perOrder = Math.max(1, Math.ceil(Math.sqrt(actionsPerStage)));
  const body = Array.from({ length: stages - 1 }, (_, s) =>
    stage(
      `Stage${String(s + 2).padStart(2, "0")}`,
      Array.from({ length: actionsPerStage }, (_, j): ActionDeclaration => {
        const name = `Action${String(j + 1).padStart(2, "0")}`;
        const input = `Src${(j % actionsPerStage) + 1}`;
        const common = { runOrder: 1 + Math.floor(j / perOrder) };
        switch ((s + j) % 4) {
          case 0: return codeBuild(name, `large-build-${s + 2}-${j + 1}`, { in: input }, common);
          case 1: return codeBuild(name, `large-test-${s + 2}-${j + 1}`, { in: input }, { ...common, category: "Test" });
          case 2: return ecsDeploy(name, "large-cluster", `svc-${s + 2}-${j + 1}`, input, common);
          default: return lambdaInvoke(name, `large-fn-${s + 2}-${j + 1}`, undefined, common);
        }
      }),
    ),
  );
  return pipeline({ name, stages: [stage("Source", sources), ...body] });
}

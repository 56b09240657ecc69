// The demo company's pipelines: Tidewater, an online retailer with a storefront, a handful of APIs,
// data jobs, a mobile app and platform infrastructure. Each pipeline is declared as the console shows
// it, then given behaviour (durations, failure rates, errors), traffic and the timeline events that put
// it in an interesting state at load time.
import type { ActionBehaviour, ScenarioPipeline, TrafficBehaviour } from "../scenario/types";
import { behaviours } from "./behaviour";
import {
  ACCOUNT,
  approval,
  CONNECTION_ARN,
  cloudFormation,
  codeBuild,
  codeCommitSource,
  commandsAction,
  codeDeploy,
  CONSOLE,
  deviceFarm,
  ec2Deploy,
  ecrSource,
  ecsBlueGreen,
  ecsDeploy,
  githubSource,
  lambdaInvoke,
  links,
  pipeline,
  pullRequestTrigger,
  pushTrigger,
  REGION,
  rule,
  s3Deploy,
  s3Source,
  stage,
  stepFunctions,
  tags,
} from "./builders";
import { commits } from "./commits";

const M = 60;
const H = 3600;
/** ANSI colours, as Gradle prints them on a terminal (build logs keep them). */
const RED = "\u001b[31m";
const BOLD = "\u001b[1m";
const RESET = "\u001b[0m";

const role = (r: string, user: string) => `arn:aws:sts::${ACCOUNT}:assumed-role/${r}/${user}`;
/** IAM user names: the engine records decisions as `arn:aws:iam::<account>:user/<name>`. */
export const APPROVERS = ["priya.raman", "owen.gallagher", "kenji.watanabe"];

const autoApprove = (by = APPROVERS[0]): ActionBehaviour => ({
  autoDecision: { status: "Approved", afterSeconds: [10 * M, 2 * H], by, summary: "Checked on staging, good to go" },
});
const busy = (min = 3, max = 8): TrafficBehaviour => ({ everySeconds: [min * H, max * H] });
const tsError = (file: string, line: number, msg: string) => ({
  code: "JobFailed",
  message: `Build failed: COMMAND_EXECUTION_ERROR: Error while executing command: npm run build. Reason: exit status 2\n${file}(${line},13): error TS2322: ${msg}`,
});

// ---- Web ------------------------------------------------------------------------------------------

function webStorefront(): ScenarioPipeline {
  const declaration = pipeline({
    name: "web-storefront",
    triggers: [pushTrigger("Source", ["main"])],
    stages: [
      stage("Source", [githubSource("storefront-web")]),
      stage("Build", [codeBuild("Build", "storefront-web-build", { in: "SourceOutput", out: "BuildOutput" }, { namespace: "BuildVariables" })]),
      stage("Test", [
        codeBuild("UnitTests", "storefront-web-unit", { in: "BuildOutput" }, { category: "Test" }),
        codeBuild("IntegrationTests", "storefront-web-integration", { in: "BuildOutput" }, { category: "Test" }),
        codeBuild("E2ETests", "storefront-web-e2e", { in: "BuildOutput" }, { category: "Test", env: { BASE_URL: "https://staging.shop.tidewater.io" } }),
      ]),
      stage("Staging", [ecsDeploy("DeployStaging", "storefront-staging", "storefront-web", "BuildOutput")]),
      stage("Approval", [
        approval("PromoteToProduction", {
          customData: "Storefront build #{BuildVariables.BUILD_ID} is live on staging. Check checkout, search and the product page before promoting.",
          link: "https://staging.shop.tidewater.io/release-notes",
          timeoutInMinutes: 1440,
        }),
      ]),
      stage("Production", [ecsDeploy("DeployProduction", "storefront-prod", "storefront-web", "BuildOutput")]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "web", env: "prod", service: "storefront" }),
    actions: behaviours(declaration, {
      "Source.Source": { source: { repository: "tidewater/storefront-web", commits: commits.web } },
      "Build.Build": {
        durationSeconds: [150, 330],
        failureRate: 0.05,
        error: tsError("src/cart/CartSummary.tsx", 48, "Type 'string | undefined' is not assignable to type 'string'."),
        // The buildspec's exported-variables, read by the approval's message as #{BuildVariables.BUILD_ID}.
        outputVariables: { BUILD_ID: "{BuildNumber}", IMAGE_TAG: "web-{BuildNumber}" },
      },
      "Test.UnitTests": { durationSeconds: [60, 120], failureRate: 0.03 },
      "Test.IntegrationTests": { durationSeconds: [150, 260], failureRate: 0.04 },
      "Test.E2ETests": {
        durationSeconds: [240, 420],
        failureRate: 0.08,
        error: { code: "JobFailed", message: "3 of 142 Playwright tests failed: checkout/guest.spec.ts:57 Timed out 15000ms waiting for getByRole('button', { name: 'Place order' })" },
      },
      "Staging.DeployStaging": { durationSeconds: [120, 200] },
      "Approval.PromoteToProduction": autoApprove(),
      "Production.DeployProduction": { durationSeconds: [180, 300], failureRate: 0.02 },
    }),
    traffic: busy(6, 12),
    timeline: [
      // Waiting for the release manager since this afternoon...
      { at: -150 * M, type: "start", triggerType: "WebhookV2", triggerDetail: CONNECTION_ARN },
      // ...while the next commit is already building.
      { at: -190, type: "start", triggerType: "WebhookV2", triggerDetail: CONNECTION_ARN },
    ],
  };
}

function previewEnvironments(): ScenarioPipeline {
  const declaration = pipeline({
    name: "storefront-preview-environments",
    mode: "PARALLEL",
    triggers: [pullRequestTrigger("Source", ["main"])],
    stages: [
      stage("Source", [githubSource("storefront-web")]),
      stage("Build", [codeBuild("Build", "storefront-preview-build", { in: "SourceOutput", out: "BuildOutput" })]),
      stage("DeployPreview", [
        cloudFormation("DeployPreviewStack", "storefront-preview-#{SourceVariables.BranchName}", "CREATE_UPDATE", {
          in: "BuildOutput",
          template: "BuildOutput::preview.yaml",
        }),
      ]),
      stage("Verify", [
        codeBuild("SmokeTests", "storefront-preview-smoke", { in: "BuildOutput" }, { category: "Test" }),
        lambdaInvoke("CommentOnPullRequest", "github-pr-commenter", { template: "preview-ready" }, { runOrder: 2 }),
      ]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "web", env: "preview", service: "storefront" }),
    actions: behaviours(declaration, {
      "Source.Source": { source: { repository: "tidewater/storefront-web", commits: commits.web } },
      "Build.Build": { durationSeconds: [200, 320], failureRate: 0.06 },
      "DeployPreview.DeployPreviewStack": { durationSeconds: [150, 240] },
      "Verify.SmokeTests": { durationSeconds: [60, 120], failureRate: 0.04 },
      "Verify.CommentOnPullRequest": { durationSeconds: [3, 8], summary: "Preview URL posted on the pull request" },
    }),
    traffic: { everySeconds: [4 * H, 10 * H], triggerType: "WebhookV2", triggerDetail: CONNECTION_ARN },
    // Two pull requests building side by side.
    timeline: [
      { at: -330, type: "start", triggerType: "WebhookV2", triggerDetail: CONNECTION_ARN },
      { at: -140, type: "start", triggerType: "WebhookV2", triggerDetail: CONNECTION_ARN },
    ],
  };
}

function docsSite(): ScenarioPipeline {
  const declaration = pipeline({
    name: "developer-docs",
    triggers: [pushTrigger("Source", ["main"], ["docs/**", "site/**"])],
    stages: [
      stage("Source", [githubSource("developer-docs")]),
      stage("Build", [codeBuild("BuildSite", "developer-docs-build", { in: "SourceOutput", out: "SiteOutput" })]),
      stage("Deploy", [
        s3Deploy("UploadToS3", "docs.tidewater.io", "SiteOutput"),
        lambdaInvoke("InvalidateCloudFront", "cloudfront-invalidator", { distributionId: "E2QWRUHAPOMQZL", paths: "/*" }, { runOrder: 2 }),
      ]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "devex", env: "prod", service: "docs" }),
    actions: behaviours(declaration, {
      "Source.Source": { source: { repository: "tidewater/developer-docs", commits: commits.docs } },
      "Build.BuildSite": { durationSeconds: [90, 180], failureRate: 0.03 },
      "Deploy.UploadToS3": { durationSeconds: [20, 45] },
      "Deploy.InvalidateCloudFront": { durationSeconds: [5, 15], summary: "Invalidation I2J5K8L0M3N6 created for /*" },
    }),
    traffic: busy(10, 24),
    timeline: [{ at: -75, type: "start", triggerType: "WebhookV2", triggerDetail: CONNECTION_ARN }],
  };
}

// ---- APIs -----------------------------------------------------------------------------------------

function checkoutApi(): ScenarioPipeline {
  const declaration = pipeline({
    name: "checkout-api",
    triggers: [pushTrigger("Source", ["main"])],
    stages: [
      stage("Source", [githubSource("checkout-api")]),
      stage("Build", [
        codeBuild("BuildImage", "checkout-api-docker", { in: "SourceOutput", out: "BuildOutput" }),
        codeBuild("UnitTests", "checkout-api-unit", { in: "SourceOutput" }, { category: "Test" }),
      ]),
      stage("Staging", [
        ecsDeploy("DeployStaging", "commerce-staging", "checkout-api", "BuildOutput"),
        codeBuild("SmokeTests", "checkout-api-smoke", { in: "SourceOutput" }, { category: "Test", runOrder: 2 }),
      ]),
      stage("Production", [ecsBlueGreen("DeployProduction", "AppECS-commerce-prod-checkout-api", "DgpECS-commerce-prod-checkout-api", "BuildOutput")]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "commerce", env: "prod", service: "checkout" }),
    actions: behaviours(declaration, {
      "Source.Source": { source: { repository: "tidewater/checkout-api", commits: commits.api } },
      "Build.BuildImage": { durationSeconds: [120, 240], failureRate: 0.04 },
      "Build.UnitTests": { durationSeconds: [90, 150], failureRate: 0.04 },
      "Staging.DeployStaging": { durationSeconds: [150, 240] },
      "Staging.SmokeTests": { durationSeconds: [45, 90], failureRate: 0.02 },
      "Production.DeployProduction": { durationSeconds: [360, 600], failureRate: 0.02 },
    }),
    traffic: busy(6, 14),
    timeline: [
      // The holiday freeze holds releases in front of Production: the first one waiting gets superseded.
      { at: -3 * H, type: "disableTransition", stageName: "Production", reason: "Holiday change freeze until Monday 09.00 (OPS-1432)", by: "owen.gallagher" },
      { at: -55 * M, type: "start", triggerType: "WebhookV2", triggerDetail: CONNECTION_ARN },
      { at: -25 * M, type: "start", triggerType: "WebhookV2", triggerDetail: CONNECTION_ARN },
    ],
  };
}

function ordersApi(): ScenarioPipeline {
  const declaration = pipeline({
    name: "orders-api",
    stages: [
      stage("Source", [ecrSource("orders-api", "release"), githubSource("orders-deploy-config", "main", "ConfigOutput", "DeployConfig")]),
      stage("Prepare", [codeBuild("RenderTaskDefinition", "orders-api-render-taskdef", { in: ["ConfigOutput", "ImageOutput"], out: "DeployOutput" })]),
      stage("Staging", [ecsDeploy("DeployStaging", "commerce-staging", "orders-api", "DeployOutput")]),
      stage("Verify", [
        codeBuild("ContractTests", "orders-api-contract-tests", { in: "ConfigOutput" }, { category: "Test" }),
        codeBuild("LoadTest", "orders-api-k6-load", { in: "ConfigOutput" }, { category: "Test" }),
      ]),
      stage("Production", [ecsDeploy("DeployProduction", "commerce-prod", "orders-api", "DeployOutput")]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "commerce", env: "prod", service: "orders" }),
    actions: behaviours(declaration, {
      "Source.DeployConfig": { source: { repository: "tidewater/orders-deploy-config", commits: commits.api } },
      "Prepare.RenderTaskDefinition": { durationSeconds: [30, 60] },
      "Staging.DeployStaging": { durationSeconds: [120, 200] },
      "Verify.ContractTests": { durationSeconds: [90, 150], failureRate: 0.03 },
      "Verify.LoadTest": {
        durationSeconds: [300, 420],
        failureRate: 0.05,
        error: { code: "JobFailed", message: "k6 thresholds crossed: http_req_duration p(95)=812ms > 500ms on POST /orders" },
      },
      "Production.DeployProduction": { durationSeconds: [150, 260], failureRate: 0.02 },
    }),
    traffic: { everySeconds: [8 * H, 16 * H], triggerType: "CloudWatchEvent", triggerDetail: `arn:aws:events:${REGION}:${ACCOUNT}:rule/orders-api-ecr-push` },
    // On-call rolled production back to the previous release after a latency alarm.
    timeline: [{ at: -20 * M, type: "rollback", stageName: "Production" }],
  };
}

function paymentsService(): ScenarioPipeline {
  const declaration = pipeline({
    name: "payments-service",
    triggers: [pushTrigger("Source", ["main"])],
    stages: [
      stage("Source", [githubSource("payments-service")]),
      stage("Build", [codeBuild("SamBuild", "payments-service-sam", { in: "SourceOutput", out: "BuildOutput" })]),
      stage("Staging", [
        cloudFormation("DeployStaging", "payments-service-staging", "CREATE_UPDATE", { in: "BuildOutput", params: "BuildOutput::config/staging.json" }),
        codeBuild("IntegrationTests", "payments-service-integration", { in: "SourceOutput" }, { category: "Test", runOrder: 2 }),
      ]),
      stage("Production", [
        cloudFormation("CreateChangeSet", "payments-service-prod", "CHANGE_SET_REPLACE", { in: "BuildOutput", params: "BuildOutput::config/prod.json" }),
        approval("ApproveChangeSet", {
          runOrder: 2,
          customData: "Review the change set for payments-service-prod (Lambda, API Gateway and DynamoDB changes) before executing.",
          link: `${CONSOLE}/cloudformation/home?region=${REGION}#/stacks/changesets/changes?stackId=payments-service-prod&changeSetId=payments-service-prod-changes`,
          topic: "payments-approvals",
        }),
        cloudFormation("ExecuteChangeSet", "payments-service-prod", "CHANGE_SET_EXECUTE", { runOrder: 3 }),
      ]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "payments", env: "prod", service: "payments", compliance: "pci" }),
    actions: behaviours(declaration, {
      "Source.Source": { durationSeconds: [5, 15], source: { repository: "tidewater/payments-service", commits: commits.api } },
      "Build.SamBuild": { durationSeconds: [100, 180], failureRate: 0.04 },
      "Staging.DeployStaging": { durationSeconds: [90, 180], failureRate: 0.02 },
      "Staging.IntegrationTests": { durationSeconds: [120, 200], failureRate: 0.05 },
      "Production.CreateChangeSet": { durationSeconds: [20, 45] },
      "Production.ExecuteChangeSet": {
        durationSeconds: [120, 240],
        failureRate: 0.03,
        error: {
          code: "JobFailed",
          message:
            "Stack payments-service-prod is in UPDATE_ROLLBACK_COMPLETE state. UPDATE_FAILED for PaymentsApiFunction (AWS::Lambda::Function): Resource handler returned message: \"Unzipped size must be smaller than 262144000 bytes (Service: Lambda, Status Code: 400, Request ID: 6b1f2c9e-8d4a-4f7b-9c3e-2a5d8e1f0b7c)\". The stack was rolled back to its previous state.",
        },
      },
    }),
    traffic: busy(8, 18),
  };
}

function notificationsService(): ScenarioPipeline {
  const declaration = pipeline({
    name: "notifications-service",
    triggers: [pushTrigger("Source", ["main"])],
    stages: [
      stage("Source", [githubSource("notifications-service")]),
      stage("Build", [codeBuild("Build", "notifications-service-build", { in: "SourceOutput", out: "BuildOutput" })]),
      stage("Staging", [cloudFormation("DeployStaging", "notifications-staging", "CREATE_UPDATE", { in: "BuildOutput" })]),
      stage("Production", [
        cloudFormation("DeployProduction", "notifications-prod", "CREATE_UPDATE", { in: "BuildOutput" }),
        lambdaInvoke("WarmUp", "notifications-prod-warmup", { concurrency: "20" }, { runOrder: 2 }),
      ]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "engagement", env: "prod", service: "notifications" }),
    actions: behaviours(declaration, {
      "Source.Source": { source: { repository: "tidewater/notifications-service", commits: commits.api } },
      "Build.Build": { durationSeconds: [120, 200], failureRate: 0.04 },
      "Staging.DeployStaging": { durationSeconds: [60, 150] },
      "Production.DeployProduction": { durationSeconds: [60, 150], failureRate: 0.02 },
      "Production.WarmUp": { durationSeconds: [5, 20], summary: "20 instances warmed" },
    }),
    traffic: busy(8, 20),
    timeline: [{ at: -100, type: "start", triggerType: "WebhookV2", triggerDetail: CONNECTION_ARN }],
  };
}

function identityService(): ScenarioPipeline {
  const declaration = pipeline({
    name: "identity-service",
    triggers: [pushTrigger("Source", ["main", "release/*"])],
    variables: [
      { name: "RELEASE_CHANNEL", defaultValue: "stable", description: "stable or canary" },
      { name: "CANARY_PERCENT", defaultValue: "10", description: "Share of production traffic on the new task set" },
      { name: "DEPLOY_REGION", defaultValue: REGION, description: "Region of the production cluster" },
    ],
    stages: [
      stage("Source", [githubSource("identity-service")]),
      stage("Build", [
        codeBuild("Build", "identity-service-build", { in: "SourceOutput", out: "BuildOutput" }, {
          namespace: "BuildVariables",
          env: { RELEASE_CHANNEL: "#{variables.RELEASE_CHANNEL}" },
        }),
      ]),
      stage("Staging", [ecsDeploy("DeployStaging", "identity-staging", "identity-service", "BuildOutput")]),
      stage(
        "Production",
        [ecsBlueGreen("DeployCanary", "AppECS-identity-prod", "DgpECS-identity-prod-#{variables.CANARY_PERCENT}pct", "BuildOutput")],
        {
          beforeEntry: {
            conditions: [{ result: "FAIL", rules: [rule("NoOpenIncidents", "CloudWatchAlarm", { AlarmName: "identity-prod-open-incidents", WaitTime: "1" })] }],
          },
          onSuccess: {
            conditions: [{ result: "ROLLBACK", rules: [rule("LoginErrorRate", "CloudWatchAlarm", { AlarmName: "identity-prod-login-5xx", WaitTime: "5" })] }],
          },
          onFailure: { result: "ROLLBACK" },
        },
      ),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "identity", env: "prod", service: "identity" }),
    actions: behaviours(declaration, {
      "Source.Source": { source: { repository: "tidewater/identity-service", commits: commits.api } },
      "Build.Build": { durationSeconds: [120, 240], failureRate: 0.04 },
      "Staging.DeployStaging": { durationSeconds: [120, 200] },
      "Production.DeployCanary": { durationSeconds: [240, 420], failureRate: 0.04 },
    }),
    traffic: busy(8, 16),
    timeline: [
      {
        at: -150,
        type: "start",
        triggerType: "StartPipelineExecution",
        triggerDetail: role("Developers", "kenji.watanabe"),
        variables: [
          { name: "RELEASE_CHANNEL", value: "canary" },
          { name: "CANARY_PERCENT", value: "25" },
        ],
      },
    ],
  };
}

function billingLegacy(): ScenarioPipeline {
  const declaration = pipeline({
    name: "billing-monolith",
    type: "V1",
    stages: [
      stage("Source", [codeCommitSource("billing-monolith")]),
      stage("Build", [codeBuild("Build", "billing-monolith-maven", { in: "SourceOutput", out: "BuildOutput" })]),
      stage("Staging", [codeDeploy("DeployStaging", "billing-monolith", "billing-staging", "BuildOutput")]),
      stage("Production", [codeDeploy("DeployProduction", "billing-monolith", "billing-prod-fleet", "BuildOutput")]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "finance-eng", env: "prod", service: "billing" }),
    actions: behaviours(declaration, {
      "Source.Source": {
        source: {
          repository: "billing-monolith",
          commits: commits.legacy,
          jsonSummary: false,
          revisionUrlTemplate: `${CONSOLE}/codesuite/codecommit/repositories/billing-monolith/commit/{commitId}?region=${REGION}`,
        },
      },
      "Build.Build": { durationSeconds: [420, 720], failureRate: 0.06, error: { code: "JobFailed", message: "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project billing-core: Compilation failure\n[ERROR] /codebuild/output/src/billing-core/src/main/java/io/tidewater/billing/VatCalculator.java:[88,31] incompatible types: possible lossy conversion from double to long" } },
      "Staging.DeployStaging": { durationSeconds: [300, 480] },
      "Production.DeployProduction": { durationSeconds: [600, 900], failureRate: 0.03 },
    }),
    traffic: { everySeconds: [12 * H, 30 * H], triggerType: "CloudWatchEvent", triggerDetail: `arn:aws:events:${REGION}:${ACCOUNT}:rule/codepipeline-billing-monolith-master` },
    // A push 4 minutes before load: its Maven build (7 to 12 minutes) is running, its log growing.
    timeline: [{ at: -4 * M, type: "start", triggerType: "CloudWatchEvent", triggerDetail: `arn:aws:events:${REGION}:${ACCOUNT}:rule/codepipeline-billing-monolith-master` }],
  };
}

function warehouseSync(): ScenarioPipeline {
  const declaration = pipeline({
    name: "warehouse-sync",
    triggers: [pushTrigger("Source", ["main"])],
    stages: [
      stage("Source", [githubSource("warehouse-sync")]),
      stage("Build", [codeBuild("Build", "warehouse-sync-build", { in: "SourceOutput", out: "BuildOutput" })]),
      // The schema check runs on CodePipeline's own compute: a Commands action, its log in CloudWatch Logs.
      stage("Verify", [commandsAction("SchemaCheck", ["pip install -r requirements.txt", "python -m warehouse_sync.check_schema --target staging"], { in: "BuildOutput" })]),
      // The sync workers run on a fleet of five EC2 instances in the warehouse VPC, two at a time.
      stage("Deploy", [ec2Deploy("DeployToFleet", ["Role", "warehouse-sync"], "BuildOutput", { maxBatch: 2 })]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "fulfillment", env: "prod", service: "warehouse-sync" }),
    actions: behaviours(declaration, {
      "Source.Source": { source: { repository: "tidewater/warehouse-sync", commits: commits.api } },
      "Build.Build": { durationSeconds: [150, 240], failureRate: 0.04 },
      "Verify.SchemaCheck": { durationSeconds: [60, 120], failureRate: 0.03 },
      "Deploy.DeployToFleet": {
        durationSeconds: [300, 480],
        failureRate: 0.04,
        deployTargets: {
          count: 5,
          failingTarget: 4,
          message: "scripts/start-and-check.sh exited with code 1: warehouse-sync did not answer on :8080/health within 60 s (connection refused)",
        },
      },
    }),
    traffic: busy(10, 24),
  };
}

// ---- Data -----------------------------------------------------------------------------------------

function clickstreamEtl(): ScenarioPipeline {
  const declaration = pipeline({
    name: "clickstream-etl",
    mode: "QUEUED",
    stages: [
      stage("Source", [s3Source("RawEvents", "tidewater-clickstream-landing", "exports/clickstream-hourly.zip", "RawEvents")]),
      stage("Transform", [stepFunctions("RunGlueJobs", "clickstream-glue-orchestrator", { jobs: ["sessionize", "enrich-geo", "dedupe"] }, { in: "RawEvents" })]),
      stage("Load", [
        lambdaInvoke("LoadRedshift", "clickstream-redshift-loader", { schema: "analytics", table: "clickstream_events" }),
        lambdaInvoke("RefreshDashboards", "quicksight-dataset-refresh", { dataset: "clickstream-daily" }, { runOrder: 2 }),
      ]),
    ],
  });
  const trigger = `arn:aws:events:${REGION}:${ACCOUNT}:rule/clickstream-landing-object-created`;
  return {
    declaration,
    tags: tags({ team: "data", env: "prod", service: "clickstream" }),
    actions: behaviours(declaration, {
      "Transform.RunGlueJobs": {
        durationSeconds: [9 * M, 14 * M],
        failureRate: 0.04,
        error: { code: "JobFailed", message: "Execution failed at state 'enrich-geo': Glue job run jr_4f1c... failed: Container killed by YARN for exceeding memory limits. 11.2 GB of 11 GB physical memory used." },
      },
      "Load.LoadRedshift": { durationSeconds: [4 * M, 7 * M], summary: "COPY loaded 1,284,112 rows into analytics.clickstream_events" },
      "Load.RefreshDashboards": { durationSeconds: [20, 60] },
    }),
    traffic: { everySeconds: [6 * H, 12 * H], triggerType: "CloudWatchEvent", triggerDetail: trigger },
    // Hourly exports arrived faster than the loads finish: they queue in front of Transform.
    timeline: [-20, -14, -9, -4].map((m) => ({ at: m * M, type: "start" as const, triggerType: "CloudWatchEvent" as const, triggerDetail: trigger })),
  };
}

function revenueReport(): ScenarioPipeline {
  const declaration = pipeline({
    name: "nightly-revenue-report",
    stages: [
      stage("Source", [s3Source("Scripts", "tidewater-data-artifacts", "revenue-report/scripts.zip", "Scripts")]),
      stage("Validate", [codeBuild("DataQualityChecks", "revenue-report-dq", { in: "Scripts" }, { category: "Test" })]),
      stage("Run", [stepFunctions("RunRevenueJob", "revenue-report-glue", { date: "yesterday", currency: "EUR" }, { in: "Scripts" })]),
      stage("Publish", [lambdaInvoke("PublishReport", "revenue-report-publisher", { channel: "#finance-daily", format: "xlsx" })]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "data", env: "prod", service: "finance-reporting" }),
    actions: behaviours(declaration, {
      "Validate.DataQualityChecks": { durationSeconds: [60, 120], failureRate: 0.05, error: { code: "JobFailed", message: "Great Expectations suite revenue.orders failed: expect_column_values_to_not_be_null(order_total) 37 unexpected values" } },
      "Run.RunRevenueJob": { durationSeconds: [15 * M, 25 * M], failureRate: 0.03 },
      "Publish.PublishReport": { durationSeconds: [10, 30], summary: "Report sent to #finance-daily" },
    }),
    traffic: { everySeconds: [20 * H, 28 * H], triggerType: "CloudWatchEvent", triggerDetail: `arn:aws:events:${REGION}:${ACCOUNT}:rule/nightly-revenue-0200-utc` },
    timeline: [{ at: -7 * M, type: "start", triggerType: "StartPipelineExecution", triggerDetail: role("DataEngineers", "lucia.moreno") }],
  };
}

// ---- Mobile ---------------------------------------------------------------------------------------

function mobileApp(): ScenarioPipeline {
  const declaration = pipeline({
    name: "mobile-app",
    artifactRegions: ["us-west-2"],
    triggers: [pushTrigger("Source", ["main", "release/*"])],
    stages: [
      stage("Source", [githubSource("tidewater-mobile")]),
      stage("Build", [
        // Mac build hosts run in us-west-2: a cross-region action.
        codeBuild("BuildiOS", "mobile-ios-build", { in: "SourceOutput", out: "IosBuild" }, { region: "us-west-2" }),
        codeBuild("BuildAndroid", "mobile-android-build", { in: "SourceOutput", out: "AndroidBuild" }),
      ]),
      stage("DeviceTests", [
        deviceFarm("TestiOS", "8f3e2d1c-ios-regression", "Tidewater.ipa", "IosBuild"),
        deviceFarm("TestAndroid", "4b7a9c0e-android-regression", "app-release.apk", "AndroidBuild"),
      ]),
      stage("Beta", [
        codeBuild("UploadToTestFlight", "mobile-testflight-upload", { in: "IosBuild" }),
        codeBuild("UploadToPlayInternal", "mobile-play-internal-track", { in: "AndroidBuild" }),
      ]),
      stage("StoreRelease", [
        approval("ApproveStoreRelease", {
          customData: "QA sign-off: run the release checklist on the TestFlight and Play internal builds before submitting to the stores.",
          link: "https://appstoreconnect.apple.com/apps/1480212345/testflight/ios",
          topic: "mobile-releases",
        }),
        codeBuild("SubmitToAppStore", "mobile-appstore-submit", { in: "IosBuild" }, { runOrder: 2 }),
        codeBuild("PromoteToPlayProduction", "mobile-play-production", { in: "AndroidBuild" }, { runOrder: 2 }),
      ]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "mobile", env: "prod", service: "shop-app" }),
    actions: behaviours(declaration, {
      "Source.Source": { durationSeconds: [5, 15], source: { repository: "tidewater/tidewater-mobile", commits: commits.mobile } },
      "Build.BuildiOS": {
        durationSeconds: [540, 780],
        failureRate: 0.03,
        error: { code: "JobFailed", message: "xcodebuild: error: Build failed.\n/codebuild/output/src/ios/Tidewater/Checkout/PaymentSheetView.swift:42:17: error: cannot find 'PaymentSheetResult' in scope" },
      },
      "Build.BuildAndroid": {
        durationSeconds: [420, 600],
        failureRate: 0.03,
        // CodePipeline shows CodeBuild's summary of the failed phase; the compiler's errors are in the build's log.
        build: {
          commands: { build: ["./gradlew assembleRelease"] },
          failureOutput: [
            "> Task :app:compileReleaseKotlin FAILED",
            `${RED}e: file:///codebuild/output/src/android/app/src/main/java/io/tidewater/shop/checkout/PaymentSheetViewModel.kt:87:24 Unresolved reference: PaymentSheetResult${RESET}`,
            `${RED}e: file:///codebuild/output/src/android/app/src/main/java/io/tidewater/shop/checkout/PaymentSheetViewModel.kt:112:9 Type mismatch: inferred type is String? but String was expected${RESET}`,
            "",
            `${RED}${BOLD}FAILURE: Build failed with an exception.${RESET}`,
            "",
            "* What went wrong:",
            "Execution failed for task ':app:compileReleaseKotlin'.",
            "> A failure occurred while executing org.jetbrains.kotlin.compilerRunner.GradleCompilerRunnerWithWorkers$GradleKotlinCompilerWorkAction",
            "   > Compilation error. See log for more details",
            "",
            "* Try:",
            "> Run with --stacktrace option to get the stack trace.",
            "> Run with --info or --debug option to get more log output.",
            "",
            `${RED}${BOLD}BUILD FAILED${RESET} in 6m 41s`,
            "214 actionable tasks: 187 executed, 27 from cache",
          ],
        },
      },
      "DeviceTests.TestiOS": { durationSeconds: [600, 900], failureRate: 0.03 },
      "DeviceTests.TestAndroid": { durationSeconds: [600, 900], failureRate: 0.04 },
      "Beta.UploadToTestFlight": { durationSeconds: [180, 300], summary: "Build 4.12.0 (4120) uploaded to TestFlight" },
      "Beta.UploadToPlayInternal": { durationSeconds: [90, 180], summary: "versionCode 4120 released to the internal track" },
      "StoreRelease.SubmitToAppStore": { durationSeconds: [60, 120] },
      "StoreRelease.PromoteToPlayProduction": { durationSeconds: [60, 120] },
    }),
    traffic: busy(16, 36),
  };
}

// ---- Infrastructure -------------------------------------------------------------------------------

function platformInfra(): ScenarioPipeline {
  const declaration = pipeline({
    name: "platform-infra",
    triggers: [pushTrigger("Source", ["main"], ["envs/prod/**", "modules/**"])],
    stages: [
      stage("Source", [githubSource("platform-terraform")]),
      stage("Plan", [codeBuild("TerraformPlan", "platform-terraform-plan", { in: "SourceOutput", out: "PlanOutput" }, { env: { TF_WORKSPACE: "prod-core" }, namespace: "PlanVariables" })]),
      stage("Review", [
        approval("ApprovePlan", {
          customData: "Review the Terraform plan for prod-core before it is applied. Destroys need a second reviewer.",
          link: links.codeBuild("platform-terraform-plan"),
          timeoutInMinutes: 60,
          topic: "platform-approvals",
        }),
      ]),
      stage("Apply", [codeBuild("TerraformApply", "platform-terraform-apply", { in: "PlanOutput" }, { env: { TF_WORKSPACE: "prod-core" } })]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "platform", env: "prod", service: "core-infrastructure" }),
    actions: behaviours(declaration, {
      "Source.Source": { durationSeconds: [5, 10], source: { repository: "tidewater/platform-terraform", commits: commits.infra } },
      "Plan.TerraformPlan": { durationSeconds: [100, 130], failureRate: 0.05, summary: "Plan: 3 to add, 1 to change, 0 to destroy.", error: { code: "JobFailed", message: "Error: Invalid reference\n  on modules/rds/main.tf line 42, in resource \"aws_rds_cluster\" \"orders\":\n  42:   kms_key_id = aws_kms_key.order.arn\nA managed resource \"aws_kms_key\" \"order\" has not been declared in module.rds." } },
      "Review.ApprovePlan": { autoDecision: { status: "Approved", afterSeconds: [5 * M, 40 * M], by: APPROVERS[1], summary: "Plan reviewed, no destroys" } },
      "Apply.TerraformApply": { durationSeconds: [180, 420], failureRate: 0.03, summary: "Apply complete! Resources: 3 added, 1 changed, 0 destroyed." },
    }),
    traffic: busy(12, 30),
    // Waiting for review for 50 of its 60 minutes.
    timeline: [{ at: -52 * M, type: "start", triggerType: "WebhookV2", triggerDetail: CONNECTION_ARN }],
  };
}

function networkBaseline(): ScenarioPipeline {
  const declaration = pipeline({
    name: "network-baseline",
    triggers: [pushTrigger("Source", ["main"])],
    stages: [
      stage("Source", [githubSource("network-baseline")]),
      stage("Validate", [
        codeBuild("CfnLint", "network-baseline-cfn-lint", { in: "SourceOutput" }, { category: "Test" }),
        codeBuild("CfnGuard", "network-baseline-cfn-guard", { in: "SourceOutput" }, { category: "Test" }),
      ]),
      stage("Production", [
        cloudFormation("CreateChangeSet", "network-baseline-prod", "CHANGE_SET_REPLACE", {
          in: "SourceOutput",
          template: "SourceOutput::templates/network.yaml",
          params: "SourceOutput::params/prod.json",
        }),
        approval("ApproveChangeSet", {
          runOrder: 2,
          customData: "VPC, subnets and routing for production. Check the change set for replacements before executing.",
          link: `${CONSOLE}/cloudformation/home?region=${REGION}#/stacks/changesets/changes?stackId=network-baseline-prod&changeSetId=network-baseline-prod-changes`,
          topic: "platform-approvals",
        }),
        cloudFormation("ExecuteChangeSet", "network-baseline-prod", "CHANGE_SET_EXECUTE", { runOrder: 3 }),
      ]),
    ],
  });
  return {
    declaration,
    tags: tags({ team: "platform", env: "prod", service: "network" }),
    actions: behaviours(declaration, {
      "Source.Source": { source: { repository: "tidewater/network-baseline", commits: commits.infra } },
      "Validate.CfnLint": { durationSeconds: [40, 90], failureRate: 0.06, error: { code: "JobFailed", message: "E3012 Property Resources/PrivateSubnetC/Properties/MapPublicIpOnLaunch should be of type Boolean\ntemplates/network.yaml:212:7" } },
      "Validate.CfnGuard": { durationSeconds: [30, 60], failureRate: 0.03 },
      "Production.CreateChangeSet": { durationSeconds: [20, 40] },
      "Production.ApproveChangeSet": autoApprove(APPROVERS[1]),
      "Production.ExecuteChangeSet": { durationSeconds: [300, 600], failureRate: 0.03 },
    }),
    traffic: busy(16, 40),
    timeline: [
      { at: -45 * M, type: "start", triggerType: "WebhookV2", triggerDetail: CONNECTION_ARN },
      { at: -44 * M, type: "stop", abandon: true, reason: "Wrong parameter file for prod. Fixed in PR 212, re-running from there." },
    ],
  };
}

/** The company's pipelines, in the order a team lead would list them. */
export function companyPipelines(): ScenarioPipeline[] {
  return [
    webStorefront(),
    checkoutApi(),
    ordersApi(),
    paymentsService(),
    identityService(),
    notificationsService(),
    mobileApp(),
    platformInfra(),
    networkBaseline(),
    clickstreamEtl(),
    revenueReport(),
    previewEnvironments(),
    docsSite(),
    billingLegacy(),
    warehouseSync(),
  ];
}

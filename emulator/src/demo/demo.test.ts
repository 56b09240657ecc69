import { BatchGetBuildsCommand, CodeBuildClient } from "@aws-sdk/client-codebuild";
import { CloudWatchLogsClient, GetLogEventsCommand, paginateGetLogEvents } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import {
  CreatePipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  PollForJobsCommand,
  type ActionExecutionDetail,
  type CodePipelineClient,
  type PipelineDeclaration,
  type PipelineExecutionSummary,
  type StageState,
} from "@aws-sdk/client-codepipeline";
import { model } from "../protocol/models/codepipeline";
import { matchesPattern } from "../protocol/validate";
import type { ScenarioPipeline } from "../scenario/types";
import { startEmulator, type StartedEmulator } from "../../test/helpers";
import { DEMO_HISTORY_DAYS, demoScenario, generatedPipelines, largePipeline } from "./index";
import { CUSTOM_WORKER_PIPELINE, EXAMPLE_WORKER_TYPE } from "./custom-worker";
import { DELIVERY_DAYS, DELIVERY_PIPELINE } from "./delivery-history";

// The structure rules are CreatePipeline's (engine/structure.ts): the loaded suite below proves the
// demo passes them, since loading creates every pipeline through them.
const DISABLED_REASON = model.shapes.DisabledReason.pattern;

const actionKeys = (p: ScenarioPipeline) => new Set((p.declaration.stages ?? []).flatMap((s) => (s.actions ?? []).map((a) => `${s.name}.${a.name}`)));
/** Where a pipeline lives: names repeat across the demo's accounts and regions, as they do in real ones. */
const place = (p: ScenarioPipeline) => `${p.accountId ?? "123456789012"} ${p.region ?? "us-east-1"} ${p.declaration.name}`;
const isHome = (p: ScenarioPipeline) => p.accountId === undefined && p.region === undefined;
const byName = (name: string) => demoScenario().pipelines.find((p) => p.declaration.name === name)!;

describe("demo scenario (data)", () => {
  const demo = demoScenario();

  it("declares at least 12 pipelines with unique names, team/env/service tags and behaviour for actions they have", () => {
    expect(demo.pipelines.length).toBeGreaterThanOrEqual(12);
    for (const p of demo.pipelines) {
      expect(p.tags?.map((t) => t.key)).toEqual(expect.arrayContaining(["team", "env", "service"]));
      for (const key of Object.keys(p.actions ?? {})) expect(actionKeys(p), `${p.declaration.name} ${key}`).toContain(key);
    }
    expect(new Set(demo.pipelines.map(place)).size).toBe(demo.pipelines.length);
  });

  it("holds no test data: no markup, scripts or script URLs in anything a newcomer sees", () => {
    const text = JSON.stringify(demoScenario({ extraPipelines: 50 }));
    for (const hostile of ["<script", "<img", "<svg", "<iframe", "javascript:", "vbscript:", "data:text/html", "\u202e"]) expect(text).not.toContain(hostile);
  });

  it("spans two accounts and two regions", () => {
    const places = new Set(demo.pipelines.map((p) => `${p.accountId ?? "123456789012"} ${p.region ?? "us-east-1"}`));
    expect([...places].sort()).toEqual(["123456789012 eu-west-1", "123456789012 us-east-1", "210987654321 eu-west-1", "210987654321 us-east-1"]);
    const prod = demo.pipelines.find((p) => p.accountId === "210987654321" && p.region === "eu-west-1")!;
    expect(JSON.stringify(prod)).not.toMatch(/123456789012|us-east-1/);
  });

  it("covers the pipeline kinds a real company has: V1 CodeCommit, QUEUED, PARALLEL, variables with conditions and rollback", () => {
    const decls = demo.pipelines.filter(isHome).map((p) => p.declaration);
    const providers = (d: PipelineDeclaration) => (d.stages ?? []).flatMap((s) => (s.actions ?? []).map((a) => a.actionTypeId?.provider));
    expect(decls.find((d) => d.pipelineType === "V1" && providers(d).includes("CodeCommit"))).toBeDefined();
    expect(decls.filter((d) => d.executionMode === "QUEUED")).toHaveLength(1);
    expect(decls.filter((d) => d.executionMode === "PARALLEL")).toHaveLength(1);
    const v = decls.find((d) => d.variables?.length && d.stages?.some((s) => s.beforeEntry && s.onSuccess && s.onFailure?.result === "ROLLBACK"));
    expect(v?.variables?.every((x) => x.defaultValue)).toBe(true);
    const web = byName("web-storefront").declaration;
    const test = web.stages!.find((s) => s.name === "Test")!;
    expect(test.actions!.length).toBe(3);
    expect(new Set(test.actions!.map((a) => a.runOrder)).size).toBe(1);
    const approval = web.stages!.flatMap((s) => s.actions!).find((a) => a.actionTypeId?.category === "Approval")!;
    expect(approval.configuration?.CustomData).toBeTruthy();
    expect(approval.configuration?.ExternalEntityLink).toMatch(/^https:\/\//);
    for (const p of ["StepFunctions", "DeviceFarm", "CloudFormation", "ECS", "CodeDeployToECS", "CodeDeploy", "Lambda", "S3", "ECR"]) {
      expect(decls.some((d) => providers(d).includes(p)), p).toBe(true);
    }
  });

  it("writes commits with multi-line messages, conventional prefixes and authors", () => {
    const commits = demo.pipelines.flatMap((p) => Object.values(p.actions ?? {}).flatMap((b) => b.source?.commits ?? []));
    expect(commits.some((c) => c.message.includes("\n"))).toBe(true);
    expect(commits.some((c) => /^(feat|fix|chore)(\(.+\))?: /.test(c.message))).toBe(true);
    expect(new Set(commits.map((c) => c.author)).size).toBeGreaterThan(5);
  });

  it("uses disable reasons AWS accepts", () => {
    const reasons = demo.pipelines.flatMap((p) => (p.timeline ?? []).flatMap((e) => (e.type === "disableTransition" ? [e.reason] : [])));
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(matchesPattern(DISABLED_REASON, r), r).toBe(true);
  });

  it("pins the scripted failures on the run the final execution makes", () => {
    const mobile = byName("mobile-app");
    const android = mobile.actions!["Build.BuildAndroid"];
    const finalStart = mobile.timeline!.filter((e) => e.type === "start" && e.at < 0).length;
    // Every start runs the Android build (it is in the second stage, behind a source that never fails).
    expect(android.failOnRuns?.at(-1)).toBe(finalStart);
    expect(mobile.traffic).toBeUndefined();
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(demoScenario({ seed: 7, extraPipelines: 20 })).toEqual(demoScenario({ seed: 7, extraPipelines: 20 }));
    expect(demoScenario({ seed: 7 })).not.toEqual(demoScenario({ seed: 8 }));
    expect(demoScenario({ traffic: false }).traffic).toBe(false);
  });

  it("generates 1000 uniquely named pipelines", () => {
    const many = generatedPipelines(1000, 3);
    expect(many).toHaveLength(1000);
    expect(new Set(many.map((p) => p.declaration.name)).size).toBe(1000);
    const all = demoScenario({ extraPipelines: 1000 }).pipelines;
    expect(new Set(all.map(place)).size).toBe(all.length);
  });

  it.each([[5, 5], [20, 20], [50, 50]])("builds a %ix%i pipeline", (stages, actions) => {
    const d = largePipeline(stages, actions);
    expect(d.stages).toHaveLength(stages);
    expect(d.stages!.every((s) => s.actions!.length === actions)).toBe(true);
    expect(new Set(d.stages![1].actions!.map((a) => a.runOrder)).size).toBeGreaterThan(1);
  });
});

// ---- The demo loaded into the real emulator -------------------------------------------------------

describe("demo scenario (loaded)", () => {
  let emu: StartedEmulator;
  let cp: CodePipelineClient;
  beforeAll(async () => {
    emu = await startEmulator();
    cp = emu.client();
    emu.core.loadScenario(demoScenario({ traffic: false }));
  });
  afterAll(async () => emu?.close());

  const now = () => emu.core.clock.now().getTime();
  const state = async (name: string) => (await cp.send(new GetPipelineStateCommand({ name }))).stageStates ?? [];
  const stageOf = (stages: StageState[], name: string) => stages.find((s) => s.stageName === name)!;
  const actionOf = (stages: StageState[], stage: string, action: string) =>
    stageOf(stages, stage).actionStates!.find((a) => a.actionName === action)!.latestExecution;
  async function executions(name: string, all = false): Promise<PipelineExecutionSummary[]> {
    const out: PipelineExecutionSummary[] = [];
    let nextToken: string | undefined;
    do {
      const page = await cp.send(new ListPipelineExecutionsCommand({ pipelineName: name, nextToken, maxResults: 100 }));
      out.push(...(page.pipelineExecutionSummaries ?? []));
      nextToken = all ? page.nextToken : undefined;
    } while (nextToken);
    return out;
  }

  it("gives catalog-service a year of daily deliveries: rollbacks and restores, a flaky test, long approvals, commit times", async () => {
    const runs = await executions(DELIVERY_PIPELINE, true);
    const standard = runs.filter((e) => e.executionType === "STANDARD");
    expect(standard).toHaveLength(DELIVERY_DAYS);
    const span = standard[0].startTime!.getTime() - standard.at(-1)!.startTime!.getTime();
    expect(span / 86_400_000).toBeGreaterThan(360);
    const rollbacks = runs.filter((e) => e.executionType === "ROLLBACK");
    expect(new Set(rollbacks.map((e) => e.trigger?.triggerType))).toEqual(new Set(["AutomatedRollback", "ManualRollback"]));
    expect(rollbacks.every((e) => e.status === "Succeeded" && e.rollbackMetadata?.rollbackTargetPipelineExecutionId)).toBe(true);

    const actions: ActionExecutionDetail[] = [];
    let nextToken: string | undefined;
    do {
      const page = await cp.send(new ListActionExecutionsCommand({ pipelineName: DELIVERY_PIPELINE, nextToken, maxResults: 100 }));
      actions.push(...(page.actionExecutionDetails ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    // Flaky: the unit tests failed and then passed on a retry within the same execution, and only then.
    const unit = actions.filter((a) => a.actionName === "UnitTests");
    const failedIn = new Set(unit.filter((a) => a.status === "Failed").map((a) => a.pipelineExecutionId));
    expect(failedIn.size).toBeGreaterThan(20);
    for (const id of failedIn) expect(unit.some((a) => a.pipelineExecutionId === id && a.status === "Succeeded"), id).toBe(true);
    // Approvals wait from a quarter of an hour to hours.
    const waits = actions.filter((a) => a.actionName === "ReleaseApproval").map((a) => a.lastUpdateTime!.getTime() - a.startTime!.getTime());
    expect(Math.max(...waits)).toBeGreaterThan(4 * 3_600_000);
    // Commits are made before the source runs (lead time), as the provider's AuthorDate says.
    const sources = actions.filter((a) => a.stageName === "Source");
    expect(sources.every((a) => Date.parse(a.output!.outputVariables!.AuthorDate) < a.startTime!.getTime())).toBe(true);
    // Every failure the script pinned is the engine's: failed deploys were each rolled back automatically.
    const deployFailures = actions.filter((a) => a.actionName === "Deploy" && a.status === "Failed").length;
    expect(rollbacks.filter((e) => e.trigger?.triggerType === "AutomatedRollback")).toHaveLength(deployFailures);
  });

  it("lists every company pipeline", async () => {
    const names = (await cp.send(new ListPipelinesCommand({}))).pipelines!.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(demoScenario().pipelines.filter(isHome).map((p) => p.declaration.name)));
  });

  it("runs the production account's pipelines, reached through STS AssumeRole, in both regions", async () => {
    const { STSClient, AssumeRoleCommand } = await import("@aws-sdk/client-sts");
    const sts = new STSClient({ region: "us-east-1", endpoint: emu.url, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::210987654321:role/CodePipelineDashboardReadOnly", RoleSessionName: "demo" }));
    const credentials = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
    const prodEu = emu.client({ credentials, region: "eu-west-1" });
    const names = (await prodEu.send(new ListPipelinesCommand({}))).pipelines!.map((p) => p.name).sort();
    expect(names).toEqual(["checkout-api", "web-storefront"]);
    const history = await prodEu.send(new ListPipelineExecutionsCommand({ pipelineName: "web-storefront", maxResults: 100 }));
    expect(history.pipelineExecutionSummaries!.length).toBeGreaterThan(20);
  });

  it("has several executions running, with progress mid-way", async () => {
    let running = 0;
    const progress: number[] = [];
    for (const p of demoScenario().pipelines) {
      const latest = (await executions(p.declaration.name!))[0];
      if (latest?.status === "InProgress") running++;
      for (const s of await state(p.declaration.name!)) {
        for (const a of s.actionStates ?? []) {
          const pc = a.latestExecution?.status === "InProgress" ? a.latestExecution.percentComplete : undefined;
          if (pc !== undefined) progress.push(pc);
        }
      }
    }
    expect(running).toBeGreaterThanOrEqual(4);
    expect(progress.some((pc) => pc > 5 && pc < 95)).toBe(true);
  });

  it("shows a build failing on a compiler error and a deploy failing with a CloudFormation rollback", async () => {
    const android = actionOf(await state("mobile-app"), "Build", "BuildAndroid")!;
    expect(android.status).toBe("Failed");
    expect(android.errorDetails?.message).toBe(
      "Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: ./gradlew assembleRelease. Reason: exit status 1",
    );
    expect((await executions("mobile-app"))[0].status).toBe("Failed");
    const change = actionOf(await state("payments-service"), "Production", "ExecuteChangeSet")!;
    expect(change.status).toBe("Failed");
    expect(change.errorDetails?.message).toMatch(/UPDATE_ROLLBACK_COMPLETE/);
  });

  it("has two approvals waiting, one close to its timeout", async () => {
    const web = actionOf(await state("web-storefront"), "Approval", "PromoteToProduction")!;
    expect(web.status).toBe("InProgress");
    expect(web.token).toBeTruthy();
    const infra = actionOf(await state("platform-infra"), "Review", "ApprovePlan")!;
    expect(infra.status).toBe("InProgress");
    expect(infra.token).toBeTruthy();
    const left = infra.lastStatusChange!.getTime() + 60 * 60_000 - now();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(20 * 60_000);
  });

  it("resolves the waiting storefront approval's message from the build's output variables", async () => {
    const web = actionOf(await state("web-storefront"), "Approval", "PromoteToProduction")!;
    const { actionExecutionDetails } = await cp.send(new ListActionExecutionsCommand({ pipelineName: "web-storefront", maxResults: 20 }));
    const run = actionExecutionDetails!.find((d) => d.actionExecutionId === web.actionExecutionId)!;
    expect(run.input?.configuration?.CustomData).toContain("#{BuildVariables.BUILD_ID}");
    expect(run.input?.resolvedConfiguration?.CustomData).toMatch(/^Storefront build \d+ is live on staging\./);
  });

  it("records triggers as AWS does: connections, rules and webhooks for source changes, people for manual starts", async () => {
    const seen = new Map<string, Set<string>>();
    for (const p of demoScenario().pipelines.filter(isHome)) {
      for (const x of await executions(p.declaration.name!)) {
        const { triggerType = "", triggerDetail = "" } = x.trigger ?? {};
        if (!seen.has(triggerType)) seen.set(triggerType, new Set());
        seen.get(triggerType)!.add(triggerDetail.replace(/[^:/]+$/, "…"));
      }
    }
    expect([...seen.get("WebhookV2")!]).toEqual(["arn:aws:codestar-connections:us-east-1:123456789012:connection/…"]);
    expect([...seen.get("CloudWatchEvent")!]).toEqual(["arn:aws:events:us-east-1:123456789012:rule/…"]);
    for (const detail of seen.get("StartPipelineExecution") ?? []) expect(detail).toMatch(/^arn:aws:(iam|sts)::123456789012:/);
  });

  it("holds an execution at a disabled transition, superseding the one that waited before it", async () => {
    const prod = stageOf(await state("checkout-api"), "Production");
    expect(prod.inboundTransitionState?.enabled).toBe(false);
    expect(matchesPattern(DISABLED_REASON, prod.inboundTransitionState!.disabledReason!)).toBe(true);
    const inbound = prod.inboundExecution ?? prod.inboundExecutions?.[0];
    expect(inbound?.status).toBe("InProgress");
    expect((await executions("checkout-api")).some((e) => e.status === "Superseded")).toBe(true);
  });

  it("shows a stopped execution with its reason", async () => {
    const stopped = (await executions("network-baseline")).find((e) => e.status === "Stopped");
    expect(stopped?.stopTrigger?.reason).toMatch(/Wrong parameter file/);
  });

  it("queues executions in the QUEUED pipeline and runs two at once in the PARALLEL one", async () => {
    const queued = (await executions("clickstream-etl")).filter((e) => e.status === "InProgress");
    expect(queued.length).toBeGreaterThanOrEqual(3);
    const waiting = (await state("clickstream-etl")).flatMap((s) => s.inboundExecutions ?? (s.inboundExecution ? [s.inboundExecution] : []));
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    const parallel = (await executions("storefront-preview-environments")).filter((e) => e.status === "InProgress");
    expect(parallel.length).toBeGreaterThanOrEqual(2);
  });

  it("has a rollback execution and an execution started with variables", async () => {
    expect((await executions("orders-api")).some((e) => e.executionType === "ROLLBACK")).toBe(true);
    const latest = (await executions("identity-service"))[0];
    const detail = await cp.send(new GetPipelineExecutionCommand({ pipelineName: "identity-service", pipelineExecutionId: latest.pipelineExecutionId! }));
    expect(detail.pipelineExecution?.variables).toEqual(expect.arrayContaining([{ name: "RELEASE_CHANNEL", resolvedValue: "canary" }]));
  });

  it("has months of history with realistic failure rates", async () => {
    const busy = ["web-storefront", "checkout-api", "mobile-app", "billing-monolith"];
    for (const name of busy) {
      const all = await executions(name, true);
      const oldest = Math.min(...all.map((e) => e.startTime!.getTime()));
      expect(now() - oldest, name).toBeGreaterThan((DEMO_HISTORY_DAYS - 10) * 86_400_000);
      const failed = all.filter((e) => e.status === "Failed").length / all.length;
      expect(failed, name).toBeGreaterThan(0.01);
      expect(failed, name).toBeLessThan(0.35);
    }
  });

  it("runs the custom action's history as if a worker ran it, and leaves its newest run waiting for a job worker", async () => {
    const all = await executions(CUSTOM_WORKER_PIPELINE, true);
    expect(now() - Math.min(...all.map((e) => e.startTime!.getTime()))).toBeGreaterThan((DEMO_HISTORY_DAYS - 10) * 86_400_000);
    const failed = all.filter((e) => e.status === "Failed").length / all.length;
    expect(failed).toBeGreaterThan(0.01);
    expect(failed).toBeLessThan(0.35);
    const errors: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await cp.send(new ListActionExecutionsCommand({ pipelineName: CUSTOM_WORKER_PIPELINE, nextToken, maxResults: 100 }));
      for (const a of page.actionExecutionDetails ?? []) if (a.output?.executionResult?.errorDetails?.code) errors.push(a.output.executionResult.errorDetails.code);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors).not.toContain("TimeoutError");

    expect(all[0].status).toBe("InProgress");
    const waiting = actionOf(await state(CUSTOM_WORKER_PIPELINE), "Build", "IndexCatalog")!;
    expect(waiting.status).toBe("InProgress");
    expect(waiting).not.toHaveProperty("percentComplete");
    expect(waiting).not.toHaveProperty("summary");
    const { jobs } = await cp.send(new PollForJobsCommand({ actionTypeId: EXAMPLE_WORKER_TYPE }));
    expect(jobs?.map((j) => j.data?.actionConfiguration?.configuration)).toEqual([{ ProjectName: "catalog-indexer", Mode: "succeed", Steps: "3" }]);
  });

  it("replays the same history for the same seed", async () => {
    const startTime = new Date("2026-03-02T10:00:00Z");
    const runs = [await startEmulator({ startTime }), await startEmulator({ startTime })];
    try {
      const seen = [];
      for (const r of runs) {
        r.core.loadScenario(demoScenario({ traffic: false, seed: 42 }));
        const out = await r.client().send(new ListPipelineExecutionsCommand({ pipelineName: "web-storefront", maxResults: 50 }));
        seen.push(out.pipelineExecutionSummaries!.map((e) => [e.pipelineExecutionId, e.status, e.startTime?.getTime()]));
      }
      expect(seen[0].length).toBe(50);
      expect(seen[0]).toEqual(seen[1]);
    } finally {
      for (const r of runs) await r.close();
    }
  });

  // ---- Builds and logs (issue 18) ----

  const codebuild = (region = "us-east-1") => new CodeBuildClient({ region, endpoint: emu.url, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  const logs = () => new CloudWatchLogsClient({ region: "us-east-1", endpoint: emu.url, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  const ESC = String.fromCharCode(27);
  async function logLines(group: string, stream: string): Promise<string[]> {
    const lines: string[] = [];
    for await (const page of paginateGetLogEvents({ client: logs(), stopOnSameToken: true }, { logGroupName: group, logStreamName: stream, startFromHead: true })) {
      lines.push(...page.events!.map((e) => e.message!));
    }
    return lines;
  }

  it("gives the failed Android build a log of a few hundred coloured lines where the compiler's error comes before the failed command", async () => {
    const android = actionOf(await state("mobile-app"), "Build", "BuildAndroid")!;
    const { builds } = await codebuild().send(new BatchGetBuildsCommand({ ids: [android.externalExecutionId!] }));
    const build = builds![0];
    expect(build.buildStatus).toBe("FAILED");
    expect(build.phases!.find((p) => p.phaseStatus === "FAILED")).toMatchObject({
      phaseType: "BUILD",
      contexts: [{ statusCode: "COMMAND_EXECUTION_ERROR", message: "Error while executing command: ./gradlew assembleRelease. Reason: exit status 1" }],
    });
    const lines = await logLines(build.logs!.groupName!, build.logs!.streamName!);
    expect(lines.length).toBeGreaterThan(200);
    expect(lines.length).toBeLessThan(1000);
    expect(lines.some((l) => l.includes(`${ESC}[`))).toBe(true);
    const plain = lines.map((l) => l.replaceAll(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), "").trimEnd());
    const compiler = plain.findIndex((l) => l.endsWith("Unresolved reference: PaymentSheetResult"));
    const failed = plain.findIndex((l) => l.endsWith("Command did not exit successfully ./gradlew assembleRelease exit status 1"));
    expect(compiler).toBeGreaterThan(100);
    expect(failed).toBeGreaterThan(compiler);
  });

  it("builds the iOS app in another region than the pipeline's", async () => {
    const ios = actionOf(await state("mobile-app"), "Build", "BuildiOS")!;
    expect((await codebuild().send(new BatchGetBuildsCommand({ ids: [ios.externalExecutionId!] }))).buildsNotFound).toEqual([ios.externalExecutionId]);
    const { builds } = await codebuild("us-west-2").send(new BatchGetBuildsCommand({ ids: [ios.externalExecutionId!] }));
    expect(builds![0].arn).toMatch(/^arn:aws:codebuild:us-west-2:123456789012:build\/mobile-ios-build:/);
    expect(ios.externalExecutionUrl).toMatch(/^https:\/\/us-west-2\.console\.aws\.amazon\.com\//);
  });

  it("logs the warehouse schema check, a Commands action, to the stream its logStreamARN names", async () => {
    const check = actionOf(await state("warehouse-sync"), "Verify", "SchemaCheck")!;
    expect(check.status).toBe("Succeeded");
    const arn = /^arn:aws:logs:us-east-1:123456789012:log-group:(.+):log-stream:(.+)$/.exec(check.logStreamARN ?? "")!;
    expect(arn[1]).toBe("/aws/codepipeline/warehouse-sync");
    const lines = await logLines(arn[1], arn[2]);
    expect(lines.some((l) => l.includes("Running command python -m warehouse_sync.check_schema --target staging"))).toBe(true);
    expect(lines.at(-1)).toMatch(/Phase context status code: {2}Message: \n$/);
  });

  // It moves the clock a minute: the tests after it take the demo as it is later.
  it("has a build running at load whose log grows as time passes", async () => {
    const billing = actionOf(await state("billing-monolith"), "Build", "Build")!;
    expect(billing.status).toBe("InProgress");
    const { builds } = await codebuild().send(new BatchGetBuildsCommand({ ids: [billing.externalExecutionId!] }));
    expect(builds![0]).toMatchObject({ buildStatus: "IN_PROGRESS", currentPhase: expect.stringMatching(/INSTALL|PRE_BUILD|BUILD/) });
    const read = (nextToken?: string) =>
      logs().send(new GetLogEventsCommand({ logGroupName: builds![0].logs!.groupName, logStreamName: builds![0].logs!.streamName, startFromHead: true, nextToken }));
    const first = await read();
    expect(first.events!.length).toBeGreaterThan(20);
    expect((await read(first.nextForwardToken)).events).toEqual([]);
    emu.core.advance(60_000);
    expect((await read(first.nextForwardToken)).events!.length).toBeGreaterThan(5);
  });

  it("stays still without traffic, while the timeline keeps what it left running moving", async () => {
    const names = demoScenario().pipelines.map((p) => p.declaration.name!);
    const counts = async () => Promise.all(names.map(async (n) => (await executions(n, true)).length));
    const before = await counts();
    emu.core.advance(6 * 3600_000);
    expect(await counts()).toEqual(before);
    expect((await executions("developer-docs"))[0].status).not.toBe("InProgress");
  });

  it("accepts 5x5, 20x20 and 50x50 pipelines through CreatePipeline", async () => {
    for (const [s, a] of [[5, 5], [20, 20], [50, 50]]) {
      const out = await cp.send(new CreatePipelineCommand({ pipeline: largePipeline(s, a, `graph-${s}x${a}`) }));
      expect(out.pipeline?.stages).toHaveLength(s);
    }
  });

  it("loads 1000 extra pipelines", async () => {
    const big = await startEmulator();
    try {
      const t0 = performance.now();
      big.core.loadScenario(demoScenario({ traffic: false, extraPipelines: 1000 }));
      console.info(`demo + 1000 load: ${(performance.now() - t0).toFixed(0)} ms`);
      const out = await big.client().send(new ListPipelinesCommand({ maxResults: 1000 }));
      expect(out.pipelines!.length + (out.nextToken ? 1 : 0)).toBeGreaterThanOrEqual(1000);
    } finally {
      await big.close();
    }
  });
});

import { BatchGetBuildsCommand, type Build, CodeBuildClient } from "@aws-sdk/client-codebuild";
import { CloudWatchLogsClient, DeleteLogGroupCommand, FilterLogEventsCommand, GetLogEventsCommand, type GetLogEventsCommandInput, paginateGetLogEvents } from "@aws-sdk/client-cloudwatch-logs";
import { type ActionDeclaration, GetPipelineStateCommand, ListActionExecutionsCommand, StopPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionBehaviour } from "../src/scenario/types";
import { build, driver, emulatorSuite, expectError, pipeline, source, stage } from "./fixtures";
import { startEmulator } from "./helpers";

const suite = emulatorSuite();
const credentials = { accessKeyId: "test", secretAccessKey: "test" };
let codebuild: CodeBuildClient;
let logs: CloudWatchLogsClient;
beforeAll(() => {
  codebuild = new CodeBuildClient({ region: "us-east-1", endpoint: suite.emu.url, credentials, maxAttempts: 1 });
  logs = new CloudWatchLogsClient({ region: "us-east-1", endpoint: suite.emu.url, credentials, maxAttempts: 1 });
});
afterAll(() => {
  codebuild.destroy();
  logs.destroy();
});

const android = (extra: Partial<ActionDeclaration> = {}): ActionDeclaration => ({ ...build("BuildAndroid"), configuration: { ProjectName: "shop-android-build" }, ...extra });

/** Source (5 s) → BuildAndroid (300 s); the build runs from t=5 s to t=305 s. */
async function loadBuild(behaviour: ActionBehaviour = {}, action = android()) {
  await suite.d.load(pipeline("shop", [stage("Source", source()), stage("Build", action)]), { "Build.BuildAndroid": { durationSeconds: 300, ...behaviour } });
  const executionId = await suite.d.start("shop");
  await suite.d.advance(6);
  const latest = await actionExecution();
  return { executionId, buildId: latest.externalExecutionId! };
}

async function actionExecution() {
  const state = await suite.client.send(new GetPipelineStateCommand({ name: "shop" }));
  return state.stageStates!.find((s) => s.stageName === "Build")!.actionStates![0].latestExecution!;
}

async function getBuild(id: string, client = codebuild): Promise<Build> {
  const { builds } = await client.send(new BatchGetBuildsCommand({ ids: [id] }));
  expect(builds).toHaveLength(1);
  return builds![0];
}

const stripNewline = (message: string | undefined) => message!.replace(/\n$/, "");
/** ANSI colour codes (SGR sequences), as the tools print them. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

async function allLines(input: GetLogEventsCommandInput, client = logs): Promise<string[]> {
  const lines: string[] = [];
  for await (const page of paginateGetLogEvents({ client, stopOnSameToken: true }, { startFromHead: true, ...input })) lines.push(...page.events!.map((e) => stripNewline(e.message)));
  return lines;
}

describe("CodeBuild BatchGetBuilds", () => {
  it("gives every CodeBuild action run a build: its id is the action's external execution id, its phases follow the clock", async () => {
    const { buildId } = await loadBuild();
    expect(buildId).toMatch(/^shop-android-build:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const uuid = buildId.split(":")[1];
    expect((await actionExecution()).externalExecutionUrl).toBe(
      `https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/shop-android-build/build/shop-android-build%3A${uuid}/?region=us-east-1`,
    );

    const queued = await getBuild(buildId);
    expect(queued).toMatchObject({
      id: buildId,
      arn: `arn:aws:codebuild:us-east-1:123456789012:build/${buildId}`,
      buildNumber: 1,
      projectName: "shop-android-build",
      buildStatus: "IN_PROGRESS",
      buildComplete: false,
      initiator: "codepipeline/shop",
      source: { type: "CODEPIPELINE" },
    });
    expect(queued.endTime).toBeUndefined();
    // Before PROVISIONING has made the stream, the deep link names no group or stream, as CodeBuild's does.
    expect(queued.logs?.groupName).toBeUndefined();
    expect(queued.logs?.deepLink).toContain("group=null;stream=null");

    await suite.d.advance(100);
    const running = await getBuild(buildId);
    const types = running.phases!.map((p) => p.phaseType);
    expect(types.slice(0, 4)).toEqual(["SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE"]);
    const current = running.phases!.at(-1)!;
    expect(running.currentPhase).toBe(current.phaseType);
    expect(current.phaseStatus).toBeUndefined();
    expect(current.endTime).toBeUndefined();
    for (const done of running.phases!.slice(0, -1)) {
      expect(done.phaseStatus).toBe("SUCCEEDED");
      expect(done.durationInSeconds).toBe(Math.round((done.endTime!.getTime() - done.startTime!.getTime()) / 1000));
    }
    expect(running.logs).toMatchObject({
      groupName: "/aws/codebuild/shop-android-build",
      streamName: uuid,
      deepLink: `https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEvent:group=/aws/codebuild/shop-android-build;stream=${uuid}`,
      cloudWatchLogsArn: `arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/shop-android-build:log-stream:${uuid}`,
      cloudWatchLogs: { status: "ENABLED" },
    });

    await suite.d.advance(200);
    const done = await getBuild(buildId);
    expect(done.phases!.map((p) => p.phaseType)).toEqual([
      "SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED",
    ]);
    expect(done).toMatchObject({ buildStatus: "SUCCEEDED", currentPhase: "COMPLETED", buildComplete: true });
    expect(done.startTime).toEqual(new Date("2025-03-01T10:00:05Z"));
    expect(done.endTime).toEqual(done.phases!.at(-1)!.startTime);
    expect(done.endTime).toEqual(new Date("2025-03-01T10:05:05Z"));
  });

  it("fails the phase the run fails in, with CodeBuild's context, and the action reports it as CodePipeline does", async () => {
    const { buildId } = await loadBuild({ failOnRuns: [1], build: { commands: { build: ["./gradlew assembleRelease"] } } });
    await suite.d.advance(300);
    const failed = await getBuild(buildId);
    expect(failed).toMatchObject({ buildStatus: "FAILED", currentPhase: "COMPLETED", buildComplete: true });
    const phase = failed.phases!.find((p) => p.phaseStatus === "FAILED")!;
    expect(phase).toMatchObject({
      phaseType: "BUILD",
      contexts: [{ statusCode: "COMMAND_EXECUTION_ERROR", message: "Error while executing command: ./gradlew assembleRelease. Reason: exit status 1" }],
    });
    // As CodeBuild does, POST_BUILD and UPLOAD_ARTIFACTS still run after a failed BUILD.
    expect(failed.phases!.slice(7).map((p) => [p.phaseType, p.phaseStatus])).toEqual([["POST_BUILD", "SUCCEEDED"], ["UPLOAD_ARTIFACTS", "SUCCEEDED"], ["FINALIZING", "SUCCEEDED"], ["COMPLETED", undefined]]);
    expect((await actionExecution()).errorDetails).toEqual({
      code: "JobFailed",
      message: "Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: ./gradlew assembleRelease. Reason: exit status 1",
    });
  });

  it("goes from INSTALL or PRE_BUILD straight to FINALIZING when they fail", async () => {
    const { buildId } = await loadBuild({ failOnRuns: [1], build: { failingPhase: "PRE_BUILD" } });
    await suite.d.advance(300);
    const failed = await getBuild(buildId);
    expect(failed.phases!.map((p) => [p.phaseType, p.phaseStatus]).slice(4)).toEqual([["INSTALL", "SUCCEEDED"], ["PRE_BUILD", "FAILED"], ["FINALIZING", "SUCCEEDED"], ["COMPLETED", undefined]]);
    expect((await actionExecution()).errorDetails?.message).toMatch(/^Build terminated with state: FAILED\. Phase: PRE_BUILD, Code: COMMAND_EXECUTION_ERROR/);
  });

  it("stops the running phase when the execution is abandoned", async () => {
    const { buildId, executionId } = await loadBuild();
    await suite.d.advance(120);
    await suite.client.send(new StopPipelineExecutionCommand({ pipelineName: "shop", pipelineExecutionId: executionId, abandon: true }));
    await suite.d.advance(1);
    const stopped = await getBuild(buildId);
    expect(stopped).toMatchObject({ buildStatus: "STOPPED", currentPhase: "COMPLETED", buildComplete: true });
    const statuses = stopped.phases!.map((p) => p.phaseStatus);
    expect(statuses.filter((s) => s === "STOPPED")).toHaveLength(1);
    expect(stopped.phases!.slice(-2).map((p) => p.phaseType)).toEqual(["FINALIZING", "COMPLETED"]);
    expect(stopped.endTime!.getTime()).toBeLessThan(stopped.startTime!.getTime() + 300_000);
    // Nothing is logged after the stop.
    const lines = await allLines({ logGroupName: "/aws/codebuild/shop-android-build", logStreamName: buildId.split(":")[1] });
    expect(lines.at(-1)).not.toMatch(/UPLOAD_ARTIFACTS/);
    await suite.d.advance(600);
    expect(await allLines({ logGroupName: "/aws/codebuild/shop-android-build", logStreamName: buildId.split(":")[1] })).toEqual(lines);
  });

  it("answers ids it does not know in buildsNotFound, takes build ARNs, numbers a project's builds, and keeps regions apart", async () => {
    const { buildId } = await loadBuild();
    await suite.d.advance(300);
    await suite.d.start("shop");
    await suite.d.advance(6);
    const second = (await actionExecution()).externalExecutionId!;
    const arn = `arn:aws:codebuild:us-east-1:123456789012:build/${second}`;
    const answer = await codebuild.send(new BatchGetBuildsCommand({ ids: ["shop-android-build:00000000-0000-4000-8000-000000000000", buildId, arn, buildId] }));
    expect(answer.builds!.map((b) => [b.id, b.buildNumber])).toEqual([[buildId, 1], [second, 2]]);
    expect(answer.buildsNotFound).toEqual(["shop-android-build:00000000-0000-4000-8000-000000000000"]);
    const elsewhere = new CodeBuildClient({ region: "eu-west-1", endpoint: suite.emu.url, credentials, maxAttempts: 1 });
    expect((await elsewhere.send(new BatchGetBuildsCommand({ ids: [buildId] }))).buildsNotFound).toEqual([buildId]);
    elsewhere.destroy();
  });

  it("runs a cross-region action's build in its region, and a cross-account action's in its role's account", async () => {
    const roleArn = "arn:aws:iam::210987654321:role/CrossAccountBuildRole";
    await suite.d.load(
      pipeline("shop", [stage("Source", source()), stage("Build", { ...android(), region: "eu-west-1" }, { ...android(), name: "BuildProd", roleArn, configuration: { ProjectName: "prod-build" } })]),
      { "Build.BuildAndroid": { durationSeconds: 300 }, "Build.BuildProd": { durationSeconds: 300 } },
    );
    await suite.d.start("shop");
    await suite.d.advance(100);
    const state = await suite.client.send(new GetPipelineStateCommand({ name: "shop" }));
    const [euBuild, prodBuild] = state.stageStates![1].actionStates!.map((a) => a.latestExecution!);
    expect(euBuild.externalExecutionUrl).toMatch(/^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/codesuite\/codebuild\/123456789012\/projects\/shop-android-build\/build\/.*\?region=eu-west-1$/);
    expect((await codebuild.send(new BatchGetBuildsCommand({ ids: [euBuild.externalExecutionId!] }))).buildsNotFound).toHaveLength(1);
    const eu = new CodeBuildClient({ region: "eu-west-1", endpoint: suite.emu.url, credentials, maxAttempts: 1 });
    const found = await getBuild(euBuild.externalExecutionId!, eu);
    expect(found.arn).toBe(`arn:aws:codebuild:eu-west-1:123456789012:build/${euBuild.externalExecutionId}`);
    const euLogs = new CloudWatchLogsClient({ region: "eu-west-1", endpoint: suite.emu.url, credentials, maxAttempts: 1 });
    expect((await euLogs.send(new GetLogEventsCommand({ logGroupName: found.logs!.groupName, logStreamName: found.logs!.streamName }))).events!.length).toBeGreaterThan(10);
    eu.destroy();
    euLogs.destroy();
    expect(prodBuild.externalExecutionUrl).toContain("/codesuite/codebuild/210987654321/projects/prod-build/");
    const inProd = suite.emu.core.engine.world.regions["210987654321/us-east-1"].builds!;
    expect(Object.keys(inProd)).toEqual([prodBuild.externalExecutionId]);
  });
});

describe("CloudWatch Logs GetLogEvents on a build's log", () => {
  const group = "/aws/codebuild/shop-android-build";

  it("grows as the build runs, and pages forward with a token that repeats at the end of the stream", async () => {
    const { buildId } = await loadBuild();
    const stream = buildId.split(":")[1];
    await expectError(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream })), "ResourceNotFoundException", "The specified log stream does not exist.");

    await suite.d.advance(60);
    const now = Date.parse((await suite.emu.control.advance(0)).now);
    const first = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true }));
    expect(first.events!.length).toBeGreaterThan(20);
    expect(stripNewline(first.events![0].message)).toMatch(/^\[Container\] \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} Running on CodeBuild On-demand$/);
    const agent = /^\[Container\] (\d{4})\/(\d\d)\/(\d\d) ([\d:]+)\.(\d{3})/.exec(first.events![0].message!)!;
    expect(Date.parse(`${agent[1]}-${agent[2]}-${agent[3]}T${agent[4]}.${agent[5]}Z`)).toBe(first.events![0].timestamp);
    expect(first.events!.every((e) => e.message!.endsWith("\n"))).toBe(true);
    expect(first.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
    expect(first.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/);
    const times = first.events!.map((e) => e.timestamp!);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.at(-1)).toBeLessThanOrEqual(now);
    expect(first.events![0].ingestionTime).toBeGreaterThanOrEqual(first.events![0].timestamp!);

    const caughtUp = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, nextToken: first.nextForwardToken }));
    expect(caughtUp.events).toEqual([]);
    expect(caughtUp.nextForwardToken).toBe(first.nextForwardToken);

    await suite.d.advance(30);
    const more = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, nextToken: first.nextForwardToken }));
    expect(more.events!.length).toBeGreaterThan(0);
    expect(more.events![0].timestamp).toBeGreaterThanOrEqual(times.at(-1)!);
    expect(more.nextForwardToken).not.toBe(first.nextForwardToken);

    await suite.d.advance(300);
    const whole = await allLines({ logGroupName: group, logStreamName: stream });
    expect(whole.slice(0, first.events!.length)).toEqual(first.events!.map((e) => stripNewline(e.message)));
    expect(whole.at(-1)).toMatch(/Phase context status code: {2}Message: $/);
    expect(whole.filter((l) => /Phase complete: \w+ State: SUCCEEDED/.test(l)).map((l) => /Phase complete: (\w+)/.exec(l)![1])).toEqual([
      "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS",
    ]);
  });

  it("reads the latest events by default and pages backward to the head, where the backward token repeats", async () => {
    const { buildId } = await loadBuild();
    await suite.d.advance(300);
    const stream = buildId.split(":")[1];
    const whole = await allLines({ logGroupName: group, logStreamName: stream });
    const latest = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit: 50 }));
    expect(latest.events!.map((e) => stripNewline(e.message))).toEqual(whole.slice(-50));
    const back: string[] = [];
    let token = latest.nextBackwardToken;
    for (;;) {
      const page = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit: 50, nextToken: token }));
      if (page.nextBackwardToken === token) {
        expect(page.events).toEqual([]);
        break;
      }
      back.unshift(...page.events!.map((e) => stripNewline(e.message)));
      token = page.nextBackwardToken;
    }
    expect([...back, ...whole.slice(-50)]).toEqual(whole);
  });

  it("keeps events from startTime (included) to endTime (excluded)", async () => {
    const { buildId } = await loadBuild();
    await suite.d.advance(300);
    const stream = buildId.split(":")[1];
    const all = (await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true }))).events!;
    const from = all[40].timestamp!;
    const to = all[80].timestamp!;
    const window = (await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true, startTime: from, endTime: to }))).events!;
    expect(window.length).toBeGreaterThan(0);
    expect(window.every((e) => e.timestamp! >= from && e.timestamp! < to)).toBe(true);
    expect(window).toEqual(all.filter((e) => e.timestamp! >= from && e.timestamp! < to));
  });

  it("prints the failing command's output before CodeBuild's failure lines, and the scenario's error when it names one", async () => {
    const output = ["e: file:///src/PaymentSheetViewModel.kt:87:24 Unresolved reference: PaymentSheetResult"];
    const { buildId } = await loadBuild({ failOnRuns: [1], build: { commands: { build: ["./gradlew assembleRelease"] }, failureOutput: output } });
    await suite.d.advance(300);
    const lines = await allLines({ logGroupName: group, logStreamName: buildId.split(":")[1] });
    const failing = lines.indexOf(output[0]);
    expect(failing).toBeGreaterThan(0);
    expect(lines[failing + 1]).toMatch(/Command did not exit successfully \.\/gradlew assembleRelease exit status 1$/);
    expect(lines[failing + 2]).toMatch(/Phase complete: BUILD State: FAILED$/);
    expect(lines[failing + 3]).toMatch(/Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: \.\/gradlew assembleRelease\. Reason: exit status 1$/);

    const error = { code: "JobFailed", message: "xcodebuild: error: Build failed.\nPaymentSheetView.swift:42:17: error: cannot find 'PaymentSheetResult' in scope" };
    const ios = await loadBuild({ failOnRuns: [1], error });
    await suite.d.advance(300);
    expect((await actionExecution()).errorDetails).toEqual(error);
    const iosLines = (await allLines({ logGroupName: group, logStreamName: ios.buildId.split(":")[1] })).map((l) => l.replace(ANSI, ""));
    expect(iosLines).toContain("PaymentSheetView.swift:42:17: error: cannot find 'PaymentSheetResult' in scope");
  });

  it("answers AWS's errors: no such group or stream, name and ARN together, bad tokens and limits", async () => {
    const { buildId } = await loadBuild();
    await suite.d.advance(60);
    const stream = buildId.split(":")[1];
    await expectError(logs.send(new GetLogEventsCommand({ logGroupName: "/aws/codebuild/nope", logStreamName: stream })), "ResourceNotFoundException", "The specified log group does not exist.");
    await expectError(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: "nope" })), "ResourceNotFoundException", "The specified log stream does not exist.");
    await expectError(
      logs.send(new GetLogEventsCommand({ logGroupName: group, logGroupIdentifier: group, logStreamName: stream })),
      "ValidationException",
      "LogGroup name and LogGroup ARN are mutually exclusive parameters.",
    );
    await expectError(logs.send(new GetLogEventsCommand({ logStreamName: stream })), "InvalidParameterException");
    await expectError(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, nextToken: "f/123/s" })), "InvalidParameterException", "The specified nextToken is invalid.");
    await expectError(
      logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit: 0 })),
      "InvalidParameterException",
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    await expectError(
      logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: "a:b" })),
      "InvalidParameterException",
      "1 validation error detected: Value 'a:b' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*",
    );
    // The group's ARN names it too.
    const arn = `arn:aws:logs:us-east-1:123456789012:log-group:${group}`;
    expect((await logs.send(new GetLogEventsCommand({ logGroupIdentifier: arn, logStreamName: stream }))).events!.length).toBeGreaterThan(0);
  });

  it("is gone once the log group is deleted, and once the project's retention has passed", async () => {
    const { buildId } = await loadBuild({ build: { logRetentionDays: 1 } });
    await suite.d.advance(300);
    const stream = buildId.split(":")[1];
    expect((await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream }))).events!.length).toBeGreaterThan(0);
    await suite.d.advance(86_400);
    await expectError(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream })), "ResourceNotFoundException", "The specified log stream does not exist.");

    await loadBuild();
    await suite.d.advance(300);
    await logs.send(new DeleteLogGroupCommand({ logGroupName: group }));
    await expectError(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream })), "ResourceNotFoundException", "The specified log group does not exist.");
    await expectError(logs.send(new DeleteLogGroupCommand({ logGroupName: group })), "ResourceNotFoundException", "The specified log group does not exist.");
    // The build still names the group it wrote to.
    expect((await getBuild((await actionExecution()).externalExecutionId!)).logs?.groupName).toBe(group);
  });

  it("serves a 100,000-line log in pages of at most 10,000 events and 1 MB, without keeping it", async () => {
    const { buildId } = await loadBuild({ build: { logLines: 100_000 } });
    await suite.d.advance(300);
    const stream = buildId.split(":")[1];
    const before = JSON.stringify(suite.emu.core.snapshot()).length;
    let events = 0;
    let pages = 0;
    for await (const page of paginateGetLogEvents({ client: logs, stopOnSameToken: true }, { logGroupName: group, logStreamName: stream, startFromHead: true })) {
      const size = page.events!.reduce((n, e) => n + Buffer.byteLength(e.message!) + 26, 0);
      expect(page.events!.length).toBeLessThanOrEqual(10_000);
      expect(size).toBeLessThanOrEqual(1_048_576);
      events += page.events!.length;
      pages++;
    }
    expect(events).toBeGreaterThanOrEqual(100_000);
    expect(events).toBeLessThan(100_100);
    expect(pages).toBeGreaterThanOrEqual(11);
    // The state (what --state-file saves) does not grow with the log.
    expect(JSON.stringify(suite.emu.core.snapshot()).length - before).toBeLessThan(1000);
  });
});

describe("CloudWatch Logs FilterLogEvents", () => {
  const group = "/aws/codebuild/shop-android-build";

  it("finds terms and quoted phrases across a group's streams, interleaved by time, and pages with nextToken", async () => {
    await loadBuild({ failOnRuns: [2], build: { commands: { build: ["./gradlew assembleRelease"] } } });
    await suite.d.advance(300);
    await suite.d.start("shop");
    await suite.d.advance(310);
    const { events, searchedLogStreams } = await logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: '"Entering phase"' }));
    expect(searchedLogStreams).toEqual([]);
    expect(new Set(events!.map((e) => e.logStreamName)).size).toBe(2);
    expect(events!.every((e) => e.message!.includes("Entering phase"))).toBe(true);
    expect(events!.map((e) => e.timestamp!)).toEqual(events!.map((e) => e.timestamp!).sort((a, b) => a - b));
    expect(events![0].eventId).toMatch(/^\d{56}$/);

    const failed = await logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: '"exit status 1" Command' }));
    expect(failed.events!.map((e) => stripNewline(e.message).replace(/^\[Container\] \S+ \S+ /, ""))).toEqual(["Command did not exit successfully ./gradlew assembleRelease exit status 1"]);
    const states = (await logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: "?SUCCEEDED ?FAILED -DOWNLOAD_SOURCE -UPLOAD_ARTIFACTS" }))).events!;
    expect(states.every((e) => /SUCCEEDED|FAILED/.test(e.message!) && !/DOWNLOAD_SOURCE|UPLOAD_ARTIFACTS/.test(e.message!))).toBe(true);
    expect(states.flatMap((e) => /Phase complete: (\w+ State: \w+)/.exec(e.message!)?.[1] ?? [])).toEqual([
      ...["INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD"].map((p) => `${p} State: SUCCEEDED`),
      ...["INSTALL State: SUCCEEDED", "PRE_BUILD State: SUCCEEDED", "BUILD State: FAILED", "POST_BUILD State: SUCCEEDED"],
    ]);

    const one = events![0].logStreamName!;
    const inOne = await logs.send(new FilterLogEventsCommand({ logGroupName: group, logStreamNames: [one], filterPattern: '"Entering phase"', limit: 2 }));
    expect(inOne.events!.map((e) => e.logStreamName)).toEqual([one, one]);
    expect(inOne.nextToken).toBeDefined();
    const rest = await logs.send(new FilterLogEventsCommand({ logGroupName: group, logStreamNames: [one], filterPattern: '"Entering phase"', nextToken: inOne.nextToken }));
    expect([...inOne.events!, ...rest.events!].map((e) => e.eventId)).toEqual(events!.filter((e) => e.logStreamName === one).map((e) => e.eventId));
    expect(rest.nextToken).toBeUndefined();
  });

  it("refuses what AWS refuses", async () => {
    await loadBuild();
    await suite.d.advance(300);
    await expectError(logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: "exit: status" })), "InvalidParameterException", "Invalid character(s) in term 'exit:'");
    await expectError(logs.send(new FilterLogEventsCommand({ logGroupName: group, logStreamNames: ["a"], logStreamNamePrefix: "a" })), "InvalidParameterException");
    await expectError(logs.send(new FilterLogEventsCommand({ logGroupName: "/aws/codebuild/nope" })), "ResourceNotFoundException", "The specified log group does not exist.");
    await expectError(logs.send(new FilterLogEventsCommand({ logGroupName: group, nextToken: "garbage" })), "InvalidParameterException", "The specified nextToken is invalid.");
  });
});

describe("Commands actions", () => {
  const commands: ActionDeclaration = {
    name: "SmokeTest",
    actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" },
    commands: ["npm ci", "npm run smoke -- --base-url https://staging.example.com"],
    inputArtifacts: [{ name: "SourceOutput" }],
  };

  it("log to /aws/codepipeline/PIPELINE and name the stream in logStreamARN, in the state and in the action's executions", async () => {
    await suite.d.load(pipeline("shop", [stage("Source", source()), stage("Verify", commands)], { pipelineType: "V2" }), { "Verify.SmokeTest": { durationSeconds: 120, failOnRuns: [1] } });
    await suite.d.start("shop");
    await suite.d.advance(130);
    const state = await suite.client.send(new GetPipelineStateCommand({ name: "shop" }));
    const latest = state.stageStates![1].actionStates![0].latestExecution!;
    const arn = `arn:aws:logs:us-east-1:123456789012:log-group:/aws/codepipeline/shop:log-stream:${latest.actionExecutionId}`;
    expect(latest.logStreamARN).toBe(arn);
    const detail = (await suite.client.send(new ListActionExecutionsCommand({ pipelineName: "shop" }))).actionExecutionDetails!.find((d) => d.actionName === "SmokeTest")!;
    expect(detail.output?.executionResult?.logStreamARN).toBe(arn);
    expect(latest.errorDetails).toEqual({ code: "JobFailed", message: "Error while executing command: npm run smoke -- --base-url https://staging.example.com. Reason: exit status 1" });
    const lines = await allLines({ logGroupName: "/aws/codepipeline/shop", logStreamName: latest.actionExecutionId });
    expect(lines.filter((l) => /Running command/.test(l)).map((l) => l.replace(/^.*Running command /, ""))).toEqual(commands.commands);
    expect(lines.some((l) => l.endsWith("Error while executing command: npm run smoke -- --base-url https://staging.example.com. Reason: exit status 1"))).toBe(true);
    // CodeBuild actions name no logStreamARN: their log is the build's.
    const buildState = await loadBuild();
    expect((await actionExecution()).logStreamARN).toBeUndefined();
    expect(buildState.buildId).toBeDefined();
  });
});

describe("permissions, faults and determinism", () => {
  it("denies builds and logs to a principal without those permissions, in IAM's words, while it still reads pipelines", async () => {
    const { buildId } = await loadBuild();
    await suite.d.advance(100);
    const pipelinesOnly = { accessKeyId: "pipelines-only", secretAccessKey: "pipelines-only" };
    const cb = new CodeBuildClient({ region: "us-east-1", endpoint: suite.emu.url, credentials: pipelinesOnly, maxAttempts: 1 });
    const cw = new CloudWatchLogsClient({ region: "us-east-1", endpoint: suite.emu.url, credentials: pipelinesOnly, maxAttempts: 1 });
    const principal = "arn:aws:sts::123456789012:assumed-role/CodePipelineDashboardPipelinesOnly/pipelines-only";
    await expectError(
      cb.send(new BatchGetBuildsCommand({ ids: [buildId] })),
      "AccessDeniedException",
      `User: ${principal} is not authorized to perform: codebuild:BatchGetBuilds on resource: arn:aws:codebuild:us-east-1:123456789012:project/shop-android-build because no identity-based policy allows the codebuild:BatchGetBuilds action`,
    );
    const stream = buildId.split(":")[1];
    await expectError(
      cw.send(new GetLogEventsCommand({ logGroupName: "/aws/codebuild/shop-android-build", logStreamName: stream })),
      "AccessDeniedException",
      `User: ${principal} is not authorized to perform: logs:GetLogEvents on resource: arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/shop-android-build:log-stream:${stream} because no identity-based policy allows the logs:GetLogEvents action`,
    );
    await expectError(cw.send(new FilterLogEventsCommand({ logGroupName: "/aws/codebuild/shop-android-build" })), "AccessDeniedException", /logs:FilterLogEvents on resource: .*log-group:\/aws\/codebuild\/shop-android-build:log-stream: because/);
    const cp = suite.emu.client({ credentials: pipelinesOnly });
    expect((await cp.send(new GetPipelineStateCommand({ name: "shop" }))).pipelineName).toBe("shop");
    cb.destroy();
    cw.destroy();

    // The control API takes a permission away from any key, and gives it back.
    const post = (body: unknown) => fetch(`${suite.emu.url}/_emulator/permissions`, { method: "POST", body: JSON.stringify(body) });
    expect(await (await post({ accessKeyId: "readonly", deny: ["logs:GetLogEvents"] })).json()).toEqual({ accessKeyId: "readonly", deny: ["logs:GetLogEvents"] });
    const readonly = { accessKeyId: "readonly", secretAccessKey: "readonly" };
    const ro = new CloudWatchLogsClient({ region: "us-east-1", endpoint: suite.emu.url, credentials: readonly, maxAttempts: 1 });
    const roBuilds = new CodeBuildClient({ region: "us-east-1", endpoint: suite.emu.url, credentials: readonly, maxAttempts: 1 });
    await expectError(ro.send(new GetLogEventsCommand({ logGroupName: "/aws/codebuild/shop-android-build", logStreamName: stream })), "AccessDeniedException");
    expect((await roBuilds.send(new BatchGetBuildsCommand({ ids: [buildId] }))).builds).toHaveLength(1);
    expect((await ro.send(new FilterLogEventsCommand({ logGroupName: "/aws/codebuild/shop-android-build", limit: 1 }))).events).toHaveLength(1);
    await post({ accessKeyId: "readonly", deny: [] });
    expect((await ro.send(new GetLogEventsCommand({ logGroupName: "/aws/codebuild/shop-android-build", logStreamName: stream }))).events!.length).toBeGreaterThan(0);
    // Read-only principals may not delete.
    await expectError(ro.send(new DeleteLogGroupCommand({ logGroupName: "/aws/codebuild/shop-android-build" })), "AccessDeniedException");
    expect((await post({ accessKeyId: "nobody", deny: [] })).status).toBe(400);
    expect((await post({ accessKeyId: "readonly", deny: ["not an action"] })).status).toBe(400);
    ro.destroy();
    roBuilds.destroy();
  });

  it("throttles one service while the others answer, with `services` in the faults", async () => {
    const { buildId } = await loadBuild();
    await suite.emu.control.faults({ throttleRate: 1, services: ["logs"] });
    try {
      await expectError(logs.send(new GetLogEventsCommand({ logGroupName: "/aws/codebuild/shop-android-build", logStreamName: buildId.split(":")[1] })), "ThrottlingException", "Rate exceeded");
      expect((await codebuild.send(new BatchGetBuildsCommand({ ids: [buildId] }))).builds).toHaveLength(1);
      expect((await suite.client.send(new GetPipelineStateCommand({ name: "shop" }))).pipelineName).toBe("shop");
    } finally {
      await suite.emu.control.faults({ throttleRate: 0, services: [] });
    }
  });

  it("makes the same builds and logs from the same scenario and seed", async () => {
    const read = async () => {
      const emu = await startEmulator({ startTime: new Date("2025-03-01T10:00:00Z") });
      const d = driver(emu, emu.client());
      await d.load(pipeline("shop", [stage("Source", source()), stage("Build", android())]), { "Build.BuildAndroid": { durationSeconds: 300, failOnRuns: [1] } });
      await d.start("shop");
      await d.advance(400);
      const cb = new CodeBuildClient({ region: "us-east-1", endpoint: emu.url, credentials, maxAttempts: 1 });
      const cw = new CloudWatchLogsClient({ region: "us-east-1", endpoint: emu.url, credentials, maxAttempts: 1 });
      const id = Object.keys(emu.core.engine.world.regions["123456789012/us-east-1"].builds!)[0];
      const b = await getBuild(id, cb);
      const lines = await allLines({ logGroupName: b.logs!.groupName, logStreamName: b.logs!.streamName }, cw);
      cb.destroy();
      cw.destroy();
      await emu.close();
      return { b, lines };
    };
    const first = await read();
    expect(await read()).toEqual(first);
    expect(first.lines.length).toBeGreaterThan(150);
  });
});

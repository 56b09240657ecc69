import type { Build, BuildPhase, EnvironmentType, StatusType } from "@aws-sdk/client-codebuild";
import type { ActionDeclaration } from "@aws-sdk/client-codepipeline";
import type { ActionBehaviour } from "../scenario/types";
import type { ActionExecutionRecord, ActionRunRef, PipelineRecord, WorldRecord } from "../state/records";
import { artifactBucket, regionOf, type Scope, scopeKey } from "../state/world";
import { behaviourOf } from "./providers";
import type { PlannedPhase } from "./build-phases";
import { commandError, type LogStreamView, runLog, type RunPlan, runPlan } from "./run-logs";

/*
 * Every simulated CodeBuild action run starts a CodeBuild build, and every Commands action run gets a
 * log stream, as on AWS. The build lives where CodeBuild runs it: the action's region (cross-region
 * actions), in the account of the action's role (cross-account actions). Its id is the action's
 * externalExecutionId `PROJECT:uuid`, its log the stream `uuid` of `/aws/codebuild/PROJECT`; a Commands
 * run logs to `/aws/codepipeline/PIPELINE`, stream the action execution id (AWS does not document that
 * name: the emulator's choice). Nothing of a build is stored but its number and where it is: phases,
 * timings and log lines are computed from the action run when read (./build-phases.ts, ./run-logs.ts).
 */

export const isBuildAction = (a: ActionDeclaration) => a.actionTypeId?.owner === "AWS" && a.actionTypeId.provider === "CodeBuild";
export const isCommandsAction = (a: ActionDeclaration) => a.actionTypeId?.owner === "AWS" && a.actionTypeId.provider === "Commands";

/** The action's region, and its role's account when it names one (a cross-account action). */
export function runScope(p: PipelineRecord, action: ActionDeclaration): Scope {
  const roleAccount = /^arn:aws[\w-]*:iam::(\d{12}):/.exec(action.roleArn ?? "")?.[1];
  return { accountId: roleAccount ?? p.accountId, region: action.region ?? p.region };
}

const CONSOLE = (region: string) => `https://${region}.console.aws.amazon.com`;

/** At the run's start (the run's plan already has its `PROJECT:uuid` id): register its build or its log stream. */
export function registerRun(world: WorldRecord, p: PipelineRecord, record: ActionExecutionRecord, action: ActionDeclaration): void {
  const build = isBuildAction(action);
  if (!build && !isCommandsAction(action)) return;
  const scope = runScope(p, action);
  const where = regionOf(world, scope);
  const ref: ActionRunRef = { scope: scopeKey(p), pipeline: p.name, actionExecutionId: record.id };
  let group: string;
  let stream: string;
  if (build) {
    const project = record.resolvedConfiguration.ProjectName ?? action.configuration?.ProjectName ?? "project";
    stream = record.externalExecutionId!.slice(record.externalExecutionId!.indexOf(":") + 1);
    const id = `${project}:${stream}`;
    const numbers = (where.buildNumbers ??= {});
    numbers[project] = (numbers[project] ?? 0) + 1;
    record.externalExecutionId = id;
    record.build = { accountId: scope.accountId, region: scope.region, number: numbers[project] };
    if (!behaviourOf(p, record.stageName, record.actionName).externalExecutionUrl) {
      record.externalExecutionUrl = `${CONSOLE(scope.region)}/codesuite/codebuild/${scope.accountId}/projects/${encodeURIComponent(project)}/build/${encodeURIComponent(id)}/?region=${scope.region}`;
    }
    (where.builds ??= {})[id] = ref;
    group = `/aws/codebuild/${project}`;
  } else {
    group = `/aws/codepipeline/${p.name}`;
    stream = record.id;
  }
  record.logStream = { accountId: scope.accountId, region: scope.region, group, stream };
  ((where.logStreams ??= {})[group] ??= {})[stream] = ref;
}

export interface Run {
  p: PipelineRecord;
  record: ActionExecutionRecord;
  action: ActionDeclaration;
  behaviour: ActionBehaviour;
}

/** The action run a build or stream stands for; undefined once its pipeline is gone. */
export function resolveRun(world: WorldRecord, ref: ActionRunRef | undefined): Run | undefined {
  if (!ref) return undefined;
  const p = world.regions[ref.scope]?.pipelines[ref.pipeline];
  const record = p?.actionExecutions[ref.actionExecutionId];
  if (!p || !record) return undefined;
  const action = p.versions[record.pipelineVersion - 1]?.stages?.find((s) => s.name === record.stageName)?.actions?.find((a) => a.name === record.actionName);
  return action && { p, record, action, behaviour: behaviourOf(p, record.stageName, record.actionName) };
}

export const logStreamArn = (s: NonNullable<ActionExecutionRecord["logStream"]>) =>
  `arn:aws:logs:${s.region}:${s.accountId}:log-group:${s.group}:log-stream:${s.stream}`;

/** The run's log as it stands at `now` (undefined: not created yet, or expired). */
export function runLogOf(run: Run, now: number): LogStreamView | undefined {
  const { group, stream } = run.record.logStream!;
  return runLog(runPlan(run.record, run.action, run.behaviour), group, stream, now, run.behaviour.build?.logRetentionDays);
}

/**
 * What CodePipeline reports when the run fails and the scenario names no error: CodeBuild's summary of
 * the failed phase, whose message the build's phase context and its log repeat.
 */
export function runFailure(record: ActionExecutionRecord, action: ActionDeclaration, behaviour: ActionBehaviour): { code: string; message: string } | undefined {
  if (!isBuildAction(action) && !isCommandsAction(action)) return undefined;
  const { failing } = runPlan(record, action, behaviour);
  if (!failing) return undefined;
  const message = isBuildAction(action)
    ? `Build terminated with state: FAILED. Phase: ${failing.phase}, Code: COMMAND_EXECUTION_ERROR, Message: ${commandError(failing.command)}`
    : commandError(failing.command);
  return { code: "JobFailed", message };
}

const EMPTY_CONTEXT = [{ statusCode: "", message: "" }];

/** The phases as they stand at `now`: the running one has only its start; a stopped run stops its phase, then finalizes. */
function phasesAt(plan: RunPlan, now: number): { phases: BuildPhase[]; status: StatusType; current: string; end?: number } {
  const stopped = plan.stoppedAt !== undefined;
  const cut = stopped ? Math.min(now, plan.stoppedAt!) : now;
  const entry = (type: PlannedPhase["type"], start: number, end: number, status: StatusType): BuildPhase => ({
    phaseType: type,
    phaseStatus: status,
    startTime: new Date(start),
    endTime: new Date(end),
    durationInSeconds: Math.round((end - start) / 1000),
    ...(type !== "SUBMITTED" && { contexts: status === "FAILED" ? [{ statusCode: "COMMAND_EXECUTION_ERROR", message: commandError(plan.failing!.command) }] : EMPTY_CONTEXT }),
  });
  const phases: BuildPhase[] = [];
  for (const planned of plan.phases) {
    if (planned.start > cut) break;
    if (planned.end <= cut) {
      phases.push(entry(planned.type, planned.start, planned.end, planned.failed ? "FAILED" : "SUCCEEDED"));
      continue;
    }
    if (!stopped) {
      phases.push({ phaseType: planned.type, startTime: new Date(planned.start) });
      return { phases, status: "IN_PROGRESS", current: planned.type };
    }
    phases.push(entry(planned.type, planned.start, cut, "STOPPED"));
    if (planned.type !== "FINALIZING") phases.push(entry("FINALIZING", cut, cut, "SUCCEEDED"));
    break;
  }
  const end = phases.at(-1)!.endTime!.getTime();
  phases.push({ phaseType: "COMPLETED", startTime: new Date(end) });
  return { phases, status: stopped ? "STOPPED" : plan.failing ? "FAILED" : "SUCCEEDED", current: "COMPLETED", end };
}

/** The build as BatchGetBuilds shows it at `now`. */
export function buildAt(run: Run, now: number): Build {
  const { p, record, action, behaviour } = run;
  const { accountId, region, number } = record.build!;
  const { group, stream } = record.logStream!;
  const plan = runPlan(record, action, behaviour);
  const { phases, status, current, end } = phasesAt(plan, now);
  const project = record.externalExecutionId!.slice(0, record.externalExecutionId!.indexOf(":"));
  const bucket = artifactBucket(p);
  const [primary] = Object.entries(record.inputArtifactKeys);
  const [output] = Object.values(record.outputArtifactKeys);
  const execution = p.executions[record.pipelineExecutionId];
  const revision = execution?.artifactRevisions.find((a) => a.name === primary?.[0])?.revisionId;
  const logsReady = phases.some((ph) => ph.phaseType === "DOWNLOAD_SOURCE");
  const environmentVariables = parseEnvironment(record.resolvedConfiguration.EnvironmentVariables);
  const mac = plan.toolchain === "xcode";
  const environmentType: EnvironmentType = mac ? "MAC_ARM" : "LINUX_CONTAINER";
  const buildspec = plan.buildspec;
  const yaml = ["version: 0.2", "phases:", ...(["install", "preBuild", "build", "postBuild"] as const).flatMap((ph) =>
    buildspec[ph].length ? [`  ${ph === "preBuild" ? "pre_build" : ph === "postBuild" ? "post_build" : ph}:`, "    commands:", ...buildspec[ph].map((c) => `      - ${c}`)] : [])];
  return {
    id: record.externalExecutionId,
    arn: `arn:aws:codebuild:${region}:${accountId}:build/${record.externalExecutionId}`,
    buildNumber: number,
    startTime: new Date(record.startTime),
    ...(end !== undefined && { endTime: new Date(end) }),
    currentPhase: current,
    buildStatus: status,
    sourceVersion: primary ? `arn:aws:s3:::${bucket}/${primary[1]}` : undefined,
    ...(revision && { resolvedSourceVersion: revision }),
    projectName: project,
    phases,
    source: { type: "CODEPIPELINE", buildspec: yaml.join("\n"), insecureSsl: false },
    secondarySources: [],
    secondarySourceVersions: [],
    artifacts: { location: output ? `arn:aws:s3:::${bucket}/${output}` : "" },
    cache: { type: "NO_CACHE" },
    environment: {
      type: environmentType,
      image: mac ? "aws/codebuild/macos-arm-base:14" : plan.toolchain === "gradle" ? "aws/codebuild/amazonlinux-x86_64-standard:5.0" : "aws/codebuild/standard:7.0",
      computeType: "BUILD_GENERAL1_MEDIUM",
      environmentVariables,
      privilegedMode: false,
      imagePullCredentialsType: "CODEBUILD",
    },
    serviceRole: `arn:aws:iam::${accountId}:role/service-role/codebuild-${project}-service-role`,
    // Until PROVISIONING has created the stream, CodeBuild's deep link names no group or stream.
    logs: logsReady
      ? {
          groupName: group,
          streamName: stream,
          deepLink: `https://console.aws.amazon.com/cloudwatch/home?region=${region}#logEvent:group=${group};stream=${stream}`,
          cloudWatchLogsArn: logStreamArn(record.logStream!),
          cloudWatchLogs: { status: "ENABLED" },
          s3Logs: { status: "DISABLED", encryptionDisabled: false },
        }
      : { deepLink: `https://console.aws.amazon.com/cloudwatch/home?region=${region}#logEvent:group=null;stream=null`, cloudWatchLogs: { status: "ENABLED" }, s3Logs: { status: "DISABLED", encryptionDisabled: false } },
    timeoutInMinutes: 60,
    queuedTimeoutInMinutes: 480,
    buildComplete: end !== undefined,
    initiator: `codepipeline/${p.name}`,
    encryptionKey: `arn:aws:kms:${region}:${accountId}:alias/aws/s3`,
    ...(status === "SUCCEEDED" && record.outputVariables && { exportedEnvironmentVariables: Object.entries(record.outputVariables).map(([name, value]) => ({ name, value })) }),
  };
}

/** The action's `EnvironmentVariables` (a JSON list CodePipeline passes to the build), as the build shows them. */
function parseEnvironment(json: string | undefined): NonNullable<Build["environment"]>["environmentVariables"] {
  try {
    const parsed: unknown = JSON.parse(json ?? "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((v: { name?: unknown; value?: unknown; type?: unknown }) =>
      typeof v?.name === "string" && typeof v.value === "string" ? [{ name: v.name, value: v.value, type: v.type === "PARAMETER_STORE" || v.type === "SECRETS_MANAGER" ? v.type : "PLAINTEXT" }] : [],
    );
  } catch {
    return [];
  }
}

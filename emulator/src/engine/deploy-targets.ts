import { createHash } from "node:crypto";
import type { ActionDeclaration, DeployActionExecutionTarget, DeployTargetEvent } from "@aws-sdk/client-codepipeline";
import type { ActionBehaviour } from "../scenario/types";
import type { ActionExecutionRecord, DeployTargetEventRecord, DeployTargetRecord, PipelineRecord } from "../state/records";

/*
 * Deploy targets (ListDeployActionExecutionTargets): what a deploy action deployed to, each target with
 * its lifecycle events. Simulated for the two providers that report them:
 *
 * - `EC2` (the EC2 deploy action, V2 pipelines): every instance the tag matches, `MaxBatch` at a time
 *   (default 1), each through DownloadBundle, BeforeDeploy (with a PreScript), Deploy and AfterDeploy (with
 *   a PostScript), run by SSM (each event names its command id). targetType is the action's
 *   `InstanceType` (EC2 or SSM_MANAGED_NODE). A failing run fails one instance; the instances after its
 *   batch are Skipped.
 * - `ECS`: the service, through RegisterTaskDefinition, UpdateService and WaitForSteadyState.
 *
 * AWS documents the shape but not its values, so target types, event names and statuses follow the
 * action's own configuration and CodeDeploy's lifecycle statuses (Pending, InProgress, Succeeded,
 * Failed, Skipped). Ids are derived from the action execution id, so planning draws nothing from the
 * seeded generator and scenario histories stay as they were.
 */

export const providesDeployTargets = (action: ActionDeclaration) =>
  action.actionTypeId?.category === "Deploy" && (action.actionTypeId.provider === "EC2" || action.actionTypeId.provider === "ECS");

const DEFAULT_INSTANCES = 3;

const digest = (text: string) => createHash("sha256").update(text).digest("hex");

/** `i-` and 17 hex digits, as EC2 instance ids are. */
const instanceId = (seed: string) => `i-0${digest(seed).slice(0, 16)}`;
const commandId = (seed: string) => {
  const h = digest(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

interface Step {
  name: string;
  /** Share of the target's time. */
  weight: number;
  message: string;
}

function ec2Steps(config: Record<string, string>): Step[] {
  const dir = config.TargetDirectory ?? "/home/ec2-user/deploy";
  return [
    { name: "DownloadBundle", weight: 1, message: `Downloaded the input artifact to ${dir}` },
    ...(config.PreScript ? [{ name: "BeforeDeploy", weight: 2, message: `Ran ${config.PreScript}: exit code 0` }] : []),
    { name: "Deploy", weight: 4, message: `Deployed the bundle to ${dir}` },
    ...(config.PostScript ? [{ name: "AfterDeploy", weight: 2, message: `Ran ${config.PostScript}: exit code 0` }] : []),
  ];
}

function ecsSteps(config: Record<string, string>): Step[] {
  return [
    { name: "RegisterTaskDefinition", weight: 1, message: `Registered a new revision of the ${config.ServiceName} task definition` },
    { name: "UpdateService", weight: 1, message: `Updated service ${config.ServiceName} on cluster ${config.ClusterName}` },
    { name: "WaitForSteadyState", weight: 6, message: `Service ${config.ServiceName} reached a steady state` },
  ];
}

const defaultFailure = (action: ActionDeclaration, step: string) => {
  const config = action.configuration ?? {};
  if (action.actionTypeId!.provider === "ECS") return `ECS deployment circuit breaker: tasks of ${config.ServiceName} failed to start (essential container exited).`;
  return step === "AfterDeploy"
    ? `${config.PostScript} exited with code 1: health check http://localhost:8080/health returned 503`
    : `Copying the bundle to ${config.TargetDirectory ?? "/home/ec2-user/deploy"} failed: No space left on device`;
};

/** MaxBatch is a count or a percentage of the fleet (`50%`), at least 1. */
function batchSize(maxBatch: string | undefined, fleet: number): number {
  if (!maxBatch) return 1;
  const percent = /^(\d+)%$/.exec(maxBatch);
  const size = percent ? Math.floor((fleet * Number(percent[1])) / 100) : Number(maxBatch);
  return Number.isInteger(size) && size >= 1 ? Math.min(size, fleet) : 1;
}

/**
 * The targets of one run (`id`), laid out between its start and its planned end: the batches share the
 * run's time; a failing run's last batch is the one with the failed instance.
 */
export function planDeployTargets(p: PipelineRecord, id: string, action: ActionDeclaration, behaviour: ActionBehaviour, start: number, end: number, willFail: boolean): DeployTargetRecord[] {
  const config = action.configuration ?? {};
  const ecs = action.actionTypeId!.provider === "ECS";
  const steps = ecs ? ecsSteps(config) : ec2Steps(config);
  const fleet = ecs ? 1 : Math.max(1, behaviour.deployTargets?.count ?? DEFAULT_INSTANCES);
  const size = ecs ? 1 : batchSize(config.MaxBatch, fleet);
  const batches = Math.ceil(fleet / size);
  const failing = willFail ? Math.min(fleet, Math.max(1, behaviour.deployTargets?.failingTarget ?? fleet)) - 1 : -1;
  const failingBatch = failing < 0 ? batches : Math.floor(failing / size);
  const span = (end - start) / Math.min(batches, failingBatch + 1);
  const total = steps.reduce((n, s) => n + s.weight, 0);
  const targets: DeployTargetRecord[] = [];
  for (let i = 0; i < fleet; i++) {
    const batch = Math.floor(i / size);
    const targetId = ecs ? `arn:aws:ecs:${action.region ?? p.region}:${p.accountId}:service/${config.ClusterName}/${config.ServiceName}` : instanceId(`${id}/${i}`);
    const targetType = ecs ? "ECS" : (config.InstanceType ?? "EC2");
    if (batch > failingBatch) {
      targets.push({ targetId, targetType, skipped: true, events: [] });
      continue;
    }
    let at = start + batch * span;
    const failsAt = i === failing ? steps.length - 1 : -1;
    const events = steps.slice(0, failsAt < 0 ? steps.length : failsAt + 1).map((step, index) => {
      const from = at;
      at += (span * step.weight) / total;
      const failed = index === failsAt;
      return {
        name: step.name,
        start: Math.round(from),
        end: Math.round(at),
        failed,
        message: failed ? (behaviour.deployTargets?.message ?? defaultFailure(action, step.name)) : step.message,
        ...(!ecs && { ssmCommandId: commandId(`${id}/${i}/${step.name}`) }),
      };
    });
    targets.push({ targetId, targetType, events });
  }
  return targets;
}

/** The failed target's message, for the action's errorDetails when the scenario gives none. */
export function deployFailure(targets: DeployTargetRecord[] | undefined): { code: string; message: string } | undefined {
  for (const t of targets ?? []) {
    const failed = t.events.find((e) => e.failed);
    if (failed) return { code: "JobFailed", message: `Deployment failed on ${t.targetId} (${failed.name}): ${failed.message}` };
  }
  return undefined;
}

/** The success summary when the scenario gives none: "Deployed to 5 instances". */
export function deploySummary(targets: DeployTargetRecord[] | undefined): string | undefined {
  if (!targets || targets[0]?.targetType === "ECS") return undefined;
  return `Deployed to ${targets.length} instance${targets.length === 1 ? "" : "s"}`;
}

type Status = "Pending" | "InProgress" | "Succeeded" | "Failed" | "Skipped";

function eventAt(e: DeployTargetEventRecord, cut: number, running: boolean): DeployTargetEvent & { status: Status } {
  const status: Status =
    cut < e.start ? (running ? "Pending" : "Skipped")
    : cut < e.end ? (running ? "InProgress" : "Failed")
    : e.failed ? "Failed"
    : "Succeeded";
  const started = status === "InProgress" || status === "Succeeded" || status === "Failed";
  const ended = status === "Succeeded" || status === "Failed";
  const message = !ended ? undefined : cut < e.end ? "The action stopped before this event finished." : e.message;
  return {
    name: e.name,
    status,
    ...(started && { startTime: new Date(e.start) }),
    ...(ended && { endTime: new Date(Math.min(e.end, cut)) }),
    ...(started && { context: { ...(e.ssmCommandId && { ssmCommandId: e.ssmCommandId }), ...(message && { message }) } }),
  };
}

/**
 * The targets as they stand at `now`. A run that ended before its plan (stopped, abandoned, cancelled)
 * ends its unfinished events there: the one running fails, the rest are skipped.
 */
export function deployTargetsAt(record: ActionExecutionRecord, now: number): DeployActionExecutionTarget[] {
  const running = record.status === "InProgress";
  const cut = running ? now : Math.min(now, record.lastUpdateTime);
  return (record.deployTargets ?? []).map((t) => {
    const events = t.skipped ? [] : t.events.map((e) => eventAt(e, cut, running));
    const statuses = new Set(events.map((e) => e.status));
    const status: Status =
      t.skipped ? (running ? "Pending" : "Skipped")
      : statuses.has("Failed") ? "Failed"
      : statuses.size === 1 ? [...statuses][0]
      : running ? "InProgress"
      : "Skipped";
    const ended = events.filter((e) => e.endTime);
    return {
      targetId: t.targetId,
      targetType: t.targetType,
      status,
      ...(events[0]?.startTime && { startTime: events[0].startTime }),
      ...((status === "Succeeded" || status === "Failed") && { endTime: ended.at(-1)!.endTime }),
      events,
    };
  });
}

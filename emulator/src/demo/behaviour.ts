// Behaviour helpers: console links and summaries derived from each action's own configuration, and a
// scripted history for pipelines whose state at "now" must be exact (failures pinned with failOnRuns).
import type { ActionDeclaration, PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { sourceTriggerType } from "../scenario/source-trigger";
import type { ActionBehaviour, ScenarioEvent, ScenarioPipeline, Seconds } from "../scenario/types";
import { CONSOLE, links, REGION } from "./builders";
import type { Rng } from "./random";

/** Links and success summaries a real provider would report, from the action's configuration. */
function providerDefaults(a: ActionDeclaration): ActionBehaviour {
  const cfg = a.configuration ?? {};
  switch (a.actionTypeId?.provider) {
    case "CodeBuild":
      // The build's own link (externalExecutionUrl) comes from the engine, which knows the build's id.
      return { entityUrl: links.codeBuild(cfg.ProjectName, a.region) };
    case "ECS":
      return {
        entityUrl: links.ecsService(cfg.ClusterName, cfg.ServiceName),
        summary: `Service ${cfg.ServiceName} reached a steady state on ${cfg.ClusterName}`,
      };
    case "EC2":
      return { entityUrl: `${CONSOLE}/ec2/home?region=${REGION}#Instances:tag:${cfg.InstanceTagKey}=${cfg.InstanceTagValue}` };
    case "CodeDeployToECS":
    case "CodeDeploy":
      return {
        entityUrl: `${CONSOLE}/codesuite/codedeploy/applications/${cfg.ApplicationName}?region=${REGION}`,
        externalExecutionUrl: `${CONSOLE}/codesuite/codedeploy/deployments/d-{actionExecutionId}?region=${REGION}`,
        summary: `Deployment to ${cfg.DeploymentGroupName} succeeded`,
      };
    case "CloudFormation":
      return {
        entityUrl: links.stack(cfg.StackName),
        summary:
          cfg.ActionMode === "CHANGE_SET_REPLACE"
            ? `Change set ${cfg.ChangeSetName} created for ${cfg.StackName}`
            : `Stack ${cfg.StackName} is in UPDATE_COMPLETE state`,
      };
    case "Lambda":
      return { entityUrl: links.lambda(cfg.FunctionName) };
    case "StepFunctions": {
      const sm = cfg.StateMachineArn.split(":").pop() ?? "";
      return {
        entityUrl: links.stateMachine(sm),
        externalExecutionUrl: `${CONSOLE}/states/home?region=${REGION}#/v2/executions/details/${cfg.StateMachineArn.replace(":stateMachine:", ":execution:")}:{actionExecutionId}`,
      };
    }
    case "S3":
      return a.actionTypeId.category === "Source"
        ? { entityUrl: links.bucket(cfg.S3Bucket) }
        : { entityUrl: links.bucket(cfg.BucketName), summary: `Extracted to s3://${cfg.BucketName}/` };
    case "DeviceFarm":
      return { entityUrl: `https://us-west-2.console.aws.amazon.com/devicefarm/home#/mobile/projects/${cfg.ProjectId}/runs` };
    default:
      return {};
  }
}

/** Per-action behaviour: provider defaults merged with what the pipeline says about its own actions. */
export function behaviours(
  decl: PipelineDeclaration,
  overrides: Record<string, ActionBehaviour>,
): Record<string, ActionBehaviour> {
  const out: Record<string, ActionBehaviour> = {};
  for (const s of decl.stages ?? []) {
    for (const a of s.actions ?? []) {
      const key = `${s.name}.${a.name}`;
      const merged = { ...providerDefaults(a), ...overrides[key] };
      if (Object.keys(merged).length > 0) out[key] = merged;
    }
  }
  for (const key of Object.keys(overrides)) {
    if (!(key in out)) throw new Error(`demo: behaviour for unknown action ${decl.name}/${key}`);
  }
  return out;
}

// ---- Scripted history ------------------------------------------------------------------------------

/** Upper bounds of the engine's category defaults (scenario/types.ts), used when an action sets none. */
const DEFAULT_MAX: Record<string, number> = { Source: 20, Build: 300, Test: 240, Deploy: 180, Invoke: 60, Compute: 300, Approval: 0 };
/** Slack per stage for transitions and scheduling inside the engine. */
const STAGE_SLACK = 30;

const maxOf = (s: Seconds | undefined, fallback: number) => (s === undefined ? fallback : typeof s === "number" ? s : s[1]);

export interface ScriptedRun {
  at: number;
  /** `"<stage>.<action>"` that fails for sure in this run (nothing else fails). */
  fail?: string;
  /** Leave approvals waiting instead of deciding them. */
  leaveApprovals?: boolean;
}

export interface ScriptedHistoryOptions {
  /** Starts from this many seconds ago ... */
  fromSeconds: number;
  /** ... until this many seconds ago, as often as the pipeline's traffic would (at least 3 h apart). */
  untilSeconds: number;
  /** Chance that an approval is rejected. */
  rejectRate?: number;
  approvers: string[];
  /** Runs placed after the history, in order. */
  then?: ScriptedRun[];
}

/**
 * History written as timeline events instead of traffic, for pipelines whose state at load must be
 * exact: because only these events start executions, the demo knows how many times each action has
 * run, so `failOnRuns` pins failures (random ones at the action's `failureRate`, plus the forced
 * ones of `then`). Approvals are decided by events placed after the latest time they can be reached,
 * not by `autoDecision`, and the pipeline gets no traffic: nothing starts by itself after load.
 */
export function scriptedHistory(p: ScenarioPipeline, rng: Rng, opts: ScriptedHistoryOptions): ScenarioPipeline {
  const actions: Record<string, ActionBehaviour> = structuredClone(p.actions ?? {});
  const runs = new Map<string, number>();
  const fails = new Map<string, number[]>();
  const events: ScenarioEvent[] = [];

  const play = (run: ScriptedRun, random: boolean) => {
    let elapsed = 0;
    for (const s of p.declaration.stages ?? []) {
      elapsed += STAGE_SLACK;
      const orders = [...new Set((s.actions ?? []).map((a) => a.runOrder ?? 1))].sort((x, y) => x - y);
      for (const order of orders) {
        let longest = 0;
        let failed = false;
        for (const a of (s.actions ?? []).filter((x) => (x.runOrder ?? 1) === order)) {
          const key = `${s.name}.${a.name}`;
          const b = actions[key] ?? {};
          if (a.actionTypeId?.category === "Approval") {
            if (run.leaveApprovals) return;
            // Decided well before the approval's timeout (7 days unless the action says otherwise).
            const wait = random ? rng.int(5 * 60, Math.min(90 * 60, ((a.timeoutInMinutes ?? 10080) * 60) / 2)) : rng.int(3 * 60, 8 * 60);
            const reject = random && rng.chance(opts.rejectRate ?? 0.03);
            events.push({
              at: Math.round(run.at + elapsed + wait),
              type: reject ? "reject" : "approve",
              stageName: s.name!,
              actionName: a.name!,
              by: rng.pick(opts.approvers),
              summary: reject ? "Not this week: waiting for the incident review" : rng.pick(["LGTM", "Checked on staging", "Approved"]),
            });
            longest = Math.max(longest, wait);
            failed ||= reject;
            continue;
          }
          const n = (runs.get(key) ?? 0) + 1;
          runs.set(key, n);
          const fail = run.fail === key || (random && rng.chance(b.failureRate ?? 0));
          if (fail) {
            fails.set(key, [...(fails.get(key) ?? []), n]);
            failed = true;
          }
          longest = Math.max(longest, maxOf(b.durationSeconds, DEFAULT_MAX[a.actionTypeId?.category ?? ""] ?? 300));
        }
        elapsed += longest;
        if (failed) return;
      }
    }
  };

  const every = p.traffic?.everySeconds ?? [12 * 3600, 24 * 3600];
  const [min, max] = typeof every === "number" ? [every, every] : every;
  const gap = (x: number) => Math.max(3 * 3600, x);
  const trigger = {
    triggerType: p.traffic?.triggerType ?? sourceTriggerType(p.declaration),
    ...(p.traffic?.triggerDetail ? { triggerDetail: p.traffic.triggerDetail } : {}),
  } as const;
  let t = -opts.fromSeconds + rng.int(0, gap(min));
  while (t < -opts.untilSeconds) {
    events.push({ at: t, type: "start", ...trigger });
    play({ at: t }, true);
    t += rng.int(gap(min), gap(max));
  }
  for (const run of opts.then ?? []) {
    events.push({ at: run.at, type: "start", ...trigger });
    play(run, false);
  }
  // The engine draws failures from failOnRuns alone here: history failures are already pinned.
  for (const [key, b] of Object.entries(actions)) {
    delete b.failureRate;
    delete b.autoDecision;
    const pinned = fails.get(key);
    if (pinned) b.failOnRuns = pinned;
  }
  for (const [key, pinned] of fails) if (!actions[key]) actions[key] = { failOnRuns: pinned };
  events.push(...(p.timeline ?? []));
  events.sort((x, y) => x.at - y.at);
  return { ...p, actions, timeline: events, traffic: undefined };
}

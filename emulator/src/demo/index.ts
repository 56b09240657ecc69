// The demo scenario behind `--scenario demo` and `npm start`: Tidewater's pipelines with three months of
// history, and at load every state the dashboard renders (see pipelines.ts for who shows what).
import type { Scenario, ScenarioEvent, ScenarioPipeline } from "../scenario/types";
import { scriptedHistory, type ScriptedRun } from "./behaviour";
import { customWorkerDemo } from "./custom-worker";
import { deliveryPipeline } from "./delivery-history";
import { generatedPipelines } from "./generated";
import { otherAccountPipelines } from "./other-accounts";
import { APPROVERS, companyPipelines } from "./pipelines";
import { createRng } from "./random";

export { generatedPipelines, largePipeline } from "./generated";

export interface DemoOptions {
  /** Extra generated pipelines for scale work (0-1000). */
  extraPipelines?: number;
  seed?: number;
  /** Background traffic keeps starting executions (default true). */
  traffic?: boolean;
}

/** Days of history the engine fast-forwards through on load. */
export const DEMO_HISTORY_DAYS = 90;
/**
 * Stretches every pipeline's traffic interval: the one knob for history density, and so for load
 * time (about 2000 executions over 90 days load in roughly a second on a 2-core machine).
 */
const HISTORY_SPACING = 1.3;

const H = 3600;
const M = 60;

/**
 * Pipelines whose state at load must be exact get their history as timeline events (see
 * scriptedHistory), so failures can be pinned and approvals left waiting: the mobile app's Android
 * build fails on a Kotlin compiler error, the payments production change set fails and rolls back,
 * and the storefront and Terraform approvals wait for a human. With traffic off, every pipeline's
 * history is scripted this way, so the demo is complete and nothing starts by itself.
 */
const SCRIPTED: Record<string, ScriptedRun[]> = {
  "mobile-app": [{ at: -30 * M, fail: "Build.BuildAndroid" }],
  "payments-service": [{ at: -60 * M, fail: "Production.ExecuteChangeSet" }],
  "warehouse-sync": [{ at: -40 * M, fail: "Deploy.DeployToFleet" }],
  "web-storefront": [],
  "platform-infra": [],
};

/** With traffic on, scripted pipelines keep moving through timeline events after load. */
const LIVE: Record<string, ScenarioEvent[]> = {
  "web-storefront": [20, 70, 140, 230, 330].map((m) => ({ at: m * M, type: "start" as const, triggerType: "WebhookV2" as const })),
  "mobile-app": [{ at: 45 * M, type: "start", triggerType: "WebhookV2" }],
  "payments-service": [{ at: 35 * M, type: "retry", stageName: "Production", retryMode: "ALL_ACTIONS" }],
  "platform-infra": [{ at: 90 * M, type: "start", triggerType: "WebhookV2" }],
};

function spaced(p: ScenarioPipeline): ScenarioPipeline {
  if (!p.traffic) return p;
  const every = p.traffic.everySeconds;
  const [min, max] = typeof every === "number" ? [every, every] : every;
  return { ...p, traffic: { ...p.traffic, everySeconds: [Math.round(min * HISTORY_SPACING), Math.round(max * HISTORY_SPACING)] } };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function demoScenario(options: DemoOptions = {}): Scenario {
  const seed = options.seed ?? 1;
  const traffic = options.traffic ?? true;
  const pipelines: ScenarioPipeline[] = companyPipelines().map((declared) => {
    const p = spaced(declared);
    const name = p.declaration.name!;
    const then = SCRIPTED[name];
    if (traffic && !then) return p;
    const scripted = scriptedHistory(p, createRng(seed ^ hash(name)), {
      fromSeconds: DEMO_HISTORY_DAYS * 24 * H,
      untilSeconds: 6 * H,
      approvers: APPROVERS,
      then,
    });
    if (traffic && LIVE[name]) scripted.timeline = [...scripted.timeline!, ...LIVE[name]];
    return scripted;
  });
  pipelines.push(...otherAccountPipelines(pipelines));
  const worker = customWorkerDemo({ seed, traffic, historyDays: DEMO_HISTORY_DAYS });
  pipelines.push(worker.pipeline);
  pipelines.push(deliveryPipeline(seed, APPROVERS));
  const extra = Math.max(0, Math.min(1000, Math.floor(options.extraPipelines ?? 0)));
  if (extra > 0) pipelines.push(...generatedPipelines(extra, seed));
  return { seed, historyDays: DEMO_HISTORY_DAYS, traffic, customActionTypes: worker.actionTypes, pipelines };
}

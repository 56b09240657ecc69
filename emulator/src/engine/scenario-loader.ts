import { AwsError } from "../errors";
import { declareActionType } from "./declared-action-types";
import type { Engine } from "./engine";
import { createPipeline, registerCustomActionType } from "./pipelines";
import { startExecution } from "./lifecycle";
import { scopeKey } from "../state/world";
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from "../scenario/accounts";
import { scenarioArn } from "./scenario-runtime";
import type { Scenario } from "../scenario/types";

const DAY_MS = 86_400_000;

/**
 * Replaces the world with a scenario. History is not invented: pipelines are created at the start
 * of history and the engine fast-forwards to load time, running timeline events and traffic, so the
 * past is produced by the same simulation as the present.
 */
export function loadScenario(e: Engine, scenario: Scenario): void {
  const loadTime = e.now();
  const undo = e.checkpoint();
  try {
    replaceWorld(e, scenario, loadTime);
  } catch (error) {
    // A scenario that does not load leaves the world (and the clock) as they were.
    undo();
    throw error;
  }
}

function replaceWorld(e: Engine, scenario: Scenario, loadTime: number): void {
  e.reset(scenario.seed ?? 1);
  const earliestEvent = Math.min(0, ...scenario.pipelines.flatMap((p) => (p.timeline ?? []).map((t) => t.at)));
  const historyStart = Math.min(loadTime - (scenario.historyDays ?? 0) * DAY_MS, loadTime + earliestEvent * 1000);
  e.setTime(historyStart);
  // Traffic covers `historyDays`; one pipeline's timeline may reach further back (a year of daily deployments)
  // without multiplying every other pipeline's history.
  const trafficStart = scenario.historyDays !== undefined ? Math.max(historyStart, loadTime - scenario.historyDays * DAY_MS) : historyStart;
  for (const { accountId, region, ...declaration } of scenario.actionTypes ?? []) {
    declareActionType(e, { accountId: accountId ?? DEFAULT_ACCOUNT_ID, region: region ?? DEFAULT_REGION }, declaration);
  }
  for (const { accountId, region, ...type } of scenario.customActionTypes ?? []) {
    registerCustomActionType(e, { accountId: accountId ?? DEFAULT_ACCOUNT_ID, region: region ?? DEFAULT_REGION }, type);
  }
  for (const sp of scenario.pipelines) {
    const scope = { accountId: sp.accountId ?? DEFAULT_ACCOUNT_ID, region: sp.region ?? DEFAULT_REGION };
    let p;
    try {
      p = createPipeline(e, scope, sp.declaration, sp.tags);
    } catch (error) {
      if (error instanceof AwsError) error.message = `Scenario pipeline '${sp.declaration.name}': ${error.message}`;
      throw error;
    }
    p.behaviour = { actions: sp.actions, conditions: sp.conditions, traffic: sp.traffic };
    if (sp.startOnCreate) startExecution(e, p, { trigger: { triggerType: "CreatePipeline", triggerDetail: scenarioArn(scope.accountId) } });
    const key = scopeKey(scope);
    e.timelines[e.timelineKey(scope, p.name)] = sp.timeline;
    (sp.timeline ?? []).forEach((event, index) => e.schedule(loadTime + event.at * 1000, { kind: "timeline", scope: key, pipeline: p.name, index }));
    if ((scenario.traffic ?? true) && sp.traffic) {
      e.schedule(trafficStart + e.rng.seconds(sp.traffic.everySeconds) * 1000, { kind: "traffic", scope: key, pipeline: p.name });
    }
  }
  e.advance(loadTime - e.now());
}

import type { ConditionRunRecord, ExecutionRecord, PipelineRecord, RuleExecutionRecord } from "../state/records";
import { scopeKey } from "../state/world";
import type { Engine } from "./engine";
import { stageOf } from "./execution";
import { resolveConfiguration } from "./variables";

/*
 * The rules of V2 stage conditions: every rule of every condition is evaluated (simulated: it takes
 * time and succeeds or fails per the scenario's ConditionBehaviour); a condition succeeds when all of
 * its rules do. What a condition's result does to the stage is the lifecycle's (./lifecycle.ts).
 * onFailure conditions are not evaluated: only onFailure.result is honoured.
 */

const DEFAULT_RULE_SECONDS: [number, number] = [5, 30];

export type EvaluatedCondition = "beforeEntry" | "onSuccess";

/** Starts a run of every rule of the stage's `kind` conditions; returns their ids per condition. */
export function startRules(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, kind: EvaluatedCondition): string[][] {
  const conditions = stageOf(p, x, stage)[kind]!.conditions!;
  const behaviour = p.behaviour?.conditions?.[`${stage}.${kind}`] ?? {};
  const key = `${stage}.${kind}`;
  const runNumber = (p.runCounts[key] = (p.runCounts[key] ?? 0) + 1);
  const failThisRun = behaviour.failOnRuns?.includes(runNumber) ?? false;
  const now = e.now();
  let first = true;
  return conditions.map((condition) =>
    (condition.rules ?? []).map((rule) => {
      const { resolved, unresolved } = resolveConfiguration(p, x, rule.configuration ?? {});
      const willFail = (first && failThisRun) || e.rng.next() < (behaviour.failureRate ?? 0) || unresolved.length > 0;
      first = false;
      const record: RuleExecutionRecord = {
        id: e.rng.uuid(),
        pipelineExecutionId: x.id,
        pipelineVersion: x.pipelineVersion,
        stageName: stage,
        ruleName: rule.name!,
        ruleTypeId: { ...rule.ruleTypeId!, category: rule.ruleTypeId!.category!, provider: rule.ruleTypeId!.provider! },
        configuration: rule.configuration ?? {},
        resolvedConfiguration: resolved,
        ...(unresolved.length > 0 && { unresolved }),
        startTime: now,
        lastUpdateTime: now,
        dueTime: now + Math.max(1, Math.round(e.rng.seconds(behaviour.durationSeconds ?? DEFAULT_RULE_SECONDS))) * 1000,
        willFail,
        status: "InProgress",
      };
      p.ruleExecutions[record.id] = record;
      p.ruleExecutionOrder.push(record.id);
      e.schedule(record.dueTime, { kind: "ruleDue", scope: scopeKey(p), pipeline: p.name, ruleExecutionId: record.id });
      return record.id;
    }),
  );
}

/** A rule's run reached its due time: it succeeds or fails as planned. */
export function finishRule(e: Engine, record: RuleExecutionRecord): void {
  record.status = record.willFail ? "Failed" : "Succeeded";
  record.summary = record.willFail ? `Rule ${record.ruleName} failed` : `Rule ${record.ruleName} succeeded`;
  if (record.willFail) {
    record.errorDetails = record.unresolved
      ? { code: "RuleFailed", message: `The rule ${record.ruleName} failed because one or more variables could not be resolved: ${record.unresolved.join(", ")}.` }
      : { code: "RuleFailed", message: `The ${record.ruleTypeId.provider} rule ${record.ruleName} did not pass.` };
  }
  record.lastUpdateTime = e.now();
}

/** Succeeded or Failed once every rule has finished; undefined while one still runs. */
export function conditionOutcome(p: PipelineRecord, condition: ConditionRunRecord): "Succeeded" | "Failed" | undefined {
  const records = condition.rules.flat().map((id) => p.ruleExecutions[id]);
  if (records.some((r) => r.status === "InProgress")) return undefined;
  return records.some((r) => r.status === "Failed") ? "Failed" : "Succeeded";
}

/** OverrideStageCondition: the rules still running are abandoned by the caller. */
export function abandonRules(e: Engine, p: PipelineRecord, condition: ConditionRunRecord, by: string): void {
  const now = e.now();
  for (const id of condition.rules.flat()) {
    const record = p.ruleExecutions[id];
    if (record.status === "InProgress") Object.assign(record, { status: "Abandoned", lastUpdateTime: now, updatedBy: by });
  }
}

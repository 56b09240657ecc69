import type { ConditionKind, ExecutionRecord, PipelineRecord, RuleExecutionRecord } from "../state/records";
import { scopeKey } from "../state/world";
import type { Engine } from "./engine";
import { runNextGroup, stageFailed, stageOf, stageSucceeded, stopNow, touch } from "./lifecycle";

/*
 * Stage conditions (V2): every rule of every condition is evaluated (simulated: it takes time and
 * succeeds or fails per the scenario's ConditionBehaviour); the condition succeeds when all rules do.
 * onFailure conditions are not evaluated: only onFailure.result is honoured (see lifecycle).
 */

const DEFAULT_RULE_SECONDS: [number, number] = [5, 30];

export function startCondition(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, kind: Exclude<ConditionKind, "onFailure">): void {
  const conditions = stageOf(p, x, stage)[kind]!.conditions!;
  const behaviour = p.behaviour?.conditions?.[`${stage}.${kind}`] ?? {};
  const key = `${stage}.${kind}`;
  const runNumber = (p.runCounts[key] = (p.runCounts[key] ?? 0) + 1);
  const failThisRun = behaviour.failOnRuns?.includes(runNumber) ?? false;
  const now = e.now();
  let first = true;
  const rules = conditions.map((condition) =>
    (condition.rules ?? []).map((rule) => {
      const willFail = (first && failThisRun) || e.rng.next() < (behaviour.failureRate ?? 0);
      first = false;
      const record: RuleExecutionRecord = {
        id: e.rng.uuid(),
        pipelineExecutionId: x.id,
        pipelineVersion: x.pipelineVersion,
        stageName: stage,
        ruleName: rule.name!,
        ruleTypeId: { ...rule.ruleTypeId!, category: rule.ruleTypeId!.category!, provider: rule.ruleTypeId!.provider! },
        configuration: rule.configuration ?? {},
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
  x.stages[stage].conditions[kind] = { status: "InProgress", lastStatusChange: now, rules };
  x.position = { stage, phase: kind };
  touch(e, x);
  if (rules.flat().length === 0) settleCondition(e, p, x, stage, kind);
}

export function completeRule(e: Engine, p: PipelineRecord, record: RuleExecutionRecord): void {
  if (record.status !== "InProgress") return;
  record.status = record.willFail ? "Failed" : "Succeeded";
  record.summary = record.willFail ? `Rule ${record.ruleName} failed` : `Rule ${record.ruleName} succeeded`;
  if (record.willFail) record.errorDetails = { code: "RuleFailed", message: `The ${record.ruleTypeId.provider} rule ${record.ruleName} did not pass.` };
  record.lastUpdateTime = e.now();
  const x = p.executions[record.pipelineExecutionId];
  const kind = x?.position?.stage === record.stageName ? x.position.phase : undefined;
  if (!x || (kind !== "beforeEntry" && kind !== "onSuccess")) return;
  const condition = x.stages[record.stageName].conditions[kind]!;
  if (!condition.rules.flat().includes(record.id)) return;
  touch(e, x);
  settleCondition(e, p, x, record.stageName, kind);
}

function settleCondition(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, kind: "beforeEntry" | "onSuccess"): void {
  const condition = x.stages[stage].conditions[kind]!;
  const records = condition.rules.flat().map((id) => p.ruleExecutions[id]);
  if (records.some((r) => r.status === "InProgress")) return;
  const failed = records.some((r) => r.status === "Failed");
  condition.status = failed ? "Failed" : "Succeeded";
  condition.summary = failed ? `A ${kind} condition rule failed` : `All ${kind} condition rules succeeded`;
  condition.lastStatusChange = e.now();
  conditionDone(e, p, x, stage, kind);
}

/** OverrideStageCondition: the running condition counts as passed. */
export function overrideCondition(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, kind: "beforeEntry" | "onSuccess", by: string): void {
  const condition = x.stages[stage].conditions[kind]!;
  const now = e.now();
  for (const id of condition.rules.flat()) {
    const record = p.ruleExecutions[id];
    if (record.status === "InProgress") Object.assign(record, { status: "Abandoned", lastUpdateTime: now, updatedBy: by });
  }
  condition.status = "Overridden";
  condition.summary = `Overridden by ${by}`;
  condition.lastStatusChange = now;
  touch(e, x);
  conditionDone(e, p, x, stage, kind);
}

function conditionDone(e: Engine, p: PipelineRecord, x: ExecutionRecord, stage: string, kind: "beforeEntry" | "onSuccess"): void {
  if (x.status === "Stopping") {
    stopNow(e, p, x);
    return;
  }
  const condition = x.stages[stage].conditions[kind]!;
  const declared = stageOf(p, x, stage)[kind]!.conditions!;
  const passed = condition.status === "Succeeded" || condition.status === "Overridden";
  if (passed) {
    if (kind === "beforeEntry") runNextGroup(e, p, x, stage);
    else stageSucceeded(e, p, x, stage);
    return;
  }
  const result = declared.find((c) => c.result)?.result ?? "FAIL";
  if (kind === "beforeEntry" && result === "SKIP") {
    stageSucceeded(e, p, x, stage, "Skipped");
    return;
  }
  stageFailed(e, p, x, stage, `The ${kind} condition of stage ${stage} failed.`, result === "ROLLBACK");
}

import type { ActionExecutionDetail } from "@aws-sdk/client-codepipeline";
import { durationOf, stageOrder, stageRuns, startOf } from "./history";
import { median } from "./stats";
import { inWindow, type Window } from "./window";

const keyOf = (r: ActionExecutionDetail) => `${r.stageName}\u0000${r.actionName}`;
const inRange = (actions: readonly ActionExecutionDetail[], w: Window) => actions.filter((r) => r.stageName && r.actionName && inWindow(startOf(r), w));

export interface FlakyAction {
  stage: string;
  action: string;
  /** Executions in which it failed and then succeeded on a retry. */
  flakyExecutions: number;
  /** Executions in which it ran at all. */
  executions: number;
  rate: number;
}

/** Actions that failed and then succeeded on a retry within the same execution, most often first. */
export function flakyActions(actions: readonly ActionExecutionDetail[], w: Window): FlakyAction[] {
  const byExecution = new Map<string, ActionExecutionDetail[]>();
  for (const run of inRange(actions, w)) {
    const key = `${keyOf(run)}\u0000${run.pipelineExecutionId}`;
    byExecution.set(key, [...(byExecution.get(key) ?? []), run]);
  }
  const tally = new Map<string, FlakyAction>();
  for (const runs of byExecution.values()) {
    const { stageName, actionName } = runs[0];
    const entry = tally.get(keyOf(runs[0])) ?? { stage: stageName!, action: actionName!, flakyExecutions: 0, executions: 0, rate: 0 };
    tally.set(keyOf(runs[0]), entry);
    entry.executions++;
    const ordered = runs.sort((a, b) => (startOf(a) ?? 0) - (startOf(b) ?? 0));
    const firstFailure = ordered.findIndex((r) => r.status === "Failed");
    if (firstFailure >= 0 && ordered.slice(firstFailure + 1).some((r) => r.status === "Succeeded")) entry.flakyExecutions++;
  }
  return [...tally.values()]
    .filter((f) => f.flakyExecutions > 0)
    .map((f) => ({ ...f, rate: f.flakyExecutions / f.executions }))
    .sort((a, b) => b.flakyExecutions - a.flakyExecutions || b.rate - a.rate || a.action.localeCompare(b.action));
}

export interface FailingAction {
  stage: string;
  action: string;
  failures: number;
  runs: number;
  /** The most frequent error messages, most frequent first (at most 3). */
  errors: { message: string; count: number }[];
}

const errorText = (r: ActionExecutionDetail) =>
  r.output?.executionResult?.errorDetails?.message ?? r.output?.executionResult?.externalExecutionSummary ?? r.output?.executionResult?.errorDetails?.code ?? "(no error message)";

/** Actions by failed runs, with their most frequent errors. */
export function failingActions(actions: readonly ActionExecutionDetail[], w: Window): FailingAction[] {
  const tally = new Map<string, { stage: string; action: string; failures: number; runs: number; errors: Map<string, number> }>();
  for (const run of inRange(actions, w)) {
    const entry = tally.get(keyOf(run)) ?? { stage: run.stageName!, action: run.actionName!, failures: 0, runs: 0, errors: new Map() };
    tally.set(keyOf(run), entry);
    entry.runs++;
    if (run.status !== "Failed") continue;
    entry.failures++;
    const message = errorText(run);
    entry.errors.set(message, (entry.errors.get(message) ?? 0) + 1);
  }
  return [...tally.values()]
    .filter((f) => f.failures > 0)
    .map(({ errors, ...f }) => ({
      ...f,
      errors: [...errors].map(([message, count]) => ({ message, count })).sort((a, b) => b.count - a.count || a.message.localeCompare(b.message)).slice(0, 3),
    }))
    .sort((a, b) => b.failures - a.failures || a.action.localeCompare(b.action));
}

export interface StageWaiting {
  stage: string;
  /** Time manual approvals of this stage waited for a decision. */
  approvalTotalMs: number;
  approvalMedianMs?: number;
  approvals: number;
  /**
   * Time between the previous stage's end and this stage's first action: behind a disabled transition, a
   * stage still busy with another execution, or entry conditions.
   */
  enterTotalMs: number;
  enterMedianMs?: number;
  entered: number;
}

/** Waiting per stage, in pipeline order. */
export function waitingTime(actions: readonly ActionExecutionDetail[], w: Window): StageWaiting[] {
  const runs = inRange(actions, w);
  const order = stageOrder(actions).all;
  const approvals = new Map<string, number[]>();
  for (const r of runs) {
    const d = durationOf(r);
    if (r.input?.actionTypeId?.category === "Approval" && d !== undefined) approvals.set(r.stageName!, [...(approvals.get(r.stageName!) ?? []), d]);
  }
  const entering = new Map<string, number[]>();
  for (const stages of stageRuns(runs).values()) {
    const present = order.filter((s) => stages.has(s));
    present.forEach((stage, i) => {
      if (i === 0) return;
      const gap = stages.get(stage)!.start - stages.get(present[i - 1])!.end;
      if (gap >= 0) entering.set(stage, [...(entering.get(stage) ?? []), gap]);
    });
  }
  const sum = (xs: number[] = []) => xs.reduce((a, b) => a + b, 0);
  return order.map((stage) => ({
    stage,
    approvalTotalMs: sum(approvals.get(stage)),
    approvalMedianMs: median(approvals.get(stage) ?? []),
    approvals: approvals.get(stage)?.length ?? 0,
    enterTotalMs: sum(entering.get(stage)),
    enterMedianMs: median(entering.get(stage) ?? []),
    entered: entering.get(stage)?.length ?? 0,
  }));
}

import type { ActionExecutionDetail, PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";
import { median } from "./stats";

/** What the insights of one pipeline are computed from, as the API answers it (newest first or any order). */
export interface PipelineHistory {
  executions: readonly PipelineExecutionSummary[];
  /** Action runs of the window being viewed; undefined while not read (figures that need them say so). */
  actions?: readonly ActionExecutionDetail[];
}

/** Finished action runs only count as succeeded or failed; abandoned and running ones are neither. */
export type RunResult = "Succeeded" | "Failed" | undefined;

export const resultOf = (status: string | undefined): RunResult => (status === "Succeeded" || status === "Failed" ? status : undefined);

export const startOf = (x: { startTime?: Date }) => x.startTime?.getTime();
export const endOf = (x: { lastUpdateTime?: Date }) => x.lastUpdateTime?.getTime();
export const durationOf = (x: { startTime?: Date; lastUpdateTime?: Date }) => {
  const start = startOf(x);
  const end = endOf(x);
  return start !== undefined && end !== undefined && end >= start ? end - start : undefined;
};

export const isRollback = (e: PipelineExecutionSummary) =>
  e.executionType === "ROLLBACK" || e.trigger?.triggerType === "ManualRollback" || e.trigger?.triggerType === "AutomatedRollback";

/** One stage's runs within one execution: every attempt of every action (retries included). */
export interface StageRun {
  executionId: string;
  stage: string;
  runs: ActionExecutionDetail[];
  start: number;
  end: number;
  /** Each action's last attempt decides: all succeeded, any failed, or neither yet. */
  result: RunResult;
  /** When it succeeded (its last action's end) or failed (the first failing last attempt's end). */
  resultAt: number;
}

/** Action runs grouped by execution, then stage, each stage's attempts oldest first. */
export function stageRuns(actions: readonly ActionExecutionDetail[]): Map<string, Map<string, StageRun>> {
  const byExecution = new Map<string, Map<string, StageRun>>();
  const sorted = [...actions].sort((a, b) => (startOf(a) ?? 0) - (startOf(b) ?? 0));
  for (const run of sorted) {
    const id = run.pipelineExecutionId;
    const stage = run.stageName;
    const start = startOf(run);
    if (!id || !stage || start === undefined) continue;
    const stages = byExecution.get(id) ?? new Map<string, StageRun>();
    byExecution.set(id, stages);
    const entry = stages.get(stage) ?? { executionId: id, stage, runs: [], start, end: start, result: undefined, resultAt: start };
    stages.set(stage, entry);
    entry.runs.push(run);
    entry.end = Math.max(entry.end, endOf(run) ?? start);
  }
  for (const stages of byExecution.values()) {
    for (const entry of stages.values()) {
      const last = new Map<string, ActionExecutionDetail>();
      for (const run of entry.runs) last.set(run.actionName ?? "", run);
      const finals = [...last.values()];
      const failed = finals.filter((r) => resultOf(r.status) === "Failed");
      if (failed.length > 0) {
        entry.result = "Failed";
        entry.resultAt = Math.min(...failed.map((r) => endOf(r) ?? entry.end));
      } else if (finals.every((r) => resultOf(r.status) === "Succeeded")) {
        entry.result = "Succeeded";
        entry.resultAt = Math.max(...finals.map((r) => endOf(r) ?? entry.end));
      }
    }
  }
  return byExecution;
}

/**
 * Stage names in pipeline order, from the runs alone (no GetPipeline per pipeline): by how long after its
 * execution's first action a stage typically starts. Stages of the newest pipeline version come first in
 * importance: `latest` lists only those, so a stage renamed or removed in an older version is not taken as the
 * last one.
 */
export function stageOrder(actions: readonly ActionExecutionDetail[]): { all: string[]; latest: string[] } {
  const offsets = new Map<string, number[]>();
  const executionStart = new Map<string, number>();
  for (const run of actions) {
    const id = run.pipelineExecutionId ?? "";
    const start = startOf(run);
    if (start !== undefined) executionStart.set(id, Math.min(executionStart.get(id) ?? start, start));
  }
  const newestVersion = Math.max(0, ...actions.map((r) => r.pipelineVersion ?? 0));
  const inNewest = new Set<string>();
  for (const stages of stageRuns(actions).values()) {
    for (const entry of stages.values()) {
      const offset = entry.start - (executionStart.get(entry.executionId) ?? entry.start);
      offsets.set(entry.stage, [...(offsets.get(entry.stage) ?? []), offset]);
      if (entry.runs.some((r) => (r.pipelineVersion ?? 0) === newestVersion)) inNewest.add(entry.stage);
    }
  }
  const all = [...offsets.keys()].sort((a, b) => (median(offsets.get(a)!) ?? 0) - (median(offsets.get(b)!) ?? 0));
  return { all, latest: all.filter((s) => inNewest.has(s)) };
}

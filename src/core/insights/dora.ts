import type { ActionExecutionDetail } from "@aws-sdk/client-codepipeline";
import { rate, type Band } from "./bands";
import { endOf, isRollback, stageOrder, stageRuns, startOf, type PipelineHistory } from "./history";
import { median, percentile, ratio } from "./stats";
import { DAY_MS, inWindow, windowDays, type Window } from "./window";

/** How one execution fared in and after the production stage. */
interface ProductionOutcome {
  executionId: string;
  rollback: boolean;
  start: number;
  /** It succeeded through the production stage, at this time. */
  deployedAt?: number;
  /** It failed in or after the production stage, at this time. */
  failedAt?: number;
  /** When its source revision was created (the commit time the provider reports), if known. */
  committedAt?: number;
}

/**
 * The production stage when none is chosen: the last stage of the newest pipeline version seen in the runs
 * (a renamed or removed stage of an older version is not taken).
 */
export function defaultProductionStage(actions: readonly ActionExecutionDetail[] | undefined): string | undefined {
  return actions ? stageOrder(actions).latest.at(-1) : undefined;
}

/** The commit time a source provider reports as an output variable (CodeStar connections, CodeCommit). */
function commitTime(runs: readonly ActionExecutionDetail[]): number | undefined {
  const times = runs.flatMap((r) => {
    if (r.input?.actionTypeId?.category !== "Source") return [];
    const v = r.output?.outputVariables ?? {};
    const t = Date.parse(v.AuthorDate ?? v.CommitterDate ?? "");
    return Number.isFinite(t) ? [t] : [];
  });
  return times.length > 0 ? Math.min(...times) : undefined;
}

/**
 * Each execution's production outcome. With action runs: from the production stage's runs and the stages after
 * it. Without them, and with the default production stage, only what the execution list says: a succeeded
 * execution went through every stage, the last included; where a failed one failed is unknown.
 */
function outcomes(history: PipelineHistory, production: string | undefined): ProductionOutcome[] {
  const { executions, actions } = history;
  const grouped = actions ? stageRuns(actions) : undefined;
  const order = actions ? stageOrder(actions).all : [];
  const prodIndex = production ? order.indexOf(production) : -1;
  return executions.flatMap((e): ProductionOutcome[] => {
    const id = e.pipelineExecutionId;
    const start = startOf(e);
    if (!id || start === undefined) return [];
    const base = { executionId: id, rollback: isRollback(e), start };
    if (!grouped || prodIndex < 0) {
      return [{ ...base, deployedAt: e.status === "Succeeded" ? endOf(e) : undefined }];
    }
    const stages = grouped.get(id);
    if (!stages) return [base];
    const prod = stages.get(production!);
    const failures = [...stages.values()].filter((s) => s.result === "Failed" && order.indexOf(s.stage) >= prodIndex);
    return [
      {
        ...base,
        deployedAt: prod?.result === "Succeeded" ? prod.resultAt : undefined,
        failedAt: failures.length > 0 ? Math.min(...failures.map((s) => s.resultAt)) : undefined,
        committedAt: commitTime([...stages.values()].flatMap((s) => s.runs)),
      },
    ];
  });
}

export interface KeyFigure {
  value?: number;
  band?: Band;
}

export interface DoraFigures {
  production?: string;
  /** Action runs were read: lead time, change failure rate and time to restore are known. */
  detailed: boolean;
  deployments: number;
  /** Deployments per day. */
  deploymentFrequency: KeyFigure;
  leadTime: KeyFigure & { p95?: number; measured: number };
  changeFailureRate: KeyFigure & { failed: number; reached: number };
  timeToRestore: KeyFigure & { p95?: number; incidents: number; unresolved: number };
  rollbacks: number;
}

/**
 * The four keys for one pipeline and window. Deployments are standard executions that succeeded through the
 * production stage; a rollback is not a deployment of a change but marks the deployment it replaced as a
 * failed change. Change failure rate = changes that failed in or after production, or were rolled back ÷
 * executions that reached production (succeeded or failed there). Time to restore: from a production failure
 * (or a rolled-back deployment going out) to the next success through production, a rollback's included;
 * failures before a restore are one incident.
 */
export function doraFigures(history: PipelineHistory, w: Window, productionStage?: string): DoraFigures {
  const detailed = history.actions !== undefined;
  const production = productionStage ?? defaultProductionStage(history.actions);
  const all = outcomes(history, production).sort((a, b) => a.start - b.start);
  const standard = all.filter((o) => !o.rollback);

  // A rollback replaces the latest deployment before it: that change failed.
  const rolledBack = new Set<string>();
  for (const r of all.filter((o) => o.rollback)) {
    const replaced = standard.filter((o) => o.deployedAt !== undefined && o.deployedAt <= r.start).at(-1);
    if (replaced) rolledBack.add(replaced.executionId);
  }

  const deployed = standard.filter((o) => inWindow(o.deployedAt, w));
  const days = windowDays(w);
  const frequency = deployed.length / days;

  const leads = deployed.flatMap((o) => (o.committedAt !== undefined ? [o.deployedAt! - o.committedAt] : []));
  const leadMedian = median(leads);

  const reached = standard.filter((o) => inWindow(o.deployedAt ?? o.failedAt, w));
  const failed = reached.filter((o) => o.failedAt !== undefined || rolledBack.has(o.executionId));
  const cfr = detailed ? ratio(failed.length, reached.length) : undefined;

  // Time to restore over every outcome in order: a failure opens an incident, the next success closes it.
  const failureTimes = standard.flatMap((o) => [
    ...(o.failedAt !== undefined ? [o.failedAt] : []),
    ...(rolledBack.has(o.executionId) && o.deployedAt !== undefined ? [o.deployedAt] : []),
  ]);
  const successTimes = all.flatMap((o) => (o.deployedAt !== undefined && !rolledBack.has(o.executionId) ? [o.deployedAt] : []));
  const events = [...failureTimes.map((t) => ({ t, fail: true })), ...successTimes.map((t) => ({ t, fail: false }))].sort(
    (a, b) => a.t - b.t || Number(b.fail) - Number(a.fail),
  );
  const restores: number[] = [];
  let openSince: number | undefined;
  let unresolved = 0;
  for (const event of events) {
    if (event.fail) openSince ??= event.t;
    else if (openSince !== undefined) {
      if (inWindow(openSince, w)) restores.push(event.t - openSince);
      openSince = undefined;
    }
  }
  if (openSince !== undefined && inWindow(openSince, w)) unresolved = 1;
  const restoreMedian = detailed ? median(restores) : undefined;

  return {
    production,
    detailed,
    deployments: deployed.length,
    deploymentFrequency: { value: frequency, band: rate("deploymentFrequency", frequency) },
    leadTime: { value: leadMedian, p95: percentile(leads, 0.95), measured: leads.length, band: rate("leadTime", leadMedian) },
    changeFailureRate: { value: cfr, failed: failed.length, reached: reached.length, band: rate("changeFailureRate", cfr) },
    timeToRestore: {
      value: restoreMedian,
      p95: detailed ? percentile(restores, 0.95) : undefined,
      incidents: restores.length,
      unresolved,
      band: rate("timeToRestore", restoreMedian),
    },
    rollbacks: all.filter((o) => o.rollback && inWindow(o.start, w)).length,
  };
}

/** Deployments per day of the window, for the frequency sparkline (day 0 = the window's first day). */
export function deploymentsPerDay(history: PipelineHistory, w: Window, productionStage?: string): number[] {
  const production = productionStage ?? defaultProductionStage(history.actions);
  const days = Math.ceil(windowDays(w));
  const counts = new Array<number>(days).fill(0);
  for (const o of outcomes(history, production)) {
    if (!o.rollback && inWindow(o.deployedAt, w)) counts[Math.floor((o.deployedAt! - w.from) / DAY_MS)]++;
  }
  return counts;
}

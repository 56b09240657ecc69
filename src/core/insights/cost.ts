import type { ActionExecutionDetail, PipelineExecutionSummary, PipelineType } from "@aws-sdk/client-codepipeline";
import { durationOf, startOf } from "./history";
import { CODEPIPELINE_PRICES as PRICES } from "./prices";
import { DAY_MS, inWindow, type Window } from "./window";

export interface CostEstimate {
  pipelineType: PipelineType;
  /** In USD, before the account's free tier (which is shared, so it cannot be split per pipeline). */
  usd?: number;
  /** V2: billable action minutes. */
  minutes?: number;
  /** V1: active pipeline-months. */
  activeMonths?: number;
  /** V2 needs action runs; undefined while they are not read. */
  known: boolean;
}

/** Approvals and custom actions are not billed. */
const billable = (r: ActionExecutionDetail) => r.input?.actionTypeId?.category !== "Approval" && r.input?.actionTypeId?.owner !== "Custom";

const monthOf = (t: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

/**
 * An estimate at the published prices (prices.ts). V2: every billable action run in the window, rounded up to
 * the minute. V1: every calendar month with an execution in the window in which the pipeline was older than
 * 30 days.
 */
export function estimateCost(
  pipeline: { pipelineType?: PipelineType; created?: Date },
  history: { executions: readonly PipelineExecutionSummary[]; actions?: readonly ActionExecutionDetail[] },
  w: Window,
): CostEstimate {
  if ((pipeline.pipelineType ?? "V1") === "V1") {
    const created = pipeline.created?.getTime() ?? 0;
    const months = new Set<number>();
    for (const e of history.executions) {
      const t = startOf(e);
      if (t === undefined || !inWindow(t, w)) continue;
      const month = monthOf(t);
      const nextMonth = Date.UTC(new Date(month).getUTCFullYear(), new Date(month).getUTCMonth() + 1, 1);
      if (nextMonth - created > PRICES.v1FreeDaysAfterCreation * DAY_MS) months.add(month);
    }
    return { pipelineType: "V1", activeMonths: months.size, usd: months.size * PRICES.v1PerActivePipelineMonth, known: true };
  }
  if (!history.actions) return { pipelineType: "V2", known: false };
  const minutes = history.actions
    .filter((r) => billable(r) && inWindow(startOf(r), w))
    .reduce((sum, r) => sum + Math.ceil((durationOf(r) ?? 0) / 60_000), 0);
  return { pipelineType: "V2", minutes, usd: minutes * PRICES.v2PerActionMinute, known: true };
}

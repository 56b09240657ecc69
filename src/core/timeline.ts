import type { ActionExecutionDetail, PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { runOrderOf } from "./graph/layout";

export interface TimelineRow {
  key: string;
  stageName: string;
  actionName: string;
  status?: ActionExecutionDetail["status"];
  updatedBy?: string;
  /** When the action could have started: end of the previous run order (or stage) it waited for. */
  eligibleAt: number;
  start: number;
  end: number;
  running: boolean;
  detail: ActionExecutionDetail;
}

export interface Timeline {
  rows: TimelineRow[];
  from: number;
  to: number;
}

/**
 * Bars for every action run of one execution, in pipeline order (stage, run order, start).
 * ListActionExecutions only gives start and last update, so queue time is inferred: an action is
 * eligible once every earlier run order of its stage finished (the first run order: once the
 * previous stage's last action finished); the gap to its start is queue time.
 */
export function buildTimeline(
  declaration: PipelineDeclaration | undefined,
  details: readonly ActionExecutionDetail[],
  now: number,
): Timeline {
  const stageIndex = new Map<string, number>();
  const runOrder = new Map<string, number>();
  (declaration?.stages ?? []).forEach((s, i) => {
    stageIndex.set(s.name ?? "", i);
    for (const a of s.actions ?? []) runOrder.set(`${s.name}\u0000${a.name}`, runOrderOf(a));
  });
  const rows: Omit<TimelineRow, "eligibleAt">[] = [];
  for (const d of details) {
    if (!d.startTime) continue;
    const running = d.status === "InProgress";
    const start = d.startTime.getTime();
    const end = running ? Math.max(now, start) : Math.max(start, (d.lastUpdateTime ?? d.startTime).getTime());
    rows.push({
      key: d.actionExecutionId ?? `${d.stageName}/${d.actionName}/${start}`,
      stageName: d.stageName ?? "",
      actionName: d.actionName ?? "",
      status: d.status,
      updatedBy: d.updatedBy,
      start,
      end,
      running,
      detail: d,
    });
  }
  const order = (r: { stageName: string; actionName: string }) => runOrder.get(`${r.stageName}\u0000${r.actionName}`) ?? 1;
  rows.sort(
    (a, b) => (stageIndex.get(a.stageName) ?? 999) - (stageIndex.get(b.stageName) ?? 999) || order(a) - order(b) || a.start - b.start,
  );
  // Latest end per (stage, run order) for the eligibility rule.
  const endOf = new Map<string, number>();
  const stageEnd = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.stageName}\u0000${order(r)}`;
    endOf.set(k, Math.max(endOf.get(k) ?? 0, r.end));
    stageEnd.set(r.stageName, Math.max(stageEnd.get(r.stageName) ?? 0, r.end));
  }
  const stagesInOrder = [...stageEnd.keys()].sort((a, b) => (stageIndex.get(a) ?? 999) - (stageIndex.get(b) ?? 999));
  const result: TimelineRow[] = rows.map((r) => {
    let eligible = 0;
    for (const [k, end] of endOf) {
      const [stage, ro] = k.split("\u0000");
      if (stage === r.stageName && Number(ro) < order(r) && end <= r.start) eligible = Math.max(eligible, end);
    }
    if (!eligible) {
      const prev = stagesInOrder[stagesInOrder.indexOf(r.stageName) - 1];
      const prevEnd = prev ? stageEnd.get(prev) : undefined;
      if (prevEnd !== undefined && prevEnd <= r.start) eligible = prevEnd;
    }
    return { ...r, eligibleAt: eligible || r.start };
  });
  const from = Math.min(...result.map((r) => r.eligibleAt), Infinity);
  const to = Math.max(...result.map((r) => r.end), -Infinity);
  return { rows: result, from: Number.isFinite(from) ? from : now, to: Number.isFinite(to) ? to : now };
}

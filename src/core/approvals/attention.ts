import type { GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";

/** A failure worth a notification: one per failed execution of a pipeline, whatever stage. */
export interface PipelineFailure {
  key: string;
  pipelineName: string;
  stageName: string;
  actionName?: string;
  executionId?: string;
  message?: string;
}

export function failuresFromState(pipelineName: string, state: GetPipelineStateOutput | undefined): PipelineFailure[] {
  const failures = new Map<string, PipelineFailure>();
  for (const stage of state?.stageStates ?? []) {
    const latest = stage.latestExecution;
    if (latest?.status !== "Failed") continue;
    const key = `${pipelineName}/failed/${latest.pipelineExecutionId ?? stage.stageName}`;
    if (failures.has(key)) continue;
    const action = stage.actionStates?.find((a) => a.latestExecution?.status === "Failed");
    failures.set(key, {
      key,
      pipelineName,
      stageName: stage.stageName ?? "",
      actionName: action?.actionName,
      executionId: latest.pipelineExecutionId,
      message: action?.latestExecution?.errorDetails?.message ?? action?.latestExecution?.summary,
    });
  }
  return [...failures.values()];
}

/**
 * What to notify about: keys not seen before. The first call (`seen` undefined) only records the baseline, so
 * opening the dashboard does not fire a burst for everything already waiting or failed.
 */
export function newEvents<T extends { key: string }>(seen: ReadonlySet<string> | undefined, current: T[]): { fresh: T[]; seen: Set<string> } {
  const next = new Set(seen ?? []);
  const fresh: T[] = [];
  for (const item of current) {
    if (next.has(item.key)) continue;
    next.add(item.key);
    if (seen) fresh.push(item);
  }
  return { fresh, seen: next };
}

/** Keeps the newest `max` keys (a Set keeps insertion order), so storage stays bounded over a long session. */
export function boundKeys(keys: Iterable<string>, max = 500): string[] {
  const all = [...keys];
  return all.length > max ? all.slice(all.length - max) : all;
}

const PREFIX = /^\(\d+\+?\) /;

/** "(3) Pipelines · CodePipeline Dashboard"; the count is added to, or replaced in, whatever the page set. */
export function titleWithCount(title: string, count: number): string {
  const base = title.replace(PREFIX, "");
  if (count <= 0) return base;
  return `(${count > 99 ? "99+" : count}) ${base}`;
}

/** A 32×32 SVG favicon: the app mark, with an amber count badge while approvals wait. */
export function faviconSvg(count: number): string {
  const label = count > 99 ? "99+" : String(count);
  const badge =
    count > 0
      ? `<circle cx="22" cy="10" r="10" fill="#b45309"/><text x="22" y="14.5" font-family="Arial,sans-serif" font-size="${label.length > 2 ? 9 : label.length > 1 ? 11 : 13}" font-weight="700" text-anchor="middle" fill="#fff">${label}</text>`
      : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="2" y="6" width="24" height="22" rx="5" fill="#0369a1"/><path d="M8 17h12M15 12l5 5-5 5" stroke="#fff" stroke-width="2.5" fill="none" stroke-linecap="round" stroke-linejoin="round"/>${badge}</svg>`;
}

export function faviconDataUrl(count: number): string {
  return `data:image/svg+xml,${encodeURIComponent(faviconSvg(count))}`;
}

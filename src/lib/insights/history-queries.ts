import {
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  type ActionExecutionDetail,
  type PipelineExecutionSummary,
} from "@aws-sdk/client-codepipeline";
import { queryOptions } from "@tanstack/react-query";
import { DAY_MS } from "../../core/insights/window";
import { codepipelineKeys } from "../aws/query-keys";
import type { Source } from "../aws/source";
import { cacheKey, readCached, writeCached } from "./history-cache";
import { slimActionRun, slimExecution } from "./slim";

/** At most this many pages of 100 per pipeline and read: 12 months of hourly executions; past it, partial. */
export const MAX_EXECUTION_PAGES = 90;
/** Action runs of one pipeline's window: 100 per page, 200 pages = 20,000 runs. */
export const MAX_ACTION_PAGES = 200;
/**
 * Insights history is fresh for this long, in this tab and across reloads (the cache keeps when each list was
 * read): figures over days do not need the last minutes, and a reload of 1,000 pipelines should not cost 1,000
 * requests. Then a re-read costs one page per pipeline (incremental). `readNewHistory` reads at once.
 */
export const HISTORY_STALE_MS = 5 * 60_000;

/** Lists read before this (this browser's clock) are not fresh, whatever their age: see `readNewHistory`. */
let freshAfter = 0;

/** The next reads go to the API for what is newer than the cache, however recently it was read. */
export function readNewHistory() {
  freshAfter = Date.now();
}

/** Every insights history query (both kinds, every window), for invalidating or dropping them together. */
export const isInsightsHistory = (query: { queryKey: readonly unknown[] }) =>
  query.queryKey[0] === codepipelineKeys.all[0] && query.queryKey.includes("insights");

export interface HistoryRead<T> {
  items: T[];
  /** API calls this read made (0 when the cache was fresh enough). */
  requests: number;
  /** Items that came from the browser cache. */
  cached: number;
  /** False when the page budget ran out before the window's start: the figures are partial. */
  complete: boolean;
  /** When its newest records were read from the API (this browser's clock). */
  readAt: number;
}

interface Page<T> {
  items: T[];
  nextToken?: string;
}

const startMs = (x: { startTime?: Date }) => x.startTime?.getTime() ?? 0;
const idOf = (x: PipelineExecutionSummary | ActionExecutionDetail) =>
  "actionExecutionId" in x && x.actionExecutionId ? x.actionExecutionId : (x.pipelineExecutionId ?? "");
const running = (x: { status?: string }) => x.status === "InProgress" || x.status === "Stopping";

/**
 * Newest-first pages back to `since`, reusing the browser cache: the list is ordered by start, so everything
 * that started before the newest cached record is already known, except records that were still running when
 * cached; reading stops there. (Start times are the service's clock, never this browser's: a skewed local clock
 * cannot hide a new record.) A cache that does not reach back to `since` is read afresh.
 */
async function readIncremental<T extends PipelineExecutionSummary | ActionExecutionDetail>(
  key: string,
  since: number,
  maxPages: number,
  page: (nextToken: string | undefined) => Promise<Page<T>>,
  slim: (item: T) => T,
): Promise<HistoryRead<T>> {
  const now = Date.now();
  const cached = await readCached<T>(key);
  const usable = cached && cached.coveredFrom <= since ? cached : undefined;
  // A clock set back (readAt ahead of now) is not a reason to trust the cache.
  if (usable && usable.readAt >= freshAfter && usable.readAt <= now && now - usable.readAt < HISTORY_STALE_MS) {
    return { items: usable.items, requests: 0, cached: usable.items.length, complete: true, readAt: usable.readAt };
  }
  const stopAt = usable ? usable.items.reduce((t, item) => (running(item) ? Math.min(t, startMs(item)) : t), usable.items.reduce((t, item) => Math.max(t, startMs(item)), since)) : since;
  const fresh: T[] = [];
  let nextToken: string | undefined;
  let requests = 0;
  let reachedStop = false;
  do {
    const answer = await page(nextToken);
    requests++;
    for (const item of answer.items) {
      if (startMs(item) < stopAt) reachedStop = true;
      else fresh.push(slim(item));
    }
    nextToken = answer.nextToken;
  } while (nextToken && !reachedStop && requests < maxPages);
  const complete = reachedStop || !nextToken;
  const freshIds = new Set(fresh.map(idOf));
  const kept = usable ? usable.items.filter((item) => startMs(item) < stopAt && !freshIds.has(idOf(item))) : [];
  // CodePipeline keeps 12 months: nothing older is worth keeping either.
  const items = [...fresh, ...kept].filter((item) => startMs(item) >= now - 366 * DAY_MS);
  const coveredFrom = complete ? (usable ? usable.coveredFrom : since) : fresh.reduce((t, item) => Math.min(t, startMs(item)), now);
  await writeCached(key, { version: 1, items, readAt: now, coveredFrom });
  return { items, requests, cached: kept.length, complete, readAt: now };
}

/** A pipeline's executions since `days` × 2 ago (the window and the one before, for trends), paged at background priority. */
export function executionHistoryQuery(source: Source, name: string, days: number) {
  return queryOptions({
    queryKey: codepipelineKeys.insightsHistory(source, name, "executions", days),
    queryFn: ({ signal }) =>
      readIncremental<PipelineExecutionSummary>(
        cacheKey(source.id, name, "executions"),
        Date.now() - Math.min(2 * days, 366) * DAY_MS,
        MAX_EXECUTION_PAGES,
        async (nextToken) => {
          const out = await source.send(
            (client, abortSignal) => client.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 100, nextToken }), { abortSignal }),
            { signal, priority: "background" },
          );
          return { items: out.pipelineExecutionSummaries ?? [], nextToken: out.nextToken };
        },
        slimExecution,
      ),
    staleTime: HISTORY_STALE_MS,
    retry: 1,
  });
}

/** A pipeline's action runs over the same span: only for the pipelines whose details are on screen. */
export function actionHistoryQuery(source: Source, name: string, days: number) {
  return queryOptions({
    queryKey: codepipelineKeys.insightsHistory(source, name, "actions", days),
    queryFn: ({ signal }) =>
      readIncremental<ActionExecutionDetail>(
        cacheKey(source.id, name, "actions"),
        Date.now() - Math.min(2 * days, 366) * DAY_MS,
        MAX_ACTION_PAGES,
        async (nextToken) => {
          const out = await source.send(
            (client, abortSignal) => client.send(new ListActionExecutionsCommand({ pipelineName: name, maxResults: 100, nextToken }), { abortSignal }),
            { signal, priority: "background" },
          );
          return { items: out.actionExecutionDetails ?? [], nextToken: out.nextToken };
        },
        slimActionRun,
      ),
    staleTime: HISTORY_STALE_MS,
    retry: 1,
  });
}

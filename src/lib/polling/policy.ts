import type { ActionExecutionDetail, GetPipelineStateOutput, PipelineExecution, PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";
import type { PollingConfig } from "../../config/schema";
import { isRunning, isStateActive } from "../../core/status";
import { HISTORY_INTERVAL_MS, listIntervalMs, pollDelay, stableJitter, TAGS_INTERVAL_MS } from "../../core/wall/polling";
import { failuresInRow } from "./read-failures";

/**
 * How often every CodePipeline read repeats, decided here and nowhere else; docs/polling.md says why. Pages say
 * what they show (a `Presence`), the query option factories of src/lib/aws ask this module for the React Query
 * options that follow from it, and the two mechanisms beside it (the approvals sweep and followStateChanges)
 * take their windows and triggers from here too.
 */

/** What a page shows of a pipeline (or of a source's list): all it says about polling. */
export type Presence =
  /** Watched: the pipeline and execution pages, an overview row in the viewport, the approval page. */
  | "on-screen"
  /** Listed but not shown: overview rows out of view, read slowly for the counters and the attention order. */
  | "off-screen"
  /** Read from the cache that others poll (the approvals count and inbox); the approvals sweep fills the gaps. */
  | "cached"
  /** The kiosk: a fixed refresh, kept while the tab is hidden, backing off while reads fail. */
  | OnWall;

export interface OnWall {
  kind: "wall";
  refreshMs: number;
}

export const onWall = (refreshMs: number): OnWall => ({ kind: "wall", refreshMs });

const isWall = (presence: Presence): presence is OnWall => typeof presence === "object";

/** What a cadence may look at: the query as React Query hands it to `refetchInterval`. */
interface PolledQuery<T> {
  queryHash: string;
  state: { data: T | undefined; status: string; errorUpdateCount: number };
}

/** The React Query options a cadence sets; the factories spread them into their `queryOptions`. */
export interface Cadence<T = unknown> {
  refetchInterval?: number | false | ((query: PolledQuery<T>) => number | false);
  refetchIntervalInBackground?: boolean;
  refetchOnWindowFocus?: boolean;
  staleTime?: number;
  gcTime?: number;
  retry?: false;
}

const ms = (seconds: number) => seconds * 1000;

/**
 * Live updates (docs/live-updates.md): while a source's socket is healthy, an event triggers each read, and
 * what polls on screen slows to the safety interval; the moment it is not, the normal cadence is back.
 */
export interface LiveCadence {
  readonly mode: string | undefined;
  readonly safetyMs: number | undefined;
}

/** The on-screen interval `normalMs`, or the safety interval while live (never faster than the normal one). */
const orSafety = (normalMs: number, live: LiveCadence | undefined) => (live?.mode === "live" ? Math.max(normalMs, live.safetyMs!) : normalMs);

const backoffMs = (baseMs: number, query: PolledQuery<unknown>) => {
  const failures = failuresInRow(query);
  return pollDelay(baseMs, failures, stableJitter(query.queryHash, failures));
};

/**
 * The wall's reads: their interval while they work, capped exponential backoff with a stable jitter while they
 * fail (core/wall/polling), and no retries of React Query's own on top: the next poll is the retry.
 */
function unattended<T>(baseMs: number, extra: Cadence<T> = {}): Cadence<T> {
  return {
    refetchInterval: (query) => backoffMs(baseMs, query),
    refetchIntervalInBackground: true,
    retry: false,
    ...extra,
  };
}

/**
 * While live updates are healthy, the events say which off-screen rows changed and live-updates reads those at
 * this same cadence: the timer of the rest is only a safety net for an event lost on its way (a delivery that
 * failed into the rule's dead-letter queue), not a read of every row every few minutes.
 */
export const OFFSCREEN_LIVE_SAFETY_MS = 30 * 60_000;

const offScreenMs = (polling: PollingConfig, live: LiveCadence | undefined) => {
  const offscreenMs = ms(polling.offscreenSeconds);
  return offscreenMs > 0 && live?.mode === "live" ? Math.max(offscreenMs, OFFSCREEN_LIVE_SAFETY_MS) : offscreenMs;
};

/** Off screen: once, then every `offscreenSeconds` (0 = never again; while live, the safety net's interval). */
function offScreen(polling: PollingConfig, live?: LiveCadence): Cadence {
  const offscreenMs = ms(polling.offscreenSeconds);
  if (offscreenMs <= 0) return { refetchInterval: false, staleTime: Infinity };
  return { refetchInterval: () => offScreenMs(polling, live), staleTime: offscreenMs };
}

/** Never polled by its own observer: fetched on mount if missing or older than `staleTime`, refreshed by others. */
function cached(staleTime: number): Cadence {
  return { refetchInterval: false, refetchOnWindowFocus: false, staleTime };
}

/** Data that never changes once read (an execution's revisions and trigger). */
export const IMMUTABLE: Cadence = { refetchInterval: false, refetchOnWindowFocus: false, staleTime: Infinity };

export const pollingPolicy = {
  /** ListPipelines: pipelines come and go rarely. */
  list(polling: PollingConfig, presence: Presence): Cadence {
    if (isWall(presence)) return unattended(listIntervalMs(presence.refreshMs, ms(polling.listSeconds)));
    if (presence === "cached") return cached(ms(polling.listSeconds));
    return { refetchInterval: ms(polling.listSeconds) };
  },

  /** GetPipelineState, the one read that polls fast: only while something runs or waits, only on screen. */
  state(polling: PollingConfig, presence: Presence, live?: LiveCadence): Cadence<GetPipelineStateOutput> {
    if (isWall(presence)) {
      // A refocused or re-mounted screen must not add requests inside the interval.
      return unattended(presence.refreshMs, {
        staleTime: presence.refreshMs - 1000,
        refetchInterval: (query) => backoffMs(orSafety(presence.refreshMs, live), query),
      });
    }
    if (presence === "off-screen") return offScreen(polling, live);
    if (presence === "cached") return cached(offScreen(polling).staleTime!);
    return { refetchInterval: (query) => orSafety(ms(isStateActive(query.state.data) ? polling.activeSeconds : polling.idleSeconds), live) };
  },

  /** ListPipelineExecutions, newest one: followStateChanges refetches it when the state moves; this is the safety net. */
  latestExecution(polling: PollingConfig, presence: Presence, live?: LiveCadence): Cadence {
    if (presence === "off-screen") return offScreen(polling, live);
    return { refetchInterval: () => orSafety(ms(polling.idleSeconds), live) };
  },

  /** The pipeline page's newest executions (the PARALLEL picker, Stop, revisions): fast while one runs. */
  recentExecutions(polling: PollingConfig, live?: LiveCadence): Cadence<PipelineExecutionSummary[]> {
    return {
      refetchInterval: (query) => orSafety(ms((query.state.data ?? []).some((e) => isRunning(e.status)) ? polling.activeSeconds : polling.idleSeconds), live),
    };
  },

  /** The wall's page of recent executions (expected durations): followStateChanges refreshes it when a stage moves. */
  wallExecutions: (): Cadence => unattended(HISTORY_INTERVAL_MS, { staleTime: HISTORY_INTERVAL_MS }),

  /** The history tab. */
  history: (polling: PollingConfig): Cadence => ({ refetchInterval: ms(polling.idleSeconds) }),

  /** One execution: often while it runs, rarely once it is over (it can still be retried). */
  executionEveryMs: (polling: PollingConfig, status: string | undefined) => ms(isRunning(status) ? polling.activeSeconds : polling.idleSeconds * 4),
  execution(polling: PollingConfig, live?: LiveCadence): Cadence<PipelineExecution | null> {
    return { refetchInterval: (query) => orSafety(pollingPolicy.executionEveryMs(polling, query.state.data?.status ?? undefined), live) };
  },

  /**
   * One execution's action runs: polled while `running`, and until its own answer shows no action in progress
   * (the execution may be seen finished before its last runs are) or while a failed read must be repeated.
   */
  actionRuns(polling: PollingConfig, running: boolean, live?: LiveCadence): Cadence<ActionExecutionDetail[]> {
    return {
      refetchInterval: (query) =>
        query.state.status === "error" ? ms(polling.activeSeconds)
        : running || (query.state.data ?? []).some((d) => d.status === "InProgress") ? orSafety(ms(polling.activeSeconds), live)
        : false,
    };
  },

  /**
   * A stage's rollback targets: read once per execution the stage holds (the key names it), since only another
   * execution entering the stage can add one; an edit of the pipeline re-reads them with everything else.
   */
  rollbackTargets: (): Cadence => IMMUTABLE,

  /**
   * What one action run or execution did besides its status (ListRuleExecutions, deploy targets, the CodeBuild
   * build): every `activeSeconds` while it runs, never again once it is over (a retry is a new run).
   */
  runDetail(polling: PollingConfig, running: boolean): Cadence {
    return running ? { refetchInterval: ms(polling.activeSeconds) } : { refetchInterval: false, staleTime: Infinity };
  },

  /**
   * A CodeBuild build, like `runDetail`, and also while the build itself says it has not completed: CodePipeline
   * can report the action over before the last poll of its build, which would leave "in progress" on screen.
   */
  build(polling: PollingConfig, running: boolean): Cadence<{ buildComplete?: boolean } | null> {
    const cadence = this.runDetail(polling, running);
    return { ...cadence, refetchInterval: (query) => (running || query.state.data?.buildComplete === false ? ms(polling.activeSeconds) : false) };
  },

  /**
   * A log stream on screen: its forward token every `activeSeconds` while `following` (the run goes on; only
   * while the details are open, and paused in a hidden tab as every read but the wall's), backing off while
   * reads fail (throttling: what was read stays on screen), then never. No retries of React Query's own: the
   * SDK retried already, and the next poll is the retry.
   */
  logStream(polling: PollingConfig, following: boolean): Cadence {
    return following
      ? { refetchInterval: (query) => backoffMs(ms(polling.activeSeconds), query), staleTime: 0, retry: false }
      : { refetchInterval: false, refetchOnWindowFocus: false, staleTime: Infinity, retry: false };
  },

  /** ListRuleTypes: what AWS offers changes with its releases, not within a session. */
  ruleTypes: (): Cadence => IMMUTABLE,

  /** Recent action runs across executions, for expected durations: they move slowly. */
  recentActionRuns: (): Cadence => ({ staleTime: 5 * 60_000, refetchInterval: 5 * 60_000 }),

  /**
   * The action runs behind the approvals (PARALLEL-mode tokens, recent decisions): never polled by the inbox's
   * own observers (the sweep refreshes them); the recent-decisions list on screen reads them every two idle rounds.
   */
  approvalRuns(polling: PollingConfig, presence: Presence): Cadence {
    const base = cached(ms(polling.idleSeconds));
    return presence === "on-screen" ? { ...base, refetchInterval: ms(polling.idleSeconds) * 2 } : base;
  },

  /** A waiting approval's resolved configuration never changes while it waits: read once per execution. */
  approvalInput: (): Cadence => IMMUTABLE,

  /** GetPipeline of one version never changes; the latest version is re-read after 30 s. */
  declaration(presence: Presence, version: number | undefined): Cadence<unknown> {
    if (isWall(presence)) {
      // Only errors retry, on the backoff schedule; a loaded declaration is never polled.
      return unattended(60_000, { staleTime: Infinity, gcTime: 10 * 60_000, refetchInterval: (query) => (query.state.data ? false : backoffMs(60_000, query)) });
    }
    const staleTime = version === undefined ? 30_000 : Infinity;
    return presence === "cached" ? { staleTime, refetchOnWindowFocus: false } : { staleTime };
  },

  /** ListTagsForResource: tags change rarely; the wall reads them only with a tag filter. */
  tags(presence: Presence): Cadence {
    if (isWall(presence)) return unattended(TAGS_INTERVAL_MS, { staleTime: TAGS_INTERVAL_MS, gcTime: TAGS_INTERVAL_MS });
    return { staleTime: 60_000 };
  },

  /**
   * The approvals sweep (approvals-sweep.ts) ticks every `activeSeconds` and re-reads what nobody refreshed within
   * its window. Eager (an approvals page is open, or notifications are on): pipelines that run or wait for
   * approval within `idleSeconds`; otherwise every state within `offscreenSeconds`, so "only rows on screen poll"
   * holds and the navigation count is at most one off-screen interval old. 0 = not re-read.
   */
  sweep(polling: PollingConfig, live?: LiveCadence) {
    return {
      tickMs: Math.max(1, polling.activeSeconds) * 1000,
      listMs: ms(polling.listSeconds),
      // While live, an approval starting or ending anywhere is read on its event: the sweep is a safety net then.
      stateMs: (eager: boolean, lively: boolean) => (eager && lively ? orSafety(ms(polling.idleSeconds), live) : offScreenMs(polling, live)),
      approvalRunsMs: ms(polling.idleSeconds),
    };
  },

  /** When data on screen reads "stale": after about two missed rounds of what the page polls. */
  staleAfterMs(polling: PollingConfig, page: "lists" | "pipeline"): number {
    return page === "lists" ? Math.max(polling.idleSeconds, polling.listSeconds) * 2000 : polling.idleSeconds * 3000;
  },
};

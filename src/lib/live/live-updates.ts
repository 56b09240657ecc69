import type { QueryClient } from "@tanstack/react-query";
import type { SignatureV4 } from "@smithy/signature-v4";
import { INITIAL_LIVE_STATE, nextLiveState, type LiveState } from "../../core/live/connection";
import { HintBatcher, interestIn, parseLiveEvent } from "../../core/live/live-event";
import { eventsChannel } from "../../config/events";
import type { DashboardConfig, EventsConfig } from "../../config/schema";
import type { resolveSources } from "../../config/sources";
import type { codepipelineKeys, pipelineOfKey } from "../aws/query-keys";
import type { Source } from "../aws/source";
import { AppSyncSocket } from "./appsync-socket";
import { LIVE_MODE_KEY } from "./live-health";

/**
 * What this lazy chunk uses of modules the first page already has, handed over by the app instead of imported:
 * an import from here would split those modules out of the chunks they share today, and the extra chunks cost
 * the first page about 2 KB gzip (e2e/bundle.spec.ts holds its budget).
 */
export interface LiveKit {
  SignatureV4: typeof SignatureV4;
  codepipelineKeys: typeof codepipelineKeys;
  pipelineOfKey: typeof pipelineOfKey;
  resolveSources: typeof resolveSources;
}

/**
 * Live updates (docs/live-updates.md), loaded only when config.json has an `events` block. One socket per
 * source with credentials of its own (a source that assumes a role rides on its base source's socket: AppSync
 * authorizes principals of the dashboard's account), subscribed to the channel of each of those sources'
 * account and region. An event is an invalidation hint: the pipeline's state is read again through the
 * source's limiter if a page shows the pipeline, or if it moves an approval (for the count every page shows).
 */

/** Events of one state change arrive within milliseconds of each other; one read answers them all. */
const BATCH_MS = 150;
/** At most one read of a pipeline a second: the stragglers of one change and a run's quick steps share the next. */
const SPACING_MS = 1000;

interface Hint {
  source: Source;
  pipeline: string;
  /** An action ended or started: the action runs on screen (execution page, timeline) are read again too. */
  actions: boolean;
}

export function startLiveUpdates(config: DashboardConfig & { events: EventsConfig }, sources: readonly Source[], queryClient: QueryClient, kit: LiveKit): () => void {
  const { events } = config;
  const { codepipelineKeys, pipelineOfKey, resolveSources } = kit;
  const channelOf = new Map(resolveSources(config).map((source) => [source.id, eventsChannel(events, source)]));
  const batcher = new HintBatcher<Hint>(
    BATCH_MS,
    (hints) => hints.forEach(read),
    (hint) => `${hint.source.id}\n${hint.pipeline}`,
    (a, b) => ({ ...b, actions: a.actions || b.actions }),
    SPACING_MS,
  );

  // Off-screen rows whose run started or ended since the last off-screen refresh: read then, each once, while the
  // policy's off-screen timer waits for a lost event (OFFSCREEN_LIVE_SAFETY_MS). Per source: its own cadence.
  // Only their newest runs: the run's status is the row's health, so its rank, and its strip. Their state (where
  // the run is) shows only on screen, and a row scrolling in reads it at once; an approval's move, the one thing
  // off screen that needs the state (the count), is read at once on its own event. A page without the overview's
  // rows has no observer of those runs, so this reads nothing there.
  const changedOffScreen = new Map<Source, Set<string>>();
  const readChangedOffScreen = (source: Source) => {
    const changed = changedOffScreen.get(source);
    changedOffScreen.delete(source);
    changed?.forEach((pipeline) => void queryClient.invalidateQueries({ queryKey: codepipelineKeys.recentRuns(source, pipeline), refetchType: "active" }));
  };
  const offScreenTimers = sources
    .filter((source) => source.polling.offscreenSeconds > 0)
    .map((source) => setInterval(() => readChangedOffScreen(source), source.polling.offscreenSeconds * 1000));

  function read({ source, pipeline, actions }: Hint): void {
    void queryClient.invalidateQueries({ queryKey: codepipelineKeys.state(source, pipeline), refetchType: "active" });
    if (actions) void queryClient.invalidateQueries({ queryKey: [...codepipelineKeys.executions(source, pipeline), "actions"], refetchType: "active" });
  }

  /** Back to polling: what shows on screen is read now, so its normal cadence starts from this read; so are the off-screen rows known to have changed. */
  function pollNow(source: Source): void {
    readChangedOffScreen(source);
    void queryClient.invalidateQueries({
      queryKey: codepipelineKeys.source(source),
      refetchType: "active",
      predicate: (query) => {
        const pipeline = pipelineOfKey(query.queryKey, "state");
        return pipeline !== undefined && source.isVisible(pipeline.name);
      },
    });
  }

  /**
   * The timers of the pipelines' states and newest runs take the new mode's cadence from now (off screen:
   * OFFSCREEN_LIVE_SAFETY_MS while live), not after their next read: marking them stale without a read makes React
   * Query recompute each observer's interval. A query still marked from the mode before keeps its timer until its
   * next read, which errs towards reading.
   */
  function retime(source: Source): void {
    void queryClient.invalidateQueries({
      queryKey: codepipelineKeys.source(source),
      refetchType: "none",
      predicate: (query) => (pipelineOfKey(query.queryKey, "state") ?? pipelineOfKey(query.queryKey, "recent-runs")) !== undefined,
    });
  }

  /** The header's words: paused if any socket is, live once all are, polling while connecting (the cadence then is polling's). */
  function showMode(): void {
    const modes = sources.map((source) => source.live.mode);
    const text = modes.includes("paused") ? "Live updates paused, polling" : modes.every((mode) => mode === "live") ? "Live" : "Polling";
    queryClient.setQueryData(LIVE_MODE_KEY, text);
  }

  const groups = new Map<string, Source[]>();
  for (const source of sources) groups.set(source.baseId, [...(groups.get(source.baseId) ?? []), source]);
  const sockets = [...groups].map(([baseId, members]) => {
    const base = sources.find((source) => source.id === baseId) ?? members[0];
    let state: LiveState = INITIAL_LIVE_STATE;
    const socket = new AppSyncSocket({
      SignatureV4: kit.SignatureV4,
      httpEndpoint: events.httpEndpoint,
      realtimeEndpoint: events.realtimeEndpoint,
      // The Event API's region is in its host (ID.appsync-api.REGION.amazonaws.com); the emulator's is the config's.
      region: new URL(events.httpEndpoint).hostname.match(/\.appsync-api\.([a-z0-9-]+)\.amazonaws\.com$/)?.[1] ?? config.region,
      credentials: () => base.credentials(),
      sha256: base.sha256,
      onSignal(signal) {
        const wasLive = state.mode === "live";
        state = nextLiveState(state, signal);
        for (const source of members) {
          source.live.mode = state.mode;
          if (wasLive !== (state.mode === "live")) retime(source);
          if (wasLive && state.mode !== "live") pollNow(source);
        }
        showMode();
      },
      onData(channel, data) {
        const event = parseLiveEvent(data);
        if (!event) return;
        for (const source of members) {
          if (channelOf.get(source.id) !== channel || source.region !== event.region) continue;
          const interest = interestIn(event, source.isVisible(event.pipeline));
          if (interest === "none") continue;
          if (interest === "off-screen") changedOffScreen.set(source, (changedOffScreen.get(source) ?? new Set()).add(event.pipeline));
          else batcher.add({ source, pipeline: event.pipeline, actions: event.action !== "" });
        }
      },
    });
    socket.setChannels(new Set(members.map((source) => channelOf.get(source.id)!)));
    socket.start();
    return socket;
  });
  showMode();

  return () => {
    batcher.cancel();
    offScreenTimers.forEach(clearInterval);
    for (const socket of sockets) socket.stop();
  };
}

import type { QueryClient } from "@tanstack/react-query";
import { INITIAL_LIVE_STATE, nextLiveState, type LiveState } from "../../core/live/connection";
import { HintBatcher, interestIn, parseLiveEvent } from "../../core/live/live-event";
import { eventsChannel } from "../../config/events";
import type { DashboardConfig, EventsConfig } from "../../config/schema";
import { resolveSources } from "../../config/sources";
import { codepipelineKeys, pipelineOfKey } from "../aws/query-keys";
import type { Source } from "../aws/source";
import { AppSyncSocket } from "./appsync-socket";

/**
 * Live updates (docs/live-updates.md), loaded only when config.json has an `events` block. One socket per
 * source with credentials of its own (a source that assumes a role rides on its base source's socket: AppSync
 * authorizes principals of the dashboard's account), subscribed to the channel of each of those sources'
 * account and region. An event is an invalidation hint: the pipeline's state is read again through the
 * source's limiter if a page shows the pipeline, or if it moves an approval (for the count every page shows).
 */

/** Events of one state change arrive within milliseconds of each other; one read answers them all. */
const BATCH_MS = 150;

interface Hint {
  source: Source;
  pipeline: string;
  /** An action ended or started: the action runs on screen (execution page, timeline) are read again too. */
  actions: boolean;
}

export function startLiveUpdates(config: DashboardConfig & { events: EventsConfig }, sources: readonly Source[], queryClient: QueryClient): () => void {
  const { events } = config;
  const channelOf = new Map(resolveSources(config).map((source) => [source.id, eventsChannel(events, source)]));
  const batcher = new HintBatcher<Hint>(
    BATCH_MS,
    (hints) => hints.forEach(read),
    (hint) => `${hint.source.id}\n${hint.pipeline}`,
    (a, b) => ({ ...b, actions: a.actions || b.actions }),
  );

  function read({ source, pipeline, actions }: Hint): void {
    void queryClient.invalidateQueries({ queryKey: codepipelineKeys.state(source, pipeline), refetchType: "active" });
    if (actions) void queryClient.invalidateQueries({ queryKey: [...codepipelineKeys.executions(source, pipeline), "actions"], refetchType: "active" });
  }

  /** Back to polling: what shows on screen is read now, so its normal cadence starts from this read. */
  function pollNow(source: Source): void {
    void queryClient.invalidateQueries({
      queryKey: codepipelineKeys.source(source),
      refetchType: "active",
      predicate: (query) => {
        const pipeline = pipelineOfKey(query.queryKey, "state");
        return pipeline !== undefined && source.isVisible(pipeline.name);
      },
    });
  }

  const groups = new Map<string, Source[]>();
  for (const source of sources) groups.set(source.baseId, [...(groups.get(source.baseId) ?? []), source]);
  const sockets = [...groups].map(([baseId, members]) => {
    const base = sources.find((source) => source.id === baseId) ?? members[0];
    let state: LiveState = INITIAL_LIVE_STATE;
    const socket = new AppSyncSocket({
      httpEndpoint: events.httpEndpoint,
      realtimeEndpoint: events.realtimeEndpoint,
      region: events.region ?? config.region,
      credentials: () => base.credentials(),
      onSignal(signal) {
        const wasLive = state.mode === "live";
        state = nextLiveState(state, signal);
        for (const source of members) {
          source.live.set(state);
          if (wasLive && state.mode !== "live") pollNow(source);
        }
      },
      onData(channel, data) {
        const event = parseLiveEvent(data);
        if (!event) return;
        for (const source of members) {
          if (channelOf.get(source.id) !== channel || source.region !== event.region) continue;
          if (interestIn(event, source.isVisible(event.pipeline)) === "none") continue;
          batcher.add({ source, pipeline: event.pipeline, actions: event.action !== "" });
        }
      },
    });
    socket.setChannels(new Set(members.map((source) => channelOf.get(source.id)!)));
    socket.start();
    return socket;
  });

  return () => {
    batcher.cancel();
    for (const socket of sockets) socket.stop();
  };
}

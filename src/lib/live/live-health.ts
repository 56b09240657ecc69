import { INITIAL_LIVE_STATE, type LiveState } from "../../core/live/connection";

/**
 * One source's live-updates state, as the polling policy and the header read it. Tiny and loaded with the app;
 * the socket client that sets it (./live-updates) loads only when config.json has an `events` block.
 */
export interface LiveHealth {
  state(): LiveState | undefined;
  /** The socket is up and subscribed: on-screen polling may slow to the safety interval. */
  isLive(): boolean;
  /** config events.safetyIntervalSeconds, in ms (undefined without live updates). */
  readonly safetyMs: number | undefined;
  set(state: LiveState): void;
  subscribe(listener: () => void): () => void;
}

export function createLiveHealth(safetySeconds: number | undefined): LiveHealth {
  let current: LiveState | undefined = safetySeconds === undefined ? undefined : INITIAL_LIVE_STATE;
  const listeners = new Set<() => void>();
  return {
    state: () => current,
    isLive: () => current?.mode === "live",
    safetyMs: safetySeconds === undefined ? undefined : safetySeconds * 1000,
    set(state) {
      current = state;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

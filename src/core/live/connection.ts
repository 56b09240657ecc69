/*
 * The live connection's state machine (docs/live-updates.md). Polling never goes away: only `live` slows the
 * on-screen cadences to the safety interval; every other state polls at the normal cadence.
 */

export type LiveMode =
  /** No `events` block: polling only, nothing said about it. */
  | "off"
  /** Opening the socket or waiting for connection_ack and the first subscriptions (polling meanwhile). */
  | "connecting"
  /** Acknowledged, subscribed, and heard from within the keep-alive timeout. */
  | "live"
  /** Dropped, refused or gone quiet: polling at the normal cadence, reconnecting with backoff. */
  | "paused";

export type PauseReason = "dropped" | "unauthorized" | "keep-alive timeout" | "unreachable" | "subscription refused";

export interface LiveState {
  mode: LiveMode;
  reason?: PauseReason;
  /** Consecutive failed attempts since the last time live: drives the backoff. */
  attempts: number;
}

export type LiveSignal =
  | { type: "connecting" }
  | { type: "subscribed" }
  | { type: "failed"; reason: PauseReason };

export const INITIAL_LIVE_STATE: LiveState = { mode: "connecting", attempts: 0 };

export function nextLiveState(state: LiveState, signal: LiveSignal): LiveState {
  switch (signal.type) {
    case "connecting":
      // A reconnect attempt keeps saying "paused" until it succeeds: the page is still polling.
      return state.mode === "paused" ? state : { mode: "connecting", attempts: state.attempts };
    case "subscribed":
      return { mode: "live", attempts: 0 };
    case "failed":
      return { mode: "paused", reason: signal.reason, attempts: state.attempts + 1 };
  }
}

/**
 * How long to wait before reconnect attempt `attempts` (1 = the first after a failure): 1 s doubling up to
 * 60 s, with up to 30 % jitter from `random` so that a hundred screens dropped together do not return together.
 * Refused authorization waits longer (credentials must change first), at least 30 s.
 */
export function reconnectDelayMs(attempts: number, reason: PauseReason | undefined, random: () => number = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** Math.max(0, attempts - 1));
  const floor = reason === "unauthorized" ? Math.max(base, 30_000) : base;
  return Math.round(floor * (1 + 0.3 * random()));
}

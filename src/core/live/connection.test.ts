import { describe, expect, it } from "vitest";
import { INITIAL_LIVE_STATE, nextLiveState, reconnectDelayMs, type LiveSignal, type LiveState } from "./connection";

const run = (signals: LiveSignal[], from: LiveState = INITIAL_LIVE_STATE) => signals.reduce(nextLiveState, from);

describe("the live connection's state machine", () => {
  it("connecting → live once subscribed; a drop pauses at once; a reconnect stays paused until subscribed again", () => {
    expect(run([{ type: "subscribed" }])).toEqual({ mode: "live", attempts: 0 });
    const dropped = run([{ type: "subscribed" }, { type: "failed", reason: "dropped" }]);
    expect(dropped).toEqual({ mode: "paused", reason: "dropped", attempts: 1 });
    expect(nextLiveState(dropped, { type: "connecting" })).toEqual(dropped);
    expect(run([{ type: "connecting" }, { type: "subscribed" }], dropped)).toEqual({ mode: "live", attempts: 0 });
  });

  it("failures in a row count up (for the backoff) and say why; success resets them", () => {
    const state = run([{ type: "failed", reason: "unreachable" }, { type: "connecting" }, { type: "failed", reason: "keep-alive timeout" }]);
    expect(state).toEqual({ mode: "paused", reason: "keep-alive timeout", attempts: 2 });
    expect(run([{ type: "subscribed" }], state).attempts).toBe(0);
  });

  it("backs off 1 s, 2 s, 4 s … up to a minute, with jitter; refused authorization waits at least 30 s", () => {
    const none = () => 0;
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => reconnectDelayMs(n, "dropped", none))).toEqual([1000, 2000, 4000, 8000, 60000, 60000, 60000]);
    expect(reconnectDelayMs(1, "unauthorized", none)).toBe(30_000);
    expect(reconnectDelayMs(1, "dropped", () => 1)).toBe(1300);
  });
});

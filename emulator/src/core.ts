import type { Scenario } from "./scenario/types";

/**
 * The emulator's state and engine, as the wire layer (server, control API, CLI) sees it.
 * Implemented by `createEmulatorCore` in ./engine/core.ts; nothing here knows about HTTP.
 */
export interface EmulatorCore {
  readonly clock: Clock;
  /** Drop every pipeline, execution, job and custom action of every account and region. */
  reset(): void;
  /** Replace the world with a scenario (history is fast-forwarded on load). */
  loadScenario(scenario: Scenario): void;
  /** Move simulated time forward, running every due event in order (manual and real clocks alike). */
  advance(ms: number): void;
  /** Serialisable state for --state-file; `restore` takes what `snapshot` gave. */
  snapshot(): unknown;
  restore(snapshot: unknown): void;
  /** Called after every change to state (debounce before writing files). Returns an unsubscribe. */
  onChange(listener: () => void): () => void;
  /** Stop timers so the process can exit. */
  close(): void;
}

export interface Clock {
  /** `real`: time flows (times `speed`); `manual`: time moves only through `advance`. */
  readonly mode: "real" | "manual";
  readonly speed: number;
  now(): Date;
}

export interface EmulatorCoreOptions {
  clock?: "real" | "manual";
  /** Real-clock speed factor for demos (default 1). */
  speed?: number;
  /** Start time of the manual clock (default: the real time at creation). */
  startTime?: Date;
}

import type { Scenario } from "../scenario/types";
import type { Scope } from "../state/world";
import { SimClock } from "./clock";
import { onTimer } from "./dispatch";
import { Engine, type EngineSnapshot } from "./engine";
import { loadScenario } from "./scenario-loader";
import { type CodePipelineEvent, StateEvents } from "./state-events";
import { triggerWebhook, type WebhookCall, type WebhookOutcome } from "./webhooks";

/**
 * The emulator's state and simulation, as the servers (CodePipeline protocol, control API, CLI) use
 * it; nothing here knows about HTTP. Operation handlers work on `engine` directly, through their
 * request context.
 */
export interface EmulatorCore {
  readonly clock: Clock;
  readonly engine: Engine;
  /** Drop every pipeline, execution, job and custom action of every account and region. */
  reset(): void;
  /** Replace the world with a scenario (history is fast-forwarded on load). */
  loadScenario(scenario: Scenario): void;
  /** Move simulated time forward, running every due event in order (manual and real clocks alike). */
  advance(ms: number): void;
  /** A POST to a webhook's URL, as the repository host would send it (see ./webhooks.ts). */
  triggerWebhook(scope: Scope, name: string, call: WebhookCall): WebhookOutcome;
  /** Serialisable state for --state-file; `restore` takes what `snapshot` gave. */
  snapshot(): unknown;
  restore(snapshot: unknown): void;
  /** Called after every change to state (debounce before writing files). Returns an unsubscribe. */
  onChange(listener: () => void): () => void;
  /**
   * Called with each EventBridge event CodePipeline would send for a state change (./state-events),
   * in order; loading, resetting and restoring make none. Returns an unsubscribe.
   */
  onStateEvent(listener: (event: CodePipelineEvent) => void): () => void;
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

export function createEmulatorCore(options: EmulatorCoreOptions = {}): EmulatorCore {
  const clock = new SimClock(options.clock ?? "real", options.speed ?? 1, options.startTime?.getTime() ?? Date.now());
  const engine = new Engine(clock, onTimer);
  const events = new StateEvents(engine);
  return {
    clock,
    engine,
    reset() {
      events.quietly(() => {
        engine.reset();
        engine.settle();
      });
    },
    loadScenario(scenario) {
      events.quietly(() => {
        loadScenario(engine, scenario);
        engine.settle();
      });
    },
    advance(ms) {
      engine.advance(ms);
    },
    triggerWebhook(scope, name, call) {
      engine.sync();
      try {
        return triggerWebhook(engine, scope, name, call);
      } finally {
        engine.settle();
      }
    },
    snapshot: () => engine.snapshot(),
    restore(snapshot) {
      if (!isSnapshot(snapshot)) throw new Error("Not an emulator state snapshot");
      events.quietly(() => {
        engine.restore(snapshot);
        engine.settle();
      });
    },
    onChange: (listener) => engine.onChange(listener),
    onStateEvent: (listener) => events.subscribe(listener),
    close() {
      engine.close();
    },
  };
}

function isSnapshot(value: unknown): value is EngineSnapshot {
  return typeof value === "object" && value !== null && (value as EngineSnapshot).version === 1 && typeof (value as EngineSnapshot).world === "object";
}

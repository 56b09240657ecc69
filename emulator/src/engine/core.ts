import type { EmulatorCore, EmulatorCoreOptions } from "../core";
import { loadScenario } from "../scenario/loader";
import { SimClock } from "./clock";
import { onTimer } from "./dispatch";
import { Engine, type EngineSnapshot } from "./engine";

const engines = new WeakMap<EmulatorCore, Engine>();

/** The engine behind a core, for the operation handlers (the EmulatorCore interface stays HTTP- and engine-agnostic). */
export function engineOf(core: EmulatorCore): Engine {
  const engine = engines.get(core);
  if (!engine) throw new Error("This EmulatorCore was not created by createEmulatorCore");
  return engine;
}

export function createEmulatorCore(options: EmulatorCoreOptions = {}): EmulatorCore {
  const clock = new SimClock(options.clock ?? "real", options.speed ?? 1, options.startTime?.getTime() ?? Date.now());
  const engine = new Engine(clock, onTimer);
  const core: EmulatorCore = {
    clock,
    reset() {
      engine.reset();
      engine.settle();
    },
    loadScenario(scenario) {
      loadScenario(engine, scenario);
      engine.settle();
    },
    advance(ms) {
      engine.advance(ms);
    },
    snapshot: () => engine.snapshot(),
    restore(snapshot) {
      if (!isSnapshot(snapshot)) throw new Error("Not an emulator state snapshot");
      engine.restore(snapshot);
      engine.settle();
    },
    onChange: (listener) => engine.onChange(listener),
    close() {
      engine.close();
    },
  };
  engines.set(core, engine);
  return core;
}

function isSnapshot(value: unknown): value is EngineSnapshot {
  return typeof value === "object" && value !== null && (value as EngineSnapshot).version === 1 && typeof (value as EngineSnapshot).world === "object";
}

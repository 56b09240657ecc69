// PLACEHOLDER (owned by the engine/handlers work): a core with a clock and no pipelines.
import type { EmulatorCore, EmulatorCoreOptions } from "../core";

export function createEmulatorCore(options: EmulatorCoreOptions = {}): EmulatorCore {
  let offset = 0;
  const start = options.startTime?.getTime() ?? Date.now();
  const mode = options.clock ?? "real";
  const speed = options.speed ?? 1;
  const created = Date.now();
  return {
    clock: {
      mode,
      speed,
      now: () => new Date(mode === "manual" ? start + offset : start + (Date.now() - created) * speed + offset),
    },
    reset() {},
    loadScenario() {},
    advance(ms) {
      offset += ms;
    },
    snapshot: () => ({}),
    restore() {},
    onChange: () => () => {},
    close() {},
  };
}

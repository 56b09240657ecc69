// PLACEHOLDER (owned by the demo work): the demo scenario and the generator behind --pipelines N.
import type { Scenario } from "../scenario/types";

export interface DemoOptions {
  /** Extra generated pipelines for scale work (0-1000). */
  extraPipelines?: number;
  seed?: number;
  /** Background traffic keeps starting executions (default true). */
  traffic?: boolean;
}

export function demoScenario(options: DemoOptions = {}): Scenario {
  return { seed: options.seed ?? 1, traffic: options.traffic ?? true, pipelines: [] };
}

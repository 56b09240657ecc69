import { demoScenario } from "../demo";
import type { Scenario } from "../scenario/types";
import { hostileScenario } from "../scenarios/hostile";

/** The built-in scenarios by name; anything else is a JSON Scenario. */
export type ScenarioRequest = { name: "empty" } | { name: "hostile" } | { name: "demo"; extraPipelines?: number; seed?: number; traffic?: boolean };

export const EMPTY_SCENARIO: Scenario = { pipelines: [] };

export const MAX_EXTRA_PIPELINES = 1000;

/** A Scenario from a control API body or a loaded file, or an error message. */
export function resolveScenario(body: unknown): Scenario | string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "Body must be a JSON object.";
  const input = body as Record<string, unknown>;
  if ("name" in input) {
    if (input.name === "empty") return EMPTY_SCENARIO;
    if (input.name === "hostile") return hostileScenario();
    if (input.name !== "demo") return `Unknown scenario name '${String(input.name)}' (expected demo, empty or hostile).`;
    const { extraPipelines = 0, seed, traffic } = input;
    if (typeof extraPipelines !== "number" || !Number.isInteger(extraPipelines) || extraPipelines < 0 || extraPipelines > MAX_EXTRA_PIPELINES) {
      return `extraPipelines must be an integer from 0 to ${MAX_EXTRA_PIPELINES}.`;
    }
    if (seed !== undefined && (typeof seed !== "number" || !Number.isInteger(seed))) return "seed must be an integer.";
    if (traffic !== undefined && typeof traffic !== "boolean") return "traffic must be a boolean.";
    return demoScenario({ extraPipelines, seed: seed as number | undefined, traffic: traffic as boolean | undefined });
  }
  if (!Array.isArray(input.pipelines)) return "A scenario needs a 'pipelines' array (or use {\"name\":\"demo\"}, {\"name\":\"empty\"} or {\"name\":\"hostile\"}).";
  return input as unknown as Scenario;
}

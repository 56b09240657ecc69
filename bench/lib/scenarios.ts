import type { ActionDeclaration } from "@aws-sdk/client-codepipeline";
import { generatedPipelines } from "../../emulator/src/demo/generated";
import { codeBuild, githubSource, pipeline, stage } from "../../emulator/src/demo/builders";
import type { Scenario } from "../../emulator/src/scenario/types";
import { samplePipeline } from "../../src/testing/sample-pipeline";

/** `count` generated pipelines (the CLI's --pipelines world without the 14 demo ones), no background traffic. */
export function fleetScenario(count: number): Scenario {
  return { seed: 8, traffic: false, pipelines: generatedPipelines(count, 8) };
}

export const STEP_STAGES = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett"];
export const STEP_SECONDS = 60;

/**
 * One pipeline whose stages each run one action for exactly STEP_SECONDS, started at load: every
 * advance of the manual clock by STEP_SECONDS moves it one stage on, a change every page shows.
 */
export function steppingScenario(name = "stepper"): Scenario {
  const [first, ...rest] = STEP_STAGES;
  const actions: Record<string, { durationSeconds: number }> = { [`${first}.Source`]: { durationSeconds: STEP_SECONDS } };
  const stages = [
    stage(first, [githubSource("acme/stepper")]),
    ...rest.map((s) => {
      const action: ActionDeclaration = codeBuild(`${s}Job`, `stepper-${s.toLowerCase()}`, { in: "SourceOutput" });
      actions[`${s}.${s}Job`] = { durationSeconds: STEP_SECONDS };
      return stage(s, [action]);
    }),
  ];
  return {
    seed: 1,
    traffic: false,
    pipelines: [{ declaration: pipeline({ name, stages }), actions, timeline: [{ at: 0, type: "start" }] }],
  };
}

/** A pipeline of `size` stages by `size` actions, running, as the e2e suite draws its large graphs. */
export function graphScenario(size: number): { scenario: Scenario; name: string } {
  const name = `graph-${size}x${size}`;
  const declaration = samplePipeline({ name, stages: size, actionsPerStage: size, columns: Math.min(5, size) });
  return { name, scenario: { seed: 3, traffic: false, pipelines: [{ declaration, timeline: [{ at: 0, type: "start" }] }] } };
}

/**
 * `count` two-stage pipelines with `days` of daily history (about one execution a day each, a few failing):
 * what the insights section reads.
 */
export function historyScenario(count: number, days: number): Scenario {
  return {
    seed: 19,
    historyDays: days,
    traffic: true,
    pipelines: Array.from({ length: count }, (_, i) => ({
      declaration: pipeline({
        name: `history-${String(i + 1).padStart(4, "0")}`,
        stages: [stage("Source", [githubSource("acme/history")]), stage("Build", [codeBuild("Build", "history-build", { in: "SourceOutput" })])],
      }),
      actions: { "Build.Build": { durationSeconds: [60, 240], failureRate: 0.08 } },
      traffic: { everySeconds: [20 * 3600, 28 * 3600] },
    })),
  };
}

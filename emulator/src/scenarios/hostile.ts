// Test data, not demo: `--scenario hostile` (or `POST /_emulator/scenario {"name":"hostile"}`) loads a
// pipeline whose every free-text and URL field is hostile or odd: markup and script, very long unbroken
// strings, right-to-left text and emoji, and javascript:/data:/vbscript:/file: URLs. The dashboard must
// show all of it as plain text, never as links or markup, without breaking its layout
// (e2e/hostile-data.spec.ts).
import type { Scenario, ScenarioPipeline } from "../scenario/types";
import { approval, codeBuild, githubSource, pipeline, stage } from "../demo/builders";

/** Names may only use [A-Za-z0-9.@_-] (up to 100 characters): long and punctuated is as hostile as they get. */
const LONG = (prefix: string, length: number) => (prefix + "-x".repeat(length)).slice(0, length);

export const HOSTILE_NAMES = {
  pipeline: LONG("hostile-data.@_", 100),
  stage: LONG("Stage.@_", 100),
  action: LONG("Build-Action.@_", 100),
};

const SCRIPT = `<script>alert("xss")</script>`;
const MARKUP = `<img src=x onerror="alert('img')"><svg onload="alert('svg')"></svg><iframe src="javascript:alert('frame')"></iframe>`;
const RTL = "مرحبا بالعالم — שלום עולם \u202Eoverride\u202C";
const EMOJI = "🚀🔥👩‍👩‍👧‍👦🏳️‍🌈";
const UNBROKEN = "A".repeat(600);

export const HOSTILE_TEXT = { SCRIPT, MARKUP, RTL, EMOJI, UNBROKEN };

export function hostilePipeline(): ScenarioPipeline {
  const { pipeline: name, stage: buildStage, action: buildAction } = HOSTILE_NAMES;
  const source = githubSource("tidewater/<b>hostile</b>", "main", "SourceOutput");
  const build = codeBuild(buildAction, `proj-${SCRIPT}`, { in: "SourceOutput" });
  const review = approval("Review", {
    customData: `${SCRIPT} ${MARKUP} <a href="javascript:alert('link')">click</a> ${RTL} ${EMOJI} ${UNBROKEN}`,
    link: "javascript:alert('review')",
  });
  return {
    declaration: pipeline({
      name,
      stages: [stage("Source", [source]), stage("Approve", [review]), stage(buildStage, [build])],
    }),
    tags: [
      { key: "team", value: `<b>red team</b> ${EMOJI}` },
      { key: "env", value: "javascript:alert('tag')" },
      { key: "service", value: RTL },
    ],
    actions: {
      "Source.Source": {
        durationSeconds: 10,
        source: {
          repository: "tidewater/hostile",
          revisionUrlTemplate: "javascript:alert('revision')//{commitId}",
          commits: [
            { message: `${SCRIPT} fix: ${MARKUP} ${EMOJI}\n\n${RTL} ${UNBROKEN}`, author: `${SCRIPT} Mallory ${RTL}` },
            { message: `${RTL} ${EMOJI} ${UNBROKEN}`, author: "data:text/html,<script>alert(1)</script>" },
          ],
        },
      },
      [`${buildStage}.${buildAction}`]: {
        durationSeconds: 60,
        failOnRuns: [1],
        error: { code: "JobFailed", message: `${SCRIPT} ${MARKUP} ${RTL} ${EMOJI} ${UNBROKEN}` },
        summary: `${SCRIPT} ${MARKUP} ${EMOJI}`,
        externalExecutionUrl: "data:text/html,<script>alert('external')</script>",
        entityUrl: "vbscript:msgbox('entity')",
      },
    },
    // Execution 1 is approved (with a hostile comment) and fails in the build with a hostile error;
    // execution 2 waits at the approval with the hostile message and link.
    timeline: [
      { at: -3000, type: "start" },
      { at: -2900, type: "approve", stageName: "Approve", actionName: "Review", summary: `${SCRIPT} ${MARKUP} ${RTL}`, by: "file:///etc/passwd" },
      { at: -600, type: "start" },
    ],
  };
}

/** The hostile pipeline alone, with a day of history and no background traffic. */
export function hostileScenario(): Scenario {
  return { seed: 1, traffic: false, historyDays: 1, pipelines: [hostilePipeline()] };
}

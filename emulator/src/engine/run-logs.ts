import type { ActionDeclaration } from "@aws-sdk/client-codepipeline";
import type { ActionBehaviour } from "../scenario/types";
import type { ActionExecutionRecord } from "../state/records";
import { type FailingPhase, type PlannedPhase, planPhases } from "./build-phases";
import {
  type Buildspec,
  type BuildspecPhase,
  colourFailure,
  defaultBuildspec,
  defaultFailureOutput,
  hashText,
  mix,
  outputLine,
  type Toolchain,
  toolchainOf,
} from "./toolchains";

/*
 * The CloudWatch Logs stream of a simulated build (CodeBuild actions) or command run (Commands actions):
 * CodeBuild's `[Container]` lines around each phase and each command, the commands' output in between,
 * and for a failing run the failing command's output, "Command did not exit successfully" and the
 * phase context that the action's error repeats. A log is a list of segments (a block of lines over a
 * span of time), so line i is computed when it is read: a 100,000-line log costs a few hundred bytes.
 * Lines appear as simulated time reaches them (plus CloudWatch's ingestion delay); a stopped run's log
 * ends where it stopped. Each message ends in its newline, as CodeBuild's do.
 */

/** Between an event's timestamp and its ingestion: how far the log trails the build. */
export const INGESTION_DELAY_MS = 250;
const MAX_LINES = 1_000_000;
/** `[Container]` lines of a whole run, roughly: what the default count adds the output to. */
const CONTAINER_LINES = 45;

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

/** A stream as it stands at one instant: `size` events exist, oldest first. */
export interface LogStreamView {
  name: string;
  /** `<group>/<stream>`: what tokens and event ids are bound to. */
  key: string;
  creationTime: number;
  size: number;
  /** The event's timestamp alone (cheap: no text is made). */
  timestamp(index: number): number;
  event(index: number): LogEvent;
}

interface Segment {
  start: number;
  end: number;
  count: number;
  /** Line k of the segment, at `timestamp`; `container` lines carry CodeBuild's `[Container] <time>` prefix. */
  text(k: number, timestamp: number): string;
  container: boolean;
}

/** What a run runs: its toolchain, buildspec, failure and phases (shared by its build and its log). */
export interface RunPlan {
  toolchain: Toolchain;
  buildspec: Buildspec;
  seed: number;
  phases: PlannedPhase[];
  failing?: { phase: FailingPhase; command: string };
  failureOutput: string[];
  lines: number;
  /** When the run stopped early (stopped, abandoned, cancelled): nothing happens after it. */
  stoppedAt?: number;
  /** When the run's last event happened or will happen. */
  end: number;
  /** The run is over (succeeded, failed or stopped). */
  done: boolean;
}

const PHASE_OF: Record<BuildspecPhase, FailingPhase> = { install: "INSTALL", preBuild: "PRE_BUILD", build: "BUILD", postBuild: "POST_BUILD" };
const BUILDSPEC_PHASES = Object.keys(PHASE_OF) as BuildspecPhase[];

export function runPlan(record: ActionExecutionRecord, action: ActionDeclaration, behaviour: ActionBehaviour): RunPlan {
  const type = action.actionTypeId!;
  const commandsAction = type.provider === "Commands";
  const project = record.resolvedConfiguration.ProjectName ?? action.configuration?.ProjectName ?? "";
  const toolchain = toolchainOf(commandsAction ? (action.commands ?? []).join(" ") : project);
  const declared = behaviour.build?.commands;
  const defaults = defaultBuildspec(toolchain, type.category!);
  const buildspec: Buildspec = commandsAction
    ? { install: [], preBuild: [], build: action.commands?.length ? action.commands : ["echo 'no commands'"], postBuild: [] }
    : { install: declared?.install ?? defaults.install, preBuild: declared?.preBuild ?? defaults.preBuild, build: declared?.build ?? defaults.build, postBuild: declared?.postBuild ?? defaults.postBuild };
  const seed = hashText(record.id);
  const plannedEnd = record.dueTime ?? record.lastUpdateTime;
  const finished = record.status === "Succeeded" || record.status === "Failed";
  const stoppedAt = record.status !== "InProgress" && !finished ? record.lastUpdateTime : undefined;
  let failing: RunPlan["failing"];
  if (record.willFail && !record.plannedError) {
    const wanted = commandsAction ? "BUILD" : (behaviour.build?.failingPhase ?? "BUILD");
    const phase = BUILDSPEC_PHASES.find((p) => PHASE_OF[p] === wanted && buildspec[p].length > 0) ?? "build";
    failing = { phase: PHASE_OF[phase], command: buildspec[phase].at(-1)! };
  }
  const errorLines = behaviour.error?.message.split("\n").map(colourFailure);
  const duration = Math.max(0, plannedEnd - record.startTime) / 1000;
  return {
    toolchain,
    buildspec,
    seed,
    phases: planPhases(seed, record.startTime, plannedEnd, failing?.phase),
    failing,
    failureOutput: behaviour.build?.failureOutput ?? errorLines ?? defaultFailureOutput(toolchain),
    lines: Math.min(MAX_LINES, Math.max(1, behaviour.build?.logLines ?? Math.round(CONTAINER_LINES + 75 + duration / 2))),
    ...(stoppedAt !== undefined && { stoppedAt }),
    end: stoppedAt ?? plannedEnd,
    done: record.status !== "InProgress",
  };
}

/** "Error while executing command: X. Reason: exit status 1", as CodeBuild's phase context says it. */
export const commandError = (command: string) => `Error while executing command: ${command}. Reason: exit status 1`;

const two = (n: number) => String(n).padStart(2, "0");
/** CodeBuild's agent time: `2026/12/02 15:40:12.123456` (UTC, microseconds). */
function agentTime(ms: number, seed: number): string {
  const d = new Date(ms);
  const micros = String(d.getUTCMilliseconds() * 1000 + (mix(seed, ms) % 1000)).padStart(6, "0");
  return `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`;
}

/** A command that installs dependencies prints what installing does, whichever phase runs it (Commands actions run all in BUILD). */
const installs = (command: string) => /^(pip install|npm (ci|install)|yarn install|bundle install|pod install)\b/.test(command);
const isEcho = (command: string) => /^echo\s/.test(command);
/** What `echo …` prints, `date` included, as the shell would at `at`. */
const echoed = (command: string, at: number) =>
  command
    .replace(/^echo\s+/, "")
    .replace(/`date`|\$\(date\)/g, new Date(at).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, "$1 $3 $2 $5 UTC $4"))
    .replace(/^(['"])(.*)\1$/, "$2");

const block = (at: number, lines: string[]): Segment => ({ start: at, end: at, count: lines.length, text: (k) => lines[k], container: true });

function segments(plan: RunPlan, stream: string): Segment[] {
  const phase = (type: string) => plan.phases.find((p) => p.type === type);
  const out: Segment[] = [];
  const source = phase("DOWNLOAD_SOURCE")!;
  const srcDir = `/codebuild/output/src${(plan.seed % 9_000_000_000) + 1_000_000_000}/src`;
  const counts = BUILDSPEC_PHASES.filter((p) => plan.buildspec[p].length > 0);
  out.push(block(source.start, ["Running on CodeBuild On-demand", "Waiting for agent ping", "Waiting for DOWNLOAD_SOURCE"]));
  out.push(
    block(source.end, [
      "Phase is DOWNLOAD_SOURCE",
      `CODEBUILD_SRC_DIR=${srcDir}`,
      `YAML location is ${srcDir}/buildspec.yml`,
      "Setting HTTP client timeout to higher timeout for S3 source",
      "Processing environment variables",
      "No runtime version selected in buildspec.",
      `Moving to directory ${srcDir}`,
      "Unable to initialize cache download: no paths specified to be cached",
      `Configuring ssm agent with target id: codebuild:${stream}`,
      "Successfully updated ssm agent configuration",
      "Registering with agent",
      `Phases found in YAML: ${counts.length}`,
      ...counts.map((p) => ` ${PHASE_OF[p]}: ${plan.buildspec[p].length} commands`),
      "Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED",
      "Phase context status code:  Message: ",
    ]),
  );
  const running = counts.filter((p) => phase(PHASE_OF[p]));
  // An echo prints its line; the other commands share the log's output by phase.
  const talkers = (p: BuildspecPhase) => plan.buildspec[p].filter((c) => !isEcho(c)).length;
  const weights: Record<BuildspecPhase, number> = { install: 0.2, preBuild: 0.05, build: 0.7, postBuild: 0.05 };
  const weightTotal = running.reduce((a, p) => a + (talkers(p) > 0 ? weights[p] : 0), 0) || 1;
  const output = Math.max(0, plan.lines - CONTAINER_LINES);
  for (const p of running) {
    const { start, end } = phase(PHASE_OF[p])!;
    const commands = plan.buildspec[p];
    const failingHere = plan.failing?.phase === PHASE_OF[p];
    out.push(block(start, [`Entering phase ${PHASE_OF[p]}`]));
    const span = (end - start) / commands.length;
    const lines = Math.max(1, Math.round((output * weights[p]) / weightTotal / Math.max(1, talkers(p))));
    commands.forEach((command, j) => {
      const from = start + j * span;
      const to = from + span;
      out.push(block(Math.round(from), [`Running command ${command}`]));
      const seed = mix(plan.seed, BUILDSPEC_PHASES.indexOf(p) * 16 + j);
      const testing = /test/i.test(command);
      out.push(
        isEcho(command)
          ? { start: Math.round(from), end: Math.round(to), count: 1, text: (_k, at) => echoed(command, at), container: false }
          : { start: Math.round(from), end: Math.round(to), count: lines, text: (k) => outputLine(plan.toolchain, installs(command) ? "install" : p, seed, k, testing), container: false },
      );
      if (failingHere && j === commands.length - 1) {
        out.push({ ...block(Math.round(to), plan.failureOutput), container: false });
        out.push(block(Math.round(to), [`Command did not exit successfully ${command} exit status 1`]));
      }
    });
    out.push(
      block(end, [
        `Phase complete: ${PHASE_OF[p]} State: ${failingHere ? "FAILED" : "SUCCEEDED"}`,
        failingHere ? `Phase context status code: COMMAND_EXECUTION_ERROR Message: ${commandError(plan.failing!.command)}` : "Phase context status code:  Message: ",
      ]),
    );
  }
  const upload = phase("UPLOAD_ARTIFACTS");
  if (upload) {
    out.push(block(upload.start, ["Entering phase UPLOAD_ARTIFACTS", "Expanding base directory path: .", "Assembling file list", "Expanding .", "Expanding file paths for base directory .", "Assembling file list", "Expanding **/*"]));
    out.push(block(upload.end, [`Found ${(plan.seed % 40) + 3} file(s)`, "Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED", "Phase context status code:  Message: "]));
  }
  return out;
}

/** The run's log as it stands at `now`, or undefined when the stream does not exist (not created yet, or expired). */
export function runLog(plan: RunPlan, group: string, stream: string, now: number, retentionDays: number | undefined): LogStreamView | undefined {
  const parts = segments(plan, stream);
  const creationTime = parts[0].start;
  if (now < creationTime) return undefined;
  if (retentionDays !== undefined && plan.done && now > plan.end + retentionDays * 86_400_000) return undefined;
  const offsets: number[] = [];
  let total = 0;
  for (const part of parts) {
    offsets.push(total);
    total += part.count;
  }
  const locate = (index: number) => {
    let lo = 0;
    let hi = parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const timestampOf = (index: number) => {
    const s = locate(index);
    const part = parts[s];
    const k = index - offsets[s];
    return part.start + Math.floor(((part.end - part.start) * (k + 1)) / (part.count + 1));
  };
  // Events exist once ingested, and never after the run stopped.
  const until = Math.min(now - INGESTION_DELAY_MS, plan.end);
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timestampOf(mid) <= until) lo = mid + 1;
    else hi = mid;
  }
  return {
    name: stream,
    key: `${group}/${stream}`,
    creationTime,
    size: lo,
    timestamp: timestampOf,
    event(index) {
      const s = locate(index);
      const part = parts[s];
      const k = index - offsets[s];
      const timestamp = timestampOf(index);
      const text = part.text(k, timestamp);
      // CodeBuild sends each line with its newline, so an empty line is still an event ("\n").
      const message = `${part.container ? `[Container] ${agentTime(timestamp, plan.seed)} ${text}` : text}\n`;
      return { timestamp, message, ingestionTime: timestamp + INGESTION_DELAY_MS };
    },
  };
}

import type { Build, BuildPhase } from "@aws-sdk/client-codebuild";

/**
 * A CodeBuild build as the details view shows it (BatchGetBuilds): its phases with the failed one first, and
 * what the failure says, which is often clearer than the action's own error ("Build terminated with state:
 * FAILED").
 */

const FAILED_STATUSES = new Set(["FAILED", "FAULT", "TIMED_OUT"]);

export const isFailedPhase = (phase: BuildPhase) => FAILED_STATUSES.has(phase.phaseStatus ?? "");

/** The phases in the order they ran, the failed ones moved to the front (a failing build may run more after). */
export function orderPhases(phases: readonly BuildPhase[] | undefined): BuildPhase[] {
  const ran = [...(phases ?? [])].sort((a, b) => (a.startTime?.getTime() ?? 0) - (b.startTime?.getTime() ?? 0));
  return [...ran.filter(isFailedPhase), ...ran.filter((phase) => !isFailedPhase(phase))];
}

/** "BUILD: COMMAND_EXECUTION_ERROR: Error while executing command: npm test. Reason: exit status 1", or undefined. */
export function buildFailureMessage(build: Build | undefined): string | undefined {
  const phase = build?.phases?.find(isFailedPhase);
  if (!phase) return undefined;
  const contexts = (phase.contexts ?? []).filter((c) => c.message || c.statusCode);
  const what = contexts.map((c) => [c.statusCode, c.message].filter(Boolean).join(": ")).join("; ");
  return `${phase.phaseType ?? "A phase"} ${phase.phaseStatus?.toLowerCase().replace("_", " ")}${what ? `: ${what}` : ""}`;
}

/** The failed phases' context messages: what the log's failing line is looked up by. */
export function phaseFailureMessages(build: Build | undefined): string[] {
  return (build?.phases ?? []).filter(isFailedPhase).flatMap((phase) => (phase.contexts ?? []).map((c) => c.message ?? "").filter(Boolean));
}

/** Still running: the log may grow and the build must be read again. */
export const isBuildRunning = (build: Build | undefined) => build?.buildStatus === "IN_PROGRESS";

/**
 * The action's error, or the failed phase's message where that says more: the phase's when the action's is
 * CodeBuild's generic "terminated with state" line or does not contain the phase's own words already.
 */
export function clearerError(actionMessage: string | undefined, build: Build | undefined): string | undefined {
  const phaseMessages = phaseFailureMessages(build);
  if (phaseMessages.length === 0) return actionMessage;
  if (actionMessage && phaseMessages.every((m) => actionMessage.includes(m))) return actionMessage;
  return buildFailureMessage(build);
}

const AS_PIPELINE_STATUS: Record<string, string> = {
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  FAULT: "Failed",
  TIMED_OUT: "Failed",
  IN_PROGRESS: "InProgress",
  STOPPED: "Stopped",
};

/** A CodeBuild status in the dashboard's words (one status badge for every service); unknown ones as they are. */
export const asPipelineStatus = (status: string | undefined) => (status ? (AS_PIPELINE_STATUS[status] ?? status) : undefined);

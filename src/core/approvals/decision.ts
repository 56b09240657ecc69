import type { ActionExecutionDetail, GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";

/** PutApprovalResult's `summary` limit. */
export const MAX_SUMMARY = 512;

export type Decision = "approve" | "reject";

/** What the reviewer is deciding on: one action of one execution. */
export interface ApprovalTarget {
  pipelineName: string;
  stageName: string;
  actionName: string;
  /** The execution the reviewer looked at; undefined when they opened it before it was known (deep link). */
  executionId?: string;
}

/** The outcome of re-reading the approval just before sending. */
export type Freshness =
  | { kind: "ready"; token: string; executionId?: string }
  | { kind: "decided"; status: "Approved" | "Rejected"; by?: string; summary?: string; at?: Date }
  | { kind: "expired"; message?: string; at?: Date }
  | { kind: "superseded"; waitingExecutionId?: string }
  | { kind: "not-waiting"; status?: string }
  | { kind: "missing" };

/**
 * SUPERSEDED/QUEUED pipelines: checks a fresh GetPipelineState. The action must still run for the same execution
 * with a token; anything else is reported, never sent. `null` means the state cannot tell (a PARALLEL pipeline
 * shows no token): ask ListActionExecutions with `freshnessFromActionExecutions`.
 */
export function freshnessFromState(target: ApprovalTarget, state: GetPipelineStateOutput): Freshness | null {
  const stage = state.stageStates?.find((s) => s.stageName === target.stageName);
  const action = stage?.actionStates?.find((a) => a.actionName === target.actionName);
  if (!stage || !action) return { kind: "missing" };
  const latest = action.latestExecution;
  const stageExecutionId = stage.latestExecution?.pipelineExecutionId;
  const sameExecution = !target.executionId || stageExecutionId === target.executionId;
  if (latest?.status === "InProgress") {
    if (!latest.token) return null;
    return sameExecution ? { kind: "ready", token: latest.token, executionId: stageExecutionId } : { kind: "superseded", waitingExecutionId: stageExecutionId };
  }
  if (!sameExecution) return { kind: "superseded" };
  return settled(latest?.status, latest?.lastUpdatedBy, latest?.summary, latest?.errorDetails, latest?.lastStatusChange);
}

/** PARALLEL pipelines (and any fallback): the action's run in the reviewed execution, from ListActionExecutions. */
export function freshnessFromActionExecutions(target: ApprovalTarget, details: ActionExecutionDetail[]): Freshness {
  const runs = details
    .filter((d) => d.stageName === target.stageName && d.actionName === target.actionName)
    .filter((d) => !target.executionId || d.pipelineExecutionId === target.executionId)
    .sort((a, b) => (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0));
  const run = runs[0];
  if (!run) return { kind: "missing" };
  if (run.status === "InProgress") {
    const token = run.output?.executionResult?.externalExecutionId;
    return token ? { kind: "ready", token, executionId: run.pipelineExecutionId } : { kind: "missing" };
  }
  const result = run.output?.executionResult;
  return settled(run.status, run.updatedBy, result?.externalExecutionSummary, result?.errorDetails, run.lastUpdateTime);
}

function settled(
  status: string | undefined,
  by: string | undefined,
  summary: string | undefined,
  error: { code?: string; message?: string } | undefined,
  at: Date | undefined,
): Freshness {
  if (status === "Succeeded") return { kind: "decided", status: "Approved", by, summary, at };
  if (status === "Failed") {
    // A rejection names who did it; a timeout has nobody behind it.
    if (by || /reject/i.test(error?.code ?? "")) return { kind: "decided", status: "Rejected", by, summary, at };
    return { kind: "expired", message: error?.message ?? summary, at };
  }
  return { kind: "not-waiting", status };
}

export type Settled = Exclude<Freshness, { kind: "ready" }>;

/**
 * How an approval that left the pending list ended, from what the app has read: the reviewed execution's own
 * run (ListActionExecutions) when known, else the state, which shows only the stage's latest execution.
 * Undefined while it still waits, or before anything tells.
 */
export function settledOutcome(
  target: ApprovalTarget,
  state: GetPipelineStateOutput | undefined,
  runs: ActionExecutionDetail[] | undefined,
): Settled | undefined {
  const fromRuns = runs ? freshnessFromActionExecutions(target, runs) : undefined;
  const fromState = state ? freshnessFromState(target, state) : null;
  const freshness = fromRuns && fromRuns.kind !== "missing" ? fromRuns : (fromState ?? fromRuns);
  return freshness && freshness.kind !== "ready" ? freshness : undefined;
}

/** The state alone cannot say who decided when the stage has moved on to another execution (or in PARALLEL mode). */
export function needsRuns(target: ApprovalTarget, state: GetPipelineStateOutput | undefined): boolean {
  const fromState = state ? freshnessFromState(target, state) : null;
  return fromState === null || fromState.kind === "superseded" || fromState.kind === "missing";
}

/**
 * What became of an approval that no longer waits, for the card that showed it: who decided and how (GetPipelineState's
 * `lastUpdatedBy` and summary, or the run's `updatedBy` in ListActionExecutions), or why nobody can decide now.
 */
export function describeOutcome(freshness: Settled, formatTime: (at: Date) => string): string {
  const when = "at" in freshness && freshness.at ? ` at ${formatTime(freshness.at)}` : "";
  switch (freshness.kind) {
    case "decided":
      return `${freshness.status}${freshness.by ? ` by ${shortPrincipal(freshness.by)}` : ""}${when}${freshness.summary ? `: “${freshness.summary}”` : "."}`;
    case "expired":
      return `Timed out${when} before anyone decided; the execution failed at this stage.`;
    case "superseded":
      return "No longer waiting: the execution was superseded, stopped or moved on before a decision.";
    case "not-waiting":
      return `No longer waiting${freshness.status ? ` (its status is ${freshness.status})` : ""}.`;
    case "missing":
      return "No longer waiting: this approval action is gone from the pipeline, or has not started for this execution.";
  }
}

/** The sentence shown instead of sending, in plain words. */
export function describeFreshness(freshness: Settled): string {
  switch (freshness.kind) {
    case "decided":
      return `Nothing was sent: this approval was already ${freshness.status.toLowerCase()}${freshness.by ? ` by ${shortPrincipal(freshness.by)}` : ""}${
        freshness.summary ? ` (“${freshness.summary}”)` : ""
      }.`;
    case "expired":
      return "Nothing was sent: this approval timed out before a decision, so the execution failed at this stage.";
    case "superseded":
      return freshness.waitingExecutionId
        ? `Nothing was sent: the execution you reviewed no longer waits here. A different execution (${shortId(freshness.waitingExecutionId)}) is waiting now; review it before deciding.`
        : "Nothing was sent: the execution you reviewed no longer waits here (it was superseded, stopped or moved on).";
    case "not-waiting":
      return `Nothing was sent: this approval is no longer waiting${freshness.status ? ` (its status is ${freshness.status})` : ""}.`;
    case "missing":
      return "Nothing was sent: this approval action no longer exists in the pipeline, or has not started for this execution.";
  }
}

/** What PutApprovalResult's race errors mean, so nobody wonders whether their click counted. */
export function describeDecisionError(error: unknown): { title: string; detail: string; raced: boolean } {
  const e = error instanceof Error ? error : new Error(String(error));
  switch (e.name) {
    case "ApprovalAlreadyCompletedException":
      return {
        title: "Already decided",
        detail: "Someone else approved or rejected this approval first. Your decision was not recorded; the list shows the current state.",
        raced: true,
      };
    case "InvalidApprovalTokenException":
      return {
        title: "No longer valid",
        detail: "The approval already received a response or has expired, so your decision was not recorded. The list shows the current state.",
        raced: true,
      };
    case "AccessDeniedException":
      return {
        title: "Not allowed",
        detail: `Your role may view this pipeline but not answer approvals (codepipeline:PutApprovalResult). ${e.message}`,
        raced: false,
      };
    default:
      return { title: "The decision was not sent", detail: `${e.name && e.name !== "Error" ? `${e.name}: ` : ""}${e.message}`, raced: false };
  }
}

/**
 * The `summary` sent: the signed-in person's name first when known, since CodePipeline records only the role.
 * `null` when it would be too long or a reject lacks a comment (see `commentProblem`).
 */
export function composeSummary(identity: string | undefined, comment: string): string {
  const text = comment.trim();
  if (!identity) return text;
  return text ? `${identity}: ${text}` : identity;
}

/** Characters left for the comment once the identity prefix is counted. */
export function commentLimit(identity: string | undefined): number {
  return identity ? MAX_SUMMARY - identity.length - 2 : MAX_SUMMARY;
}

export function commentProblem(decision: Decision, comment: string, identity: string | undefined): string | null {
  if (decision === "reject" && comment.trim() === "") return "A comment is required to reject: say what needs to change.";
  const limit = commentLimit(identity);
  if (comment.trim().length > limit) return `The comment is ${comment.trim().length - limit} characters too long (at most ${limit}).`;
  return null;
}

/** `arn:aws:sts::123:assumed-role/Role/session` → `Role/session`; other values unchanged. */
export function shortPrincipal(principal: string): string {
  const match = /:(?:assumed-role|user|role)\/(.+)$/.exec(principal);
  return match ? match[1] : principal;
}

export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}

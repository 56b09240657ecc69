import type { ActionExecutionDetail, GetPipelineStateOutput, PipelineDeclaration, StageState } from "@aws-sdk/client-codepipeline";
import { safeHref } from "../safe-link";

/** CodePipeline's account default for a manual approval without `timeoutInMinutes`: 7 days. */
export const DEFAULT_APPROVAL_TIMEOUT_MINUTES = 7 * 24 * 60;

/** A newer execution that will run into (or replace) the waiting one once it is decided. */
export interface NewerExecution {
  executionId: string;
  /** Where it is now: waiting to enter the approval's stage, or running in an earlier stage. */
  where: "inbound" | "earlier-stage";
  stageName: string;
}

/** One manual approval now waiting for a person. */
export interface PendingApproval {
  /** Unique per waiting instance: a new execution waiting at the same action is a new approval. */
  key: string;
  pipelineName: string;
  stageName: string;
  actionName: string;
  executionId?: string;
  /** GetPipelineState's token, or ListActionExecutions' externalExecutionId in PARALLEL mode. */
  token?: string;
  waitingSince?: Date;
  parallel: boolean;
  newer: NewerExecution[];
}

export function approvalKey(pipelineName: string, stageName: string, actionName: string, executionId: string | undefined): string {
  return [pipelineName, stageName, actionName, executionId ?? "?"].join("/");
}

/**
 * Approvals waiting in one GetPipelineState (SUPERSEDED and QUEUED modes: an approval is the only action that
 * carries a token while it runs). PARALLEL pipelines never show the token here; see `pendingFromActionExecutions`.
 */
export function pendingFromState(pipelineName: string, state: GetPipelineStateOutput | undefined): PendingApproval[] {
  const stages = state?.stageStates ?? [];
  return stages.flatMap((stage, index) =>
    (stage.actionStates ?? [])
      .filter((action) => action.latestExecution?.status === "InProgress" && action.latestExecution.token)
      .map((action): PendingApproval => {
        const executionId = stage.latestExecution?.pipelineExecutionId;
        const stageName = stage.stageName ?? "";
        const actionName = action.actionName ?? "";
        return {
          key: approvalKey(pipelineName, stageName, actionName, executionId),
          pipelineName,
          stageName,
          actionName,
          executionId,
          token: action.latestExecution!.token,
          waitingSince: action.latestExecution!.lastStatusChange,
          parallel: false,
          newer: newerExecutions(stages, index, executionId),
        };
      }),
  );
}

/** True when a PARALLEL pipeline's state shows a running action without a token: it may be an approval. */
export function mayHideParallelApproval(state: GetPipelineStateOutput | undefined): boolean {
  return (state?.stageStates ?? []).some((stage) =>
    (stage.actionStates ?? []).some((action) => action.latestExecution?.status === "InProgress" && !action.latestExecution.token),
  );
}

/** PARALLEL mode: approvals are the running Approval-category action runs; the token is `externalExecutionId`. */
export function pendingFromActionExecutions(pipelineName: string, details: ActionExecutionDetail[] | undefined): PendingApproval[] {
  return (details ?? [])
    .filter((d) => d.status === "InProgress" && d.input?.actionTypeId?.category === "Approval")
    .map((d) => ({
      key: approvalKey(pipelineName, d.stageName ?? "", d.actionName ?? "", d.pipelineExecutionId),
      pipelineName,
      stageName: d.stageName ?? "",
      actionName: d.actionName ?? "",
      executionId: d.pipelineExecutionId,
      token: d.output?.executionResult?.externalExecutionId,
      waitingSince: d.startTime,
      parallel: true,
      newer: [],
    }));
}

function newerExecutions(stages: StageState[], index: number, executionId: string | undefined): NewerExecution[] {
  const stage = stages[index];
  const found = new Map<string, NewerExecution>();
  for (const inbound of [stage.inboundExecution, ...(stage.inboundExecutions ?? [])]) {
    const id = inbound?.pipelineExecutionId;
    if (id && id !== executionId && !found.has(id)) found.set(id, { executionId: id, where: "inbound", stageName: stage.stageName ?? "" });
  }
  for (const earlier of stages.slice(0, index)) {
    const latest = earlier.latestExecution;
    const id = latest?.pipelineExecutionId;
    if (id && id !== executionId && latest.status === "InProgress" && !found.has(id)) {
      found.set(id, { executionId: id, where: "earlier-stage", stageName: earlier.stageName ?? "" });
    }
  }
  return [...found.values()];
}

/** What the approval's declaration says (GetPipeline): the reviewer's context and the timeout. */
export interface ApprovalDeclaration {
  customData?: string;
  /** Only http(s) survives. */
  reviewLink?: string;
  /** The declared link when it was refused by `safeHref`, so the reviewer can still read it. */
  unsafeReviewLink?: string;
  timeoutMinutes: number;
  declaredTimeout: boolean;
}

export function approvalDeclaration(
  declaration: PipelineDeclaration | undefined,
  stageName: string,
  actionName: string,
): ApprovalDeclaration | undefined {
  if (!declaration) return undefined;
  const action = declaration.stages?.find((s) => s.name === stageName)?.actions?.find((a) => a.name === actionName);
  if (!action) return undefined;
  const timeout = action.timeoutInMinutes;
  return {
    ...reviewerContext(action.configuration),
    timeoutMinutes: timeout && timeout > 0 ? timeout : DEFAULT_APPROVAL_TIMEOUT_MINUTES,
    declaredTimeout: Boolean(timeout && timeout > 0),
  };
}

/** The message and link of a configuration, declared or resolved; only an http(s) link is a link. */
function reviewerContext(configuration: Record<string, string> | undefined): Pick<ApprovalDeclaration, "customData" | "reviewLink" | "unsafeReviewLink"> {
  const link = configuration?.ExternalEntityLink;
  const href = safeHref(link);
  return { customData: configuration?.CustomData || undefined, reviewLink: href, unsafeReviewLink: link && !href ? link : undefined };
}

/**
 * CustomData and ExternalEntityLink may hold variables (`#{BuildVariables.BUILD_ID}`), which CodePipeline resolves
 * only in the running action's `input.resolvedConfiguration` (ListActionExecutions): worth that read only then.
 */
export function hasVariables(info: ApprovalDeclaration | undefined): boolean {
  return [info?.customData, info?.reviewLink, info?.unsafeReviewLink].some((text) => text?.includes("#{"));
}

/** The approval's message and link as the running action sees them: its resolved configuration over the declared one. */
export function withResolvedConfiguration(info: ApprovalDeclaration, resolved: Record<string, string> | undefined): ApprovalDeclaration {
  return resolved ? { ...info, ...reviewerContext(resolved) } : info;
}

/** A waiting approval with the context to decide it: what its declaration says, and when it times out. */
export interface ReviewItem {
  approval: PendingApproval;
  info?: ApprovalDeclaration;
  expiresAt?: Date;
}

export function withDeclaration<T extends { approval: PendingApproval }>(item: T, declaration: PipelineDeclaration | undefined): T & ReviewItem {
  const info = approvalDeclaration(declaration, item.approval.stageName, item.approval.actionName);
  // No countdown until the declared timeout is known: a 7-day guess would mislead about a 1-hour approval.
  return { ...item, info, expiresAt: info ? expiresAt(item.approval.waitingSince, info.timeoutMinutes) : undefined };
}

export function expiresAt(waitingSince: Date | undefined, timeoutMinutes = DEFAULT_APPROVAL_TIMEOUT_MINUTES): Date | undefined {
  return waitingSince ? new Date(waitingSince.getTime() + timeoutMinutes * 60_000) : undefined;
}

/** Soonest to expire first; then the longest waiting; unknown times last; names break ties so the order is stable. */
export function sortByUrgency<T extends { expiresAt?: Date; approval: PendingApproval }>(items: T[]): T[] {
  const time = (d: Date | undefined) => d?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...items].sort(
    (a, b) =>
      time(a.expiresAt) - time(b.expiresAt) ||
      time(a.approval.waitingSince) - time(b.approval.waitingSince) ||
      a.approval.key.localeCompare(b.approval.key),
  );
}

/** "2 d 3 h", "59 min 12 s", "12 s": the countdown's words; it never says less than it is. */
export function formatTimeLeft(ms: number): string {
  if (ms <= 0) return "expired";
  const totalSeconds = Math.ceil(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${seconds} s`;
  return `${seconds} s`;
}

/** How pressing: under an hour is urgent, under a day soon. */
export function urgencyOf(msLeft: number | undefined): "expired" | "urgent" | "soon" | "later" {
  if (msLeft === undefined) return "later";
  if (msLeft <= 0) return "expired";
  if (msLeft < 3_600_000) return "urgent";
  if (msLeft < 86_400_000) return "soon";
  return "later";
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useContext, useId, useRef, useState } from "react";
import { SourceContext } from "../lib/sources/source-context";
import { aftermathOf } from "../core/approvals/aftermath";
import { approvalKey } from "../core/approvals/pending";
import {
  commentLimit,
  commentProblem,
  composeSummary,
  describeDecisionError,
  describeFreshness,
  describeOutcome,
  type Decision,
  type Settled,
} from "../core/approvals/decision";
import { summarizeRevision } from "../core/revision";
import { formatExactTime } from "../core/format";
import { pipelineStateQuery } from "../lib/aws/pipeline-queries";
import { invalidateAfter } from "../lib/aws/query-keys";
import type { Source } from "../lib/aws/source";
import { decideApproval, type DecideResult } from "../lib/aws/approval-mutations";
import { useReviewedExecution } from "../lib/approvals/reviewed-execution";
import { recordDecision, type SourcedDecision } from "../lib/approvals/decisions-store";
import { signedInIdentity } from "../lib/aws/id-token";
import { DialogFrame } from "./dialog-frame";
import { approveButton, inputClass, mutedText, dangerButton, primaryActionSize, secondaryButton } from "./styles";

/**
 * A phone's on-screen keyboard opens after the comment box takes focus and shrinks the viewport
 * (index.html's `interactive-widget=resizes-content`): then the box and the Approve/Reject buttons under it are
 * scrolled back into what is left of the screen.
 */
function keepAboveKeyboard(comment: HTMLElement) {
  const block = comment.closest("[data-decision]") ?? comment;
  window.visualViewport?.addEventListener("resize", () => block.scrollIntoView({ block: "nearest" }), { once: true });
}

export interface ApprovalDecisionProps {
  pipelineName: string;
  stageName: string;
  actionName: string;
  /** The execution waiting at the action, as the reviewer saw it; a decision is sent only for this one. */
  executionId?: string;
  /** Defaults to the app's current source. */
  source?: Source;
  /** After a decision was sent (not when it was refused as stale). */
  onDecided?(decision: Decision): void;
  /** Known not to wait any more (decided elsewhere, timed out, superseded): says how, and offers no decision. */
  settled?: Settled;
}

/** Who decided and how, or why nobody can decide now; shown in place of the decision once the app knows. */
export function ApprovalOutcome({ settled }: { settled: Settled }) {
  return (
    <p role="status" className="rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-800">
      {describeOutcome(settled, formatExactTime)}
    </p>
  );
}

/**
 * Approve or reject one manual approval: comment (required to reject, 512 characters with the signed-in name),
 * a confirmation naming the pipeline, execution and revision, then a fresh read for the token just before
 * sending. ApprovalReview (the inbox's cards, the deep-link page, the pipeline page's dialog) shows it under the context.
 */
export function ApprovalDecision({ pipelineName, stageName, actionName, executionId, source: sourceProp, onDecided, settled }: ApprovalDecisionProps) {
  const contextSource = useContext(SourceContext);
  const source = sourceProp ?? contextSource;
  if (!source) throw new Error("ApprovalDecision needs a source (prop or <SourceContext>)");
  const queryClient = useQueryClient();
  const id = useId();
  const [identity] = useState(signedInIdentity);
  const [comment, setComment] = useState("");
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const [showProblem, setShowProblem] = useState<Decision | null>(null);
  const [sentAt, setSentAt] = useState<{ decision: Decision; at: Date; executionId?: string } | null>(null);
  // One decision per click: the ref locks synchronously, before React re-renders the disabled button.
  const inFlight = useRef(false);

  const execution = useReviewedExecution(source, pipelineName, executionId);
  const state = useQuery(pipelineStateQuery(source, pipelineName, "cached"));
  const revisions = execution.revisions.map(summarizeRevision);

  const mutation = useMutation({
    mutationFn: ({ decision, summary }: { decision: Decision; summary: string }) =>
      decideApproval(source, queryClient, { pipelineName, stageName, actionName, executionId }, decision, summary),
    // Here, not in mutate()'s callbacks: those are skipped if the item unmounts meanwhile.
    onSuccess: (result: DecideResult, { decision, summary }) => {
      setConfirming(null);
      if (!result.sent) return;
      const at = result.approvedAt ?? new Date();
      const record: SourcedDecision = {
        key: approvalKey(pipelineName, stageName, actionName, result.executionId ?? executionId),
        sourceId: source.id,
        pipelineName,
        stageName,
        actionName,
        executionId: result.executionId ?? executionId,
        decision,
        summary,
        at: Math.min(at.getTime(), Date.now()),
      };
      recordDecision(record);
      setSentAt({ decision, at, executionId: record.executionId });
      setComment("");
      onDecided?.(decision);
    },
    onError: () => setConfirming(null),
    onSettled: () => {
      inFlight.current = false;
      void invalidateAfter(queryClient, source, pipelineName, "execution");
    },
  });

  const limit = commentLimit(identity);
  const length = comment.trim().length;
  const problem = showProblem ? commentProblem(showProblem, comment, identity) : length > limit ? commentProblem("approve", comment, identity) : null;
  const decided = sentAt !== null;

  const open = (decision: Decision) => {
    mutation.reset();
    const issue = commentProblem(decision, comment, identity);
    setShowProblem(decision);
    if (issue) {
      document.getElementById(`${id}-comment`)?.focus();
      return;
    }
    setConfirming(decision);
  };

  const send = () => {
    if (!confirming || inFlight.current) return;
    inFlight.current = true;
    const decision = confirming;
    mutation.mutate({ decision, summary: composeSummary(identity, comment) });
  };

  const refused = mutation.data && !mutation.data.sent ? describeFreshness(mutation.data.freshness) : null;
  const failure = mutation.error ? describeDecisionError(mutation.error) : null;
  const notice = (refused || failure) && (
    <div role="alert" className="rounded-md border border-amber-600/50 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400/40 dark:bg-amber-950 dark:text-amber-100">
      {refused ? (
        <p>{refused}</p>
      ) : (
        <p>
          <strong>{failure!.title}:</strong> {failure!.detail}
        </p>
      )}
    </div>
  );
  const verb = confirming === "reject" ? "Reject" : "Approve";
  const aftermath =
    sentAt && state.data
      ? aftermathOf(state.data, { key: "", pipelineName, stageName, actionName, executionId: sentAt.executionId, decision: sentAt.decision, summary: "", at: 0 })
      : null;

  return (
    <div data-decision className="flex scroll-mb-4 flex-col gap-2">
      {decided ? (
        <div role="status" className="rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-800">
          <p className="font-semibold">
            You {sentAt.decision === "approve" ? "approved" : "rejected"} this at{" "}
            <time dateTime={sentAt.at.toISOString()}>{formatExactTime(sentAt.at)}</time>
            {identity ? ` as ${identity}` : ""}.
          </p>
          {aftermath && <p>{aftermath.text}</p>}
        </div>
      ) : settled && !confirming && !mutation.isPending ? (
        // Known to be over: no decision to offer, only how it ended (and why a click just now sent nothing).
        <>
          {notice}
          <ApprovalOutcome settled={settled} />
        </>
      ) : (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-comment`} className="text-sm font-medium">
              Comment <span className={`font-normal ${mutedText}`}>(required to reject)</span>
            </label>
            <textarea
              id={`${id}-comment`}
              className={inputClass}
              rows={2}
              value={comment}
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${id}-count${problem ? ` ${id}-problem` : ""}`}
              onChange={(e) => {
                setComment(e.target.value);
                setShowProblem(null);
              }}
              onFocus={(e) => keepAboveKeyboard(e.currentTarget)}
            />
            <p id={`${id}-count`} className={`text-xs tabular-nums ${length > limit ? "font-semibold text-red-800 dark:text-red-300" : mutedText}`}>
              {length} / {limit} characters
              {identity ? ` · recorded as “${identity}: …” (CodePipeline itself records only the role)` : ""}
            </p>
            {problem && (
              <p id={`${id}-problem`} className="text-sm font-medium text-red-800 dark:text-red-300">
                {problem}
              </p>
            )}
          </div>
          {notice}
          <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:gap-2">
            <button type="button" className={`${approveButton} ${primaryActionSize}`} disabled={mutation.isPending} onClick={() => open("approve")}>
              Approve…
            </button>
            <button type="button" className={`${dangerButton} ${primaryActionSize}`} disabled={mutation.isPending} onClick={() => open("reject")}>
              Reject…
            </button>
          </div>
        </>
      )}

      <DialogFrame
        open={confirming !== null}
        onOpenChange={(o) => !o && !mutation.isPending && setConfirming(null)}
        title={`${verb} ${actionName} in ${pipelineName}?`}
        description={
          <div className="mt-1 flex flex-col gap-2 text-zinc-800 dark:text-zinc-200">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
              <dt className="font-medium">Pipeline</dt>
              <dd className="break-all">{pipelineName}</dd>
              <dt className="font-medium">Stage › action</dt>
              <dd className="break-all">
                {stageName} › {actionName}
              </dd>
              <dt className="font-medium">Execution</dt>
              <dd className="font-mono break-all">{executionId ?? "the one waiting when you confirm"}</dd>
              <dt className="font-medium">Revision</dt>
              <dd>
                {revisions.length === 0 ? (
                  <span className={mutedText}>{execution.loading ? "loading…" : "not reported"}</span>
                ) : (
                  <ul>
                    {revisions.map((r, i) => (
                      <li key={i} className="break-words">
                        <code className="font-mono">{r?.shortId}</code> {r?.message}
                        {r?.author ? <span className={mutedText}> by {r.author}</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt className="font-medium">Comment</dt>
              <dd className="break-words whitespace-pre-wrap">{composeSummary(identity, comment) || <span className={mutedText}>none</span>}</dd>
            </dl>
            <p>
              {confirming === "reject"
                ? "Rejecting fails this execution at the stage; it will not deploy."
                : "Approving lets this execution continue to the next actions."}{" "}
              The approval is read again just before sending; if it was decided, expired or superseded meanwhile, nothing is sent.
            </p>
          </div>
        }
      >
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <button type="button" className={`${secondaryButton} ${primaryActionSize}`} disabled={mutation.isPending} onClick={() => setConfirming(null)}>
            Cancel
          </button>
          <button
            type="button"
            className={`${confirming === "reject" ? dangerButton : approveButton} ${primaryActionSize}`}
            disabled={mutation.isPending}
            aria-disabled={mutation.isPending}
            onClick={send}
          >
            {mutation.isPending ? (confirming === "reject" ? "Rejecting…" : "Approving…") : confirming === "reject" ? "Confirm rejection" : "Confirm approval"}
          </button>
        </div>
      </DialogFrame>
    </div>
  );
}

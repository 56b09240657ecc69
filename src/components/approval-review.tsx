import { useContext } from "react";
import { useQuery } from "@tanstack/react-query";
import { SourceContext } from "../lib/sources/source-context";
import { hasVariables, withResolvedConfiguration, type ReviewItem } from "../core/approvals/pending";
import { needsRuns, settledOutcome, shortId, type Settled } from "../core/approvals/decision";
import { summarizeRevision } from "../core/revision";
import { safeHref } from "../core/safe-link";
import { approvalInputQuery } from "../lib/aws/execution-queries";
import { useReviewedExecution } from "../lib/approvals/reviewed-execution";
import { approvalRunsQuery } from "../lib/aws/approval-queries";
import { pipelineStateQuery } from "../lib/aws/pipeline-queries";
import type { Source } from "../lib/aws/source";
import { ApprovalDecision, ApprovalOutcome } from "./approval-decision";
import { Countdown } from "./approval-countdown";
import { Since } from "./since";
import { linkClass, mutedText } from "./styles";

const TRIGGERS: Record<string, string> = {
  CreatePipeline: "pipeline creation",
  StartPipelineExecution: "a manual start",
  PollForSourceChanges: "a source change (polling)",
  Webhook: "a webhook",
  CloudWatchEvent: "an EventBridge event",
  PutActionRevision: "a new action revision",
  WebhookV2: "a push or pull request",
  ManualRollback: "a manual rollback",
  AutomatedRollback: "an automatic rollback",
};

function useReviewSource(): Source {
  const source = useContext(SourceContext);
  if (!source) throw new Error("ApprovalReview needs a <SourceContext>");
  return source;
}

/**
 * How an approval that no longer waits ended, from the cached state (who decided: `lastUpdatedBy`); the
 * reviewed execution's run (`updatedBy`) is read only when the state cannot tell.
 */
function useSettled({ approval }: ReviewItem, waiting: boolean): Settled | undefined {
  const source = useReviewSource();
  const state = useQuery({ ...pipelineStateQuery(source, approval.pipelineName, "cached"), enabled: !waiting });
  const runs = useQuery({
    ...approvalRunsQuery(source, approval.pipelineName),
    enabled: !waiting && state.isSuccess && needsRuns(approval, state.data),
  });
  return waiting ? undefined : settledOutcome(approval, state.data, runs.data);
}

/** Countdown while it waits; once it does not, says so. The card's and the dialog's header badge. */
export function ApprovalStatusBadge({ item, waiting }: { item: ReviewItem; waiting: boolean }) {
  if (!waiting) {
    return (
      <span className="inline-flex rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-semibold text-zinc-800 ring-1 ring-inset ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-100 dark:ring-zinc-400/30">
        No longer waiting
      </span>
    );
  }
  return item.expiresAt ? <Countdown expiresAt={item.expiresAt} assumed={!item.info?.declaredTimeout} /> : null;
}

/**
 * One manual approval with the context to decide it (when it started waiting, the execution, its revisions and
 * trigger, the approval's message and review link as CodePipeline resolved them for this run), then the decision,
 * or, once it no longer waits, who decided and how. The inbox's cards, its deep-link page and the pipeline page's
 * Review dialog all show this one component; render it inside the approval's <SourceContext>.
 */
export function ApprovalReview({ item, waiting, onDecided }: { item: ReviewItem; waiting: boolean; onDecided?(): void }) {
  const source = useReviewSource();
  const { approval } = item;
  const { revisions: sourceRevisions, trigger, loading } = useReviewedExecution(source, approval.pipelineName, approval.executionId);
  // The declared message may name variables (#{BuildVariables.BUILD_ID}): the running action's resolved configuration has their values.
  const resolving = Boolean(approval.executionId) && hasVariables(item.info);
  const runs = useQuery({ ...approvalInputQuery(source, approval.pipelineName, approval.executionId ?? ""), enabled: resolving });
  const run = runs.data?.find((d) => d.stageName === approval.stageName && d.actionName === approval.actionName);
  const info = item.info && run ? withResolvedConfiguration(item.info, run.input?.resolvedConfiguration) : item.info;
  const unresolved = resolving && !run && !runs.isPending;
  const settled = useSettled(item, waiting);

  const revisions = sourceRevisions.map((r) => ({ name: r.actionName, info: summarizeRevision(r) }));

  return (
    <>
      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
        <dt className="font-medium">Waiting since</dt>
        <dd>{approval.waitingSince ? <Since date={approval.waitingSince} /> : <span className={mutedText}>unknown</span>}</dd>
        <dt className="font-medium">Execution</dt>
        <dd className="font-mono break-all" title={approval.executionId}>
          {approval.executionId ?? "unknown"}
          {approval.parallel && <span className={`ml-2 font-sans ${mutedText}`}>(PARALLEL mode)</span>}
        </dd>
        <dt className="font-medium">Revisions</dt>
        <dd>
          {loading ? (
            <span className={mutedText}>Loading…</span>
          ) : revisions.length === 0 ? (
            <span className={mutedText}>none reported</span>
          ) : (
            <ul className="flex flex-col gap-0.5">
              {revisions.map(({ name, info: r }, i) => {
                const href = safeHref(r?.url);
                return (
                  <li key={`${name}-${i}`} className="[overflow-wrap:anywhere]">
                    {href ? (
                      <a href={href} target="_blank" rel="noreferrer noopener" className={`font-mono ${linkClass}`}>
                        {r?.shortId}
                      </a>
                    ) : (
                      <code className="font-mono">{r?.shortId}</code>
                    )}{" "}
                    {r?.message ? <bdi>{r.message}</bdi> : <span className={mutedText}>(no message)</span>}
                    {r?.author && <span className={mutedText}> · {r.author}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
        <dt className="font-medium">Triggered by</dt>
        <dd className="[overflow-wrap:anywhere]">
          {trigger ? (
            <>
              {TRIGGERS[trigger.triggerType ?? ""] ?? trigger.triggerType}
              {trigger.triggerDetail && (
                <span className={mutedText}>
                  {" · "}
                  <bdi>{trigger.triggerDetail}</bdi>
                </span>
              )}
            </>
          ) : (
            <span className={mutedText}>{loading ? "Loading…" : "unknown"}</span>
          )}
        </dd>
        {info?.customData && (
          <>
            <dt className="font-medium">Message</dt>
            <dd className="whitespace-pre-wrap [overflow-wrap:anywhere]">
              {resolving && runs.isPending ? <span className={mutedText}>Loading…</span> : <bdi>{info.customData}</bdi>}
            </dd>
          </>
        )}
        {(info?.reviewLink || info?.unsafeReviewLink) && (
          <>
            <dt className="font-medium">Review</dt>
            <dd className="[overflow-wrap:anywhere]">
              {resolving && runs.isPending ? (
                <span className={mutedText}>Loading…</span>
              ) : info.reviewLink ? (
                <a href={info.reviewLink} target="_blank" rel="noreferrer noopener" className={linkClass}>
                  {info.reviewLink}
                </a>
              ) : (
                <span>
                  <bdi>{info.unsafeReviewLink}</bdi> <span className={mutedText}>(not a web link, not opened)</span>
                </span>
              )}
            </dd>
          </>
        )}
        {unresolved && (
          <dd className={`sm:col-start-2 ${mutedText}`}>
            As declared: the values of its variables could not be read{runs.error ? ` (${runs.error.message})` : ""}.
          </dd>
        )}
      </dl>

      {waiting && approval.newer.length > 0 && (
        <p className="mt-3 rounded-md border border-amber-600/40 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400/40 dark:bg-amber-950 dark:text-amber-100">
          <strong>A newer execution is queued behind this one:</strong>{" "}
          {approval.newer
            .map((n) => `${shortId(n.executionId)} (${n.where === "inbound" ? `waiting to enter ${n.stageName}` : `running in ${n.stageName}`})`)
            .join(", ")}
          . Deciding here acts on the older execution {approval.executionId ? shortId(approval.executionId) : ""}.
        </p>
      )}

      {!source.readOnly ? (
        <div className="mt-4 border-t border-zinc-200 pt-3 dark:border-zinc-700">
          <ApprovalDecision
            pipelineName={approval.pipelineName}
            stageName={approval.stageName}
            actionName={approval.actionName}
            executionId={approval.executionId}
            settled={settled}
            onDecided={onDecided}
          />
        </div>
      ) : (
        settled && (
          <div className="mt-4">
            <ApprovalOutcome settled={settled} />
          </div>
        )
      )}
    </>
  );
}

import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useSource } from "../../../lib/sources/source-context";
import { Since } from "./since";
import { shortId } from "../../../core/approvals/decision";
import { summarizeRevision } from "../../../core/revision";
import { safeHref } from "../../../core/safe-link";
import { approvalExecutionQuery } from "../../../lib/aws/execution-queries";
import type { ApprovalItem } from "../api/use-approval-items";
import { paths } from "../../../lib/paths";
import { ApprovalDecision } from "../../../components/approval-decision";
import { Countdown } from "./countdown";
import { SourceBadge, useManySources } from "./source-badge";
import { linkClass, mutedText } from "../../../components/styles";

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

/** One waiting approval; render it inside its source's <SourceContext>, so links, reads and the decision go there. */
export function ApprovalCard({ item, gone = false, headingLevel = 2 }: { item: ApprovalItem; gone?: boolean; headingLevel?: 2 | 3 }) {
  const source = useSource();
  const { approval, info, expiresAt: expires } = item;
  const execution = useQuery({
    ...approvalExecutionQuery(source, approval.pipelineName, approval.executionId ?? ""),
    enabled: Boolean(approval.executionId),
  });
  const revisions = (execution.data?.artifactRevisions ?? []).map((r) => ({
    name: r.name,
    info: summarizeRevision({ actionName: r.name ?? "", revisionId: r.revisionId, revisionSummary: r.revisionSummary, revisionUrl: r.revisionUrl }),
  }));
  const trigger = execution.data?.trigger;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `approval-${item.key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  // With more than one source the card's name includes its source, so two same-named approvals read apart.
  const labelledBy = useManySources() ? `${headingId} ${headingId}-source` : headingId;

  return (
    <article
      aria-labelledby={labelledBy}
      className={`rounded-lg border p-4 shadow-sm ${gone ? "border-dashed border-zinc-400 bg-zinc-50 dark:border-zinc-600 dark:bg-zinc-900/60" : "border-zinc-200 bg-white dark:border-zinc-700 dark:bg-zinc-900"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Heading id={headingId} className="text-lg font-semibold break-all">
          <Link to={paths.pipeline.href(source, approval.pipelineName)} className={linkClass}>
            <bdi>{approval.pipelineName}</bdi>
          </Link>{" "}
          <span className="font-normal text-zinc-700 dark:text-zinc-300">
            › {approval.stageName} › {approval.actionName}
          </span>
        </Heading>
        <div className="flex flex-wrap items-center gap-2">
          <SourceBadge id={`${headingId}-source`} />
          {gone ? (
            <span className="inline-flex rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-semibold text-zinc-800 ring-1 ring-inset ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-100 dark:ring-zinc-400/30">
              No longer waiting
            </span>
          ) : (
            expires && <Countdown expiresAt={expires} assumed={!info?.declaredTimeout} />
          )}
        </div>
      </div>

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
          {execution.isPending && approval.executionId ? (
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
              {trigger.triggerDetail && <span className={mutedText}> · {trigger.triggerDetail}</span>}
            </>
          ) : (
            <span className={mutedText}>{execution.isPending && approval.executionId ? "Loading…" : "unknown"}</span>
          )}
        </dd>
        {info?.customData && (
          <>
            <dt className="font-medium">Message</dt>
            <dd className="whitespace-pre-wrap [overflow-wrap:anywhere]">
              <bdi>{info.customData}</bdi>
            </dd>
          </>
        )}
        {(info?.reviewLink || info?.unsafeReviewLink) && (
          <>
            <dt className="font-medium">Review</dt>
            <dd className="break-all">
              {info.reviewLink ? (
                <a href={info.reviewLink} target="_blank" rel="noreferrer noopener" className={linkClass}>
                  {info.reviewLink}
                </a>
              ) : (
                <span>
                  {info.unsafeReviewLink} <span className={mutedText}>(not a web link, not opened)</span>
                </span>
              )}
            </dd>
          </>
        )}
      </dl>

      {!gone && approval.newer.length > 0 && (
        <p className="mt-3 rounded-md border border-amber-600/40 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400/40 dark:bg-amber-950 dark:text-amber-100">
          <strong>A newer execution is queued behind this one:</strong>{" "}
          {approval.newer
            .map((n) => `${shortId(n.executionId)} (${n.where === "inbound" ? `waiting to enter ${n.stageName}` : `running in ${n.stageName}`})`)
            .join(", ")}
          . Deciding here acts on the older execution {approval.executionId ? shortId(approval.executionId) : ""}.
        </p>
      )}

      {!source.readOnly && (
        <div className="mt-4 border-t border-zinc-200 pt-3 dark:border-zinc-700">
          <ApprovalDecision
            pipelineName={approval.pipelineName}
            stageName={approval.stageName}
            actionName={approval.actionName}
            executionId={approval.executionId}
          />
        </div>
      )}
      <p className="mt-2 text-xs">
        <Link to={paths.approval.href(source, approval.pipelineName, approval.stageName, approval.actionName)} className={linkClass}>
          Link to this approval
        </Link>
      </p>
    </article>
  );
}

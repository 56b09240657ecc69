import { useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useParams } from "react-router";
import { useSource, useSources } from "../../../lib/sources/source-context";
import { pipelineStateQuery, recentRunsQuery } from "../../../lib/aws/pipeline-queries";
import { pipelineDeclarationQuery } from "../../../lib/aws/declaration-queries";
import { reviewedExecutionQuery } from "../../../lib/approvals/reviewed-execution";
import { useFirstInLine } from "../../../lib/polling/use-on-screen";
import { usePendingApprovals } from "../api/use-approvals";
import { useApprovalItems } from "../api/use-approval-items";
import { useRetainedItems } from "../api/use-retained-items";
import { useAfterPaint, useHoldCount } from "../../../lib/polling/first-screen";
import { ApprovalCard } from "../components/approval-card";
import { DecidedHere } from "../components/decided-here";
import { RecentDecisions } from "../components/recent-decisions";
import { linkClass, mutedText } from "../../../components/styles";
import { SourceBadge } from "../components/source-badge";
import { sourceOfDecision, useLocalDecisions } from "../../../lib/approvals/decisions-store";
import { rememberApprovalPipelines } from "../lib/known-pipelines";
import { paths } from "../../../lib/paths";
import { sourcedKey } from "../../../core/sourced-key";

/**
 * `[/sources/:sourceId]/pipelines/:name/approvals/:stage/:action`: one approval, for chat messages and
 * notification links. The route gives the source, so the link names one account and region unambiguously.
 */
export default function ApprovalPage() {
  const { name = "", stage = "", action = "" } = useParams();
  const source = useSource();
  const sources = useSources();
  const only = useMemo(() => [source], [source]);
  // Ahead of the other pipelines' reads (the navigation's count reads every state): a link from a phone shows its
  // approval after this pipeline's two reads, not after the whole account's.
  useFirstInLine(source, name);
  // This pipeline's state at the pipeline page's cadence, whatever the inbox poller does for the others.
  const state = useQuery(pipelineStateQuery(source, name));
  // Alongside the state, not after it: the latest declaration (its version's, almost always) and the newest runs'
  // summaries (the waiting execution's revisions and trigger). One round trip fewer before the card; the runs are
  // not polled here, the card needs them once.
  useQuery(pipelineDeclarationQuery(source, name, undefined, "cached"));
  const runs = useQuery({ ...recentRunsQuery(source, name, "cached"), refetchInterval: false });
  const { approvals, states, complete } = usePendingApprovals({ eager: true, sources: only, pipeline: name });
  const mine = approvals.filter(({ approval: a }) => a.pipelineName === name && a.stageName === stage && a.actionName === action);
  const items = useRetainedItems(useApprovalItems(mine, states));
  // The card appears whole, with its declaration (CustomData, link, timeout; useApprovalItems reads it) and its
  // execution's revisions and trigger (ApprovalReview reads them; same queries), instead of growing under the
  // reader's thumb as each arrives; the history below waits for it, so nothing moves down. `isLoading`: a query
  // with nothing to read (no version, no execution id) does not hold the card back.
  const version = state.data?.pipelineVersion;
  const declaration = useQuery({
    ...pipelineDeclarationQuery(source, name, version, "cached"),
    enabled: version !== undefined,
    // A new pipeline version's declaration loads behind the card already shown.
    placeholderData: (previous) => previous,
  });
  const executionsLoading = useQueries({
    queries: items.map(({ approval: a }) => reviewedExecutionQuery(source, name, a.executionId, runs)),
    combine: (results) => runs.isLoading || results.some((r) => r.isLoading),
  });
  const missing = state.isSuccess && !state.data.stageStates?.some((s) => s.stageName === stage && s.actionStates?.some((a) => a.actionName === action));
  const cardsReady = items.length > 0 && !declaration.isLoading && !executionsLoading;
  const settled = cardsReady || (items.length === 0 && (complete || state.isSuccess)) || missing || Boolean(state.error && !state.data);
  const pendingKeys = new Set(items.map((i) => i.key));
  const decided = useLocalDecisions().filter(
    (d) =>
      sourceOfDecision(d, sources) === source &&
      d.pipelineName === name &&
      d.stageName === stage &&
      d.actionName === action &&
      !pendingKeys.has(sourcedKey(source.id, d.key)),
  );
  // The card first, on its own: the count's reads and the history's wait for it to be painted.
  const painted = useAfterPaint(settled);
  useHoldCount(!painted);
  rememberApprovalPipelines([{ source, name }], sources);

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:px-6">
      <p className="text-sm">
        <Link to={paths.approvals.href()} className={linkClass}>
          ← All approvals
        </Link>{" "}
        <span className={mutedText}>·</span>{" "}
        <Link to={paths.pipeline.href(source, name)} className={linkClass}>
          Pipeline {name}
        </Link>
      </p>
      <h1 className="mt-3 text-2xl font-bold [overflow-wrap:anywhere]">
        Approval {action} <span className="font-normal text-zinc-700 dark:text-zinc-300">in {name} › {stage}</span>
      </h1>
      {sources.length > 1 && (
        <p className="mt-1">
          <SourceBadge />
        </p>
      )}
      {/* On a phone the approval fills the first screen from the start. One margin on the box, not on what it holds:
          "Loading…" and the card start at the same height. */}
      <div className="mt-6 max-sm:min-h-[65svh]">
        {state.error && !state.data ? (
          <p role="alert" className="text-red-800 dark:text-red-300">
            Could not read pipeline {name}: {state.error.message}
          </p>
        ) : missing ? (
          <p role="status">
            Pipeline {name} has no action {action} in a stage {stage}. The link may be out of date.
          </p>
        ) : cardsReady ? (
          <ul className="flex flex-col gap-4" aria-label="Waiting executions">
            {items.map((item) => (
              <li key={item.key}>
                <ApprovalCard item={item} gone={item.gone} />
              </li>
            ))}
          </ul>
        ) : (
          <p role="status" className="text-zinc-700 dark:text-zinc-300">
            {items.length === 0 && (complete || state.isSuccess) ? "This approval is not waiting for a decision now. Its latest decisions are below." : "Loading…"}
          </p>
        )}
      </div>
      {painted && (
        <>
          <DecidedHere decisions={decided} states={states} />
          <RecentDecisions pipelines={[{ source, name }]} limit={10} only={{ stageName: stage, actionName: action }} whenSeen />
        </>
      )}
    </main>
  );
}

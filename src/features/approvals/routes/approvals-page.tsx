import { SourceContext, useSources } from "../../../lib/sources/source-context";
import { Freshness } from "../../../components/freshness";
import type { ShownRead } from "../../../core/freshness";
import { pollingPolicy } from "../../../lib/polling/policy";
import { usePendingApprovals, type PipelineRead, type SourceStatus } from "../api/use-approvals";
import { useApprovalItems } from "../api/use-approval-items";
import { useRetainedItems } from "../api/use-retained-items";
import { ApprovalCard } from "../components/approval-card";
import { DecidedHere } from "../components/decided-here";
import { NotificationsToggle } from "../components/notifications-toggle";
import { RecentDecisions } from "../components/recent-decisions";
import { SourceErrors } from "../components/source-errors";
import { SourceFilter } from "../../../components/source-filter";
import { useSourceFilter } from "../api/use-source-filter";
import { mutedText } from "../../../components/styles";
import { sourceOfDecision, useLocalDecisions } from "../../../lib/approvals/decisions-store";
import { rememberApprovalPipelines } from "../lib/known-pipelines";
import { sourcedKey } from "../../../core/sourced-key";

/**
 * `/approvals`: every manual approval waiting across every source's pipelines (or the one chosen in the
 * filter), soonest to expire first. Each card sits in its own source's context, so its links, reads and
 * decision go to the account and region it came from.
 */
export default function ApprovalsPage() {
  const sources = useSources();
  const { selected, scope, select } = useSourceFilter();
  const { approvals, states, complete, reads, sources: statuses } = usePendingApprovals({ eager: true, sources: scope });
  // Items retained from before the filter changed belong to other sources: not "no longer waiting", just hidden.
  const items = useRetainedItems(useApprovalItems(approvals, states)).filter((i) => scope.includes(i.source));
  const pendingKeys = new Set(items.map((i) => i.key));
  const decided = useLocalDecisions().filter((d) => {
    const source = sourceOfDecision(d, sources);
    return source && scope.includes(source) && !pendingKeys.has(sourcedKey(source.id, d.key));
  });
  const known = rememberApprovalPipelines(
    [
      ...approvals.map((a) => ({ source: a.source, name: a.approval.pipelineName })),
      ...decided.flatMap((d) => {
        const source = sourceOfDecision(d, sources);
        return source ? [{ source, name: d.pipelineName }] : [];
      }),
    ],
    sources,
  ).filter((p) => scope.includes(p.source));
  const pipelines = new Set(approvals.map((a) => sourcedKey(a.source.id, a.approval.pipelineName))).size;
  const staleAfterMs = Math.max(...scope.map((s) => pollingPolicy.staleAfterMs(s.polling, "lists")));
  const where = scope.length === 1 ? scope[0].label : "any source";

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Approvals</h1>
        <Freshness reads={shownReads(statuses, reads, new Set(items.map((i) => sourcedKey(i.source.id, i.approval.pipelineName))))} staleAfterMs={staleAfterMs} />
      </div>
      <p role="status" className="mt-2 text-zinc-700 dark:text-zinc-300">
        {!complete && approvals.length === 0
          ? "Looking for waiting approvals…"
          : approvals.length === 0
            ? `No approval is waiting in ${where}.`
            : `${approvals.length} ${approvals.length === 1 ? "approval is" : "approvals are"} waiting in ${pipelines} ${pipelines === 1 ? "pipeline" : "pipelines"}, soonest to expire first.`}
      </p>
      <div className="mt-3 flex flex-wrap items-end justify-between gap-4">
        <NotificationsToggle />
        <SourceFilter value={selected?.id ?? ""} onSelect={select} />
      </div>
      <SourceErrors statuses={statuses} />

      {items.length > 0 && (
        <ul className="mt-6 flex flex-col gap-4" aria-label="Waiting approvals">
          {items.map((item) => (
            <li key={item.key}>
              <SourceContext value={item.source}>
                <ApprovalCard item={item} gone={item.gone} />
              </SourceContext>
            </li>
          ))}
        </ul>
      )}
      {complete && approvals.length === 0 && items.length === 0 && <p className={`mt-6 ${mutedText}`}>Nothing to decide right now.</p>}

      <DecidedHere decisions={decided} states={states} />
      <RecentDecisions pipelines={known} />
    </main>
  );
}

/**
 * What the inbox's "Updated N ago" describes (core/freshness.ts): the states of the pipelines whose approvals
 * are on screen, every failing read (a state, a source's list), and with no card, each source's list.
 */
function shownReads(statuses: SourceStatus[], reads: PipelineRead[], shown: ReadonlySet<string>): ShownRead[] {
  const states = reads.filter((read) => read.stale || shown.has(read.key));
  const lists = statuses
    .filter((status) => status.list.failing || shown.size === 0)
    .map((status) => ({ updatedAt: status.list.updatedAt, stale: status.list.failing, sourceId: status.source.id }));
  return [...states, ...lists];
}

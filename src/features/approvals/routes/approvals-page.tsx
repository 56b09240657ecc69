import { useSource } from "../../../app/source-context";
import { ErrorBanner } from "../../../components/error-banner";
import { Staleness } from "../../../components/staleness";
import { usePendingApprovals } from "../api/use-approvals";
import { useApprovalItems } from "../api/use-approval-items";
import { useRetainedItems } from "../api/use-retained-items";
import { ApprovalCard } from "../components/approval-card";
import { DecidedHere } from "../components/decided-here";
import { NotificationsToggle } from "../components/notifications-toggle";
import { RecentDecisions } from "../components/recent-decisions";
import { mutedText } from "../components/styles";
import { useLocalDecisions } from "../lib/decisions-store";
import { rememberApprovalPipelines } from "../lib/known-pipelines";

/** `/approvals`: every manual approval waiting across the source's pipelines, soonest to expire first. */
export default function ApprovalsPage() {
  const source = useSource();
  const { approvals, states, complete, error, updatedAt } = usePendingApprovals({ eager: true });
  const items = useRetainedItems(useApprovalItems(approvals, states));
  const pendingKeys = new Set(items.map((i) => i.approval.key));
  const decided = useLocalDecisions().filter((d) => !pendingKeys.has(d.key));
  const known = rememberApprovalPipelines([...approvals.map((a) => a.pipelineName), ...decided.map((d) => d.pipelineName)]);
  const pipelines = new Set(approvals.map((a) => a.pipelineName)).size;
  const staleAfterMs = Math.max(source.polling.idleSeconds, source.polling.listSeconds) * 2000;

  return (
    <main id="main" className="mx-auto max-w-5xl px-6 py-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Approvals</h1>
        <Staleness updatedAt={updatedAt} staleAfterMs={staleAfterMs} />
      </div>
      <p role="status" className="mt-2 text-zinc-700 dark:text-zinc-300">
        {!complete && approvals.length === 0
          ? "Looking for waiting approvals…"
          : approvals.length === 0
            ? `No approval is waiting in ${source.label}.`
            : `${approvals.length} ${approvals.length === 1 ? "approval is" : "approvals are"} waiting in ${pipelines} ${pipelines === 1 ? "pipeline" : "pipelines"}, soonest to expire first.`}
      </p>
      <div className="mt-3">
        <NotificationsToggle />
      </div>
      {error && (
        <div className="mt-4">
          <ErrorBanner error={error} lastGoodAt={updatedAt || undefined} what="some pipelines" />
        </div>
      )}

      {items.length > 0 && (
        <ul className="mt-6 flex flex-col gap-4" aria-label="Waiting approvals">
          {items.map((item) => (
            <li key={item.approval.key}>
              <ApprovalCard item={item} gone={item.gone} />
            </li>
          ))}
        </ul>
      )}
      {complete && approvals.length === 0 && items.length === 0 && <p className={`mt-6 ${mutedText}`}>Nothing to decide right now.</p>}

      <DecidedHere decisions={decided} states={states} />
      <RecentDecisions pipelineNames={known} />
    </main>
  );
}

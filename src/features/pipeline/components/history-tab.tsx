import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useSource } from "../../../lib/sources/source-context";
import { describeError } from "../../../components/error-banner";
import { RelativeTime } from "../../../components/relative-time";
import { formatDuration } from "../../../core/format";
import { executionHistoryQuery } from "../../../lib/aws/execution-queries";
import { usePipelinePaths } from "../../../lib/paths";
import { secondaryButton } from "../../../components/styles";
import { RevisionList } from "./revision-list";
import { StatusBadge } from "../../../components/status-badge";
import { isRunning } from "../../../core/status";


/** ListPipelineExecutions, page by page (newest first). */
export function HistoryTab({ pipelineName }: { pipelineName: string }) {
  const source = useSource();
  const pipelinePaths = usePipelinePaths();
  const history = useInfiniteQuery(executionHistoryQuery(source, pipelineName));
  const rows = history.data?.pages.flatMap((p) => p.pipelineExecutionSummaries ?? []) ?? [];
  if (history.isPending) return <p className="p-2 text-sm">Loading history…</p>;
  if (history.error && rows.length === 0)
    return (
      <p role="alert" className="p-2 text-sm text-red-800 dark:text-red-300">
        Could not load the history: {describeError(history.error)}
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="stack-on-phone w-full border-collapse text-left text-sm sm:min-w-[60rem]">
        <caption className="sr-only">Execution history of {pipelineName}</caption>
        <thead className="border-b border-zinc-300 text-xs uppercase tracking-wide text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-2 py-2">Execution</th>
            <th scope="col" className="px-2 py-2">Status</th>
            <th scope="col" className="px-2 py-2">Trigger</th>
            <th scope="col" className="px-2 py-2">Source revisions</th>
            <th scope="col" className="px-2 py-2">Started</th>
            <th scope="col" className="px-2 py-2">Duration</th>
            <th scope="col" className="px-2 py-2">Notes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const id = e.pipelineExecutionId ?? "";
            const end = isRunning(e.status) ? undefined : e.lastUpdateTime;
            return (
              <tr key={id} className="border-b border-zinc-200 align-top dark:border-zinc-800">
                <td className="px-2 py-2">
                  <Link to={pipelinePaths.execution(pipelineName, id)} className="font-mono text-sky-800 underline dark:text-sky-300" title={id}>
                    {id.slice(0, 8)}
                  </Link>
                  {e.executionType === "ROLLBACK" && (
                    <span className="ml-1 rounded bg-violet-100 px-1 text-xs font-semibold text-violet-800 dark:bg-violet-900 dark:text-violet-200">Rollback</span>
                  )}
                </td>
                <td className="px-2 py-2">
                  <StatusBadge status={e.status} />
                </td>
                <td className="max-w-[14rem] px-2 py-2">
                  <span className="block">{e.trigger?.triggerType ?? "—"}</span>
                  {e.trigger?.triggerDetail && (
                    <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400" title={e.trigger.triggerDetail}>
                      <bdi>{e.trigger.triggerDetail}</bdi>
                    </span>
                  )}
                </td>
                <td className="max-w-[22rem] px-2 py-2">
                  <RevisionList revisions={e.sourceRevisions} />
                </td>
                <td className="px-2 py-2 whitespace-nowrap">{e.startTime ? <RelativeTime date={e.startTime} /> : "—"}</td>
                <td className="px-2 py-2 whitespace-nowrap tabular-nums">
                  {e.startTime ? (end ? formatDuration(end.getTime() - e.startTime.getTime()) : "running") : "—"}
                </td>
                <td className="max-w-[16rem] px-2 py-2 text-xs">
                  {e.stopTrigger?.reason && (
                    <span className="block break-words">
                      Stopped: <bdi>{e.stopTrigger.reason}</bdi>
                    </span>
                  )}
                  {e.rollbackMetadata?.rollbackTargetPipelineExecutionId && (
                    <span className="block">
                      Rolled back to{" "}
                      <Link className="font-mono underline" to={pipelinePaths.execution(pipelineName, e.rollbackMetadata.rollbackTargetPipelineExecutionId)}>
                        {e.rollbackMetadata.rollbackTargetPipelineExecutionId.slice(0, 8)}
                      </Link>
                    </span>
                  )}
                  {e.statusSummary && <bdi className="block break-words text-zinc-600 dark:text-zinc-400">{e.statusSummary}</bdi>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="p-2 text-sm">This pipeline has not run yet.</p>}
      {history.hasNextPage && (
        <button
          type="button"
          className={`${secondaryButton} mt-3`}
          onClick={() => void history.fetchNextPage()}
          disabled={history.isFetchingNextPage}
        >
          {history.isFetchingNextPage ? "Loading…" : "Load older executions"}
        </button>
      )}
    </div>
  );
}

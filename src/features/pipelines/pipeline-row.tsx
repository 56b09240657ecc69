import type { ExecutionMode } from "@aws-sdk/client-codepipeline";
import { memo, useRef } from "react";
import { Link } from "react-router";
import { paths } from "../../lib/paths";
import { formatAge, formatDuration } from "../../core/format";
import { safeHref } from "../../core/safe-link";
import { executionDurationMs } from "../../core/status";
import { failingFor, failingSince, OVERVIEW_RUNS, shortExecutionId } from "../../core/recent-runs";
import { RecentRuns } from "../../components/recent-runs";
import { HealthIcon, LockIcon, StarIcon, WarningIcon } from "../../components/icons";
import { RelativeTime } from "../../components/relative-time";
import { HealthBadge } from "../../components/health-badge";
import { useNow } from "../../components/use-now";
import { useInViewport, usePollOnScreen } from "../../lib/polling/use-on-screen";
import type { OverviewRow } from "./use-overview";

/**
 * Shared with the column headings so they line up. Below the `lg` breakpoint (1024 px) the row is a card: the
 * favourite button beside one column of the same cells in the same order (CARD_CELL), so the DOM, the
 * virtualizer and polling stay as they are.
 */
export const ROW_GRID =
  "grid grid-cols-[2.75rem_minmax(0,1fr)] gap-x-2 gap-y-1 lg:grid-cols-[2.5rem_minmax(12rem,1.1fr)_minmax(14rem,1.3fr)_minmax(14rem,1.9fr)_10rem] lg:gap-x-4 lg:gap-y-0";
const CARD_CELL = "col-start-2 lg:col-start-auto";

const MODE_LABELS: Record<ExecutionMode, string> = {
  SUPERSEDED: "superseded mode",
  QUEUED: "queued mode",
  PARALLEL: "parallel mode",
};

export const PipelineRow = memo(function PipelineRow({
  row,
  showSource,
  onToggleFavourite,
}: {
  row: OverviewRow;
  /** More than one source is configured: say which account and region the pipeline is in. */
  showSource: boolean;
  onToggleFavourite: (row: OverviewRow) => void;
}) {
  const { source } = row;
  const rowRef = useRef<HTMLDivElement>(null);
  usePollOnScreen(source, row.name, useInViewport(rowRef));
  const now = useNow();
  const { status, summary } = row;
  const duration = executionDurationMs(status, now);
  const running = status.health === "in-progress" || status.health === "waiting-for-approval";
  const revisionHref = safeHref(status.revision?.url);

  return (
    <div ref={rowRef} className={`relative ${ROW_GRID} items-start border-zinc-200 px-2 py-3 hover:bg-zinc-100/70 max-lg:mb-3 max-lg:rounded-lg max-lg:border max-lg:bg-white lg:border-b dark:border-zinc-800 max-lg:dark:bg-zinc-900 dark:hover:bg-zinc-900`}>
      <button
        type="button"
        aria-pressed={row.favourite}
        aria-label={showSource ? `Favourite ${row.name} in ${source.label}` : `Favourite ${row.name}`}
        title={row.favourite ? "Unpin from the top" : "Pin to the top"}
        onClick={() => onToggleFavourite(row)}
        className={`relative z-10 row-span-4 grid size-11 place-items-center self-start lg:row-span-1 lg:mt-0.5 lg:size-8 rounded text-lg focus-visible:outline-2 focus-visible:outline-sky-700 ${
          row.favourite ? "text-amber-600 dark:text-amber-400" : "text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-100"
        }`}
      >
        <StarIcon filled={row.favourite} />
      </button>

      <div className="min-w-0">
        <Link
          to={paths.pipeline.href(source, row.name)}
          title={row.name}
          className="block truncate font-semibold text-sky-900 after:absolute after:inset-0 hover:underline focus-visible:outline-2 focus-visible:outline-sky-700 dark:text-sky-200"
        >
          {/* Text from AWS sits in <bdi>: a right-to-left override in it must not reorder what is around it. */}
          <bdi>{row.name}</bdi>
          {showSource && <span className="sr-only"> in {source.label}</span>}
        </Link>
        <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          {showSource && <span className="mr-1 rounded bg-zinc-200 px-1.5 py-0.5 font-medium text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100">{source.label}</span>}
          {summary.pipelineType ?? "V1"} · {MODE_LABELS[summary.executionMode ?? "SUPERSEDED"] ?? summary.executionMode}
        </p>
      </div>

      <div className={`${CARD_CELL} min-w-0 text-sm`}>
        {row.loaded || row.status.health !== "unknown" ? (
          <>
            <HealthBadge health={status.health} label={status.stopping ? "Stopping" : undefined} />
            <StageLine row={row} />
            <FailingFor row={row} now={now} />
          </>
        ) : row.error ? (
          <span className="text-zinc-600 dark:text-zinc-400">Status unavailable</span>
        ) : (
          <span className="text-zinc-600 dark:text-zinc-400">Loading status…</span>
        )}
        <Markers row={row} />
        <RecentRuns runs={row.runs} limit={OVERVIEW_RUNS} now={now} href={(id) => paths.execution.href(source, row.name, id)} className="mt-1.5" />
      </div>

      <div className={`${CARD_CELL} min-w-0 text-sm`}>
        {status.revision ? (
          <>
            <p className="truncate" title={status.revision.message}>
              {status.revision.shortId &&
                (revisionHref ? (
                  <a
                    href={revisionHref}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="relative z-10 mr-2 font-mono text-sky-900 underline dark:text-sky-200"
                    aria-label={`Revision ${status.revision.shortId}`}
                  >
                    {status.revision.shortId}
                  </a>
                ) : (
                  <span className="mr-2 font-mono" title={status.revision.id}>
                    {status.revision.shortId}
                  </span>
                ))}
              <bdi>{status.revision.message}</bdi>
            </p>
            {status.revision.author && (
              <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
                by <bdi>{status.revision.author}</bdi>
              </p>
            )}
          </>
        ) : (
          <span className="sr-only">No source revision</span>
        )}
      </div>

      <div className={`${CARD_CELL} flex flex-wrap items-baseline gap-x-2 text-sm tabular-nums lg:block lg:text-right`}>
        {status.lastChangedAt ? (
          <p>
            <span className="sr-only">Last changed </span>
            <RelativeTime date={status.lastChangedAt} />
          </p>
        ) : null}
        {duration !== undefined && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {running ? "running for " : "took "}
            {formatDuration(duration)}
          </p>
        )}
        {row.error && row.updatedAt > 0 && (
          <p className="mt-1 inline-flex items-center gap-1 text-xs font-semibold text-amber-800 dark:text-amber-300" title={row.error.message}>
            <WarningIcon /> stale, {formatAge(new Date(row.updatedAt), now)} old
          </p>
        )}
      </div>
    </div>
  );
});

function StageLine({ row }: { row: OverviewRow }) {
  const { status } = row;
  if (!status.stageName) return null;
  const stage = <bdi>{status.stageName}</bdi>;
  const where =
    status.health === "failed" ? (
      <>
        at {stage}
        {status.failedActionName && (
          <>
            {" › "}
            <bdi>{status.failedActionName}</bdi>
          </>
        )}
      </>
    ) : status.heldBeforeStage ? (
      <>waiting to enter {stage}</>
    ) : status.health === "waiting-for-approval" ? (
      <>
        in {stage} › <bdi>{status.approvals[0]?.actionName ?? ""}</bdi>
      </>
    ) : (
      <>in {stage}</>
    );
  return (
    <>
      <p className="mt-1 truncate text-zinc-800 dark:text-zinc-200">{where}</p>
      {status.errorSummary && (
        <p className="truncate text-xs text-red-800 max-lg:text-sm dark:text-red-300" title={status.errorSummary}>
          <bdi>{status.errorSummary}</bdi>
        </p>
      )}
    </>
  );
}

function FailingFor({ row, now }: { row: OverviewRow; now: Date }) {
  const failing = row.status.health === "failed" ? failingSince(row.runs) : undefined;
  if (!failing) return null;
  return (
    <p className="text-xs text-zinc-700 dark:text-zinc-300">
      {failingFor(failing, now)}, since execution{" "}
      <Link
        to={paths.execution.href(row.source, row.name, failing.executionId)}
        className="relative z-10 font-mono text-sky-900 underline dark:text-sky-200"
        title={failing.executionId}
      >
        {shortExecutionId(failing.executionId)}
      </Link>
    </p>
  );
}

function Markers({ row }: { row: OverviewRow }) {
  const { status } = row;
  const approvalElsewhere = status.approvals.length > 0 && status.health !== "waiting-for-approval";
  if (!approvalElsewhere && status.disabledTransitions.length === 0) return null;
  const chip =
    "inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs border-zinc-400 text-zinc-800 dark:border-zinc-600 dark:text-zinc-200";
  return (
    <ul className="mt-1 flex flex-wrap gap-1" aria-label="Markers">
      {approvalElsewhere && (
        <li className={chip}>
          <HealthIcon health="waiting-for-approval" /> Waiting for approval in <bdi>{status.approvals[0].stageName}</bdi>
        </li>
      )}
      {status.disabledTransitions.map((t) => (
        <li key={t.stageName} className={chip} title={t.reason ? `Reason: ${t.reason}` : undefined}>
          <LockIcon /> Transition to <bdi>{t.stageName}</bdi> disabled
        </li>
      ))}
    </ul>
  );
}

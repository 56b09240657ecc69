import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { executionFigures } from "../../../core/insights/figures";
import { formatFrequency, formatMs, formatPercent, formatTrend } from "../../../core/insights/format";
import { aggregateDora, outcomeBuckets, overviewFigures } from "../../../core/insights/report";
import { previousWindow, windowEnding, type Window } from "../../../core/insights/window";
import { describeError } from "../../../components/error-banner";
import { SourceFilter } from "../../../components/source-filter";
import { fieldClass, primaryButton, secondaryButton } from "../../../components/styles";
import { paths } from "../../../lib/paths";
import { cacheSummary, clearHistoryCache } from "../../../lib/insights/history-cache";
import { useSources } from "../../../lib/sources/source-context";
import { HISTORY_STALE_MS, isInsightsHistory } from "../../../lib/insights/history-queries";
import { MAX_DETAILED, useInsightsPage, type InsightsPipeline } from "../api/use-insights-page";
import { useWindowDays } from "../api/use-insights-view";
import { useWindowEnd } from "../api/use-window-end";
import { DataTable } from "../components/data-table";
import { DoraKeys } from "../components/dora-keys";
import { FigureCards } from "../components/figure-cards";
import { HistoryAge } from "../components/history-age";
import { OutcomeChart } from "../components/outcome-chart";
import { WindowPicker } from "../components/window-picker";

function parseTag(raw: string | null) {
  const text = raw?.trim();
  if (!text) return undefined;
  const at = text.indexOf("=");
  return at < 0 ? { key: text } : { key: text.slice(0, at), value: text.slice(at + 1) };
}

/** `/insights`: how delivery is going across every source, filterable like the overview. */
export default function InsightsPage() {
  const sources = useSources();
  const [params, setParams] = useSearchParams();
  const [days, setDays] = useWindowDays();
  const [name, setName] = useState(params.get("q") ?? "");
  const [tagText, setTagText] = useState(params.get("tag") ?? "");
  const sourceId = sources.some((s) => s.id === params.get("source")) ? params.get("source")! : "";
  const [detailed, setDetailed] = useState(false);
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const filter = { source: sourceId, name: useDeferredValue(name), tag: parseTag(useDeferredValue(tagText)) };
  const page = useInsightsPage(sources, filter, days, detailed);
  const { rows } = page;

  const [now, readNew] = useWindowEnd();
  const w = useMemo(() => windowEnding(days, now), [days, now]);
  // Pipelines arrive one by one (1,000 on a large account): each is computed once, not again at every arrival,
  // and the totals over every execution follow at React's low priority, skipping arrivals while they compute.
  const [computed] = useState(() => new WeakMap<object, { w: Window; actions: unknown; figures: ReturnType<typeof overviewFigures> }>());
  const figures = useMemo(
    () =>
      rows.map((r) => {
        if (!r.executions) return undefined;
        const hit = computed.get(r.executions);
        if (hit && hit.w === w && hit.actions === r.actions) return hit.figures;
        const f = overviewFigures({ executions: r.executions.items, actions: r.actions?.items }, w);
        computed.set(r.executions, { w, actions: r.actions, figures: f });
        return f;
      }),
    [rows, w, computed],
  );
  const settledRows = useDeferredValue(rows);
  const settledFigures = useDeferredValue(figures);
  const all = useMemo(() => settledRows.flatMap((r) => r.executions?.items ?? []), [settledRows]);
  const totals = useMemo(() => {
    const read = settledFigures.filter((f) => f !== undefined);
    return {
      executions: { current: executionFigures(all, w), previous: executionFigures(all, previousWindow(w)) },
      dora: { current: aggregateDora(read.map((f) => f.dora.current), w), previous: aggregateDora(read.map((f) => f.dora.previous), previousWindow(w)) },
      buckets: outcomeBuckets(all, w),
    };
  }, [settledFigures, all, w]);

  const total = rows.length;
  const partial = page.read < total || rows.some((r) => r.executions?.complete === false) || page.failedSources.length > 0;
  const failedRows = rows.filter((r) => r.error);

  return (
    <main id="main" className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6">
      <div>
        <h1 className="text-2xl font-bold">Insights</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          How delivery is going, from the execution history CodePipeline keeps (12 months), read in this browser. Open a pipeline's Insights tab for
          its stages, actions, flaky tests, waiting time and cost.
        </p>
      </div>
      <form role="search" aria-label="Insights" className="flex flex-wrap items-end gap-4" onSubmit={(e) => e.preventDefault()}>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Search pipelines
          <input
            type="search"
            value={name}
            placeholder="Name contains…"
            onChange={(e) => {
              setName(e.target.value);
              setParam("q", e.target.value);
            }}
            className={`${fieldClass} w-64`}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Tag
          <input
            value={tagText}
            placeholder="team=payments"
            onChange={(e) => {
              setTagText(e.target.value);
              setParam("tag", e.target.value);
            }}
            className={`${fieldClass} w-48`}
          />
        </label>
        <SourceFilter value={sourceId} onSelect={(id) => setParam("source", id)} />
        <WindowPicker days={days} onChange={setDays} />
      </form>

      <ReadingStatus page={page} total={total} partial={partial} onReadNew={readNew} />
      {page.failedSources.map(({ source, error }) => (
        <p key={source.id} role="alert" className="text-sm text-red-800 dark:text-red-300">
          {source.label}: could not list its pipelines ({describeError(error)}); its pipelines are missing from every figure.
        </p>
      ))}
      {failedRows.length > 0 && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {failedRows.length} {failedRows.length === 1 ? "pipeline" : "pipelines"} could not be read and {failedRows.length === 1 ? "is" : "are"} missing from the
          totals: {failedRows.slice(0, 5).map((r) => `${r.summary.name} (${describeError(r.error!)})`).join(", ")}
          {failedRows.length > 5 ? ", …" : ""}
        </p>
      )}

      <DoraKeys dora={totals.dora} days={days} />
      <p className="-mt-4 text-xs text-zinc-600 dark:text-zinc-400">
        Production is each pipeline's last stage here (choose another on its Insights tab). Lead time, change failure rate and time to restore need each
        pipeline's action runs:{" "}
        {detailed ? (
          `read for the first ${Math.min(MAX_DETAILED, total)} pipelines shown${page.readingActions ? ` (${page.readingActions} still reading)` : ""}.`
        ) : (
          <button type="button" className={`${primaryButton} ml-1 py-0.5 text-xs`} onClick={() => setDetailed(true)}>
            Read action runs for {Math.min(MAX_DETAILED, total)} pipelines
          </button>
        )}
      </p>
      <FigureCards figures={totals.executions} days={days} />
      <OutcomeChart buckets={totals.buckets} days={days} scope=", all pipelines shown" fileName="insights-outcomes" />
      <PipelinesTable rows={settledRows} figures={settledFigures} days={days} showSource={sources.length > 1} />
      <CacheControls read={page.read} />
    </main>
  );
}

function ReadingStatus({
  page,
  total,
  partial,
  onReadNew,
}: {
  page: ReturnType<typeof useInsightsPage>;
  total: number;
  partial: boolean;
  onReadNew: () => void;
}) {
  if (page.listing && total === 0) return <p role="status">Listing pipelines…</p>;
  const done = page.read >= total;
  // The oldest of the pipelines' newest reads: what the figures can be missing is at most this old.
  const readAt = done && total > 0 ? Math.min(...page.rows.map((r) => r.executions?.readAt ?? Infinity)) : undefined;
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 text-sm">
      <progress max={Math.max(1, total)} value={page.read} aria-label="History read" className="h-2 w-48 accent-sky-700" />
      <span>
        Read {page.read} of {total} pipelines
      </span>
      {partial && <strong className="text-amber-800 dark:text-amber-300">{done ? "Partial: some history is missing (see below)" : "Partial: still reading"}</strong>}
      <HistoryAge readAt={readAt !== undefined && Number.isFinite(readAt) ? readAt : undefined} onReadNew={onReadNew} />
    </div>
  );
}

function PipelinesTable({
  rows,
  figures,
  days,
  showSource,
}: {
  rows: InsightsPipeline[];
  figures: (ReturnType<typeof overviewFigures> | undefined)[];
  days: number;
  showSource: boolean;
}) {
  const data = rows.map((row, i) => ({ row, f: figures[i] }));
  return (
    <DataTable
      caption="Pipelines"
      fileName="insights-pipelines"
      rows={data}
      rowKey={(d) => d.row.key}
      empty="No pipeline matches."
      columns={[
        {
          label: "Pipeline",
          csv: (d) => d.row.summary.name,
          cell: (d) => (
            <Link to={paths.pipelineInsights.href(d.row.source, d.row.summary.name!)} className="font-semibold text-sky-900 underline dark:text-sky-200">
              <bdi>{d.row.summary.name}</bdi>
            </Link>
          ),
        },
        ...(showSource ? [{ label: "Source", csv: (d: (typeof data)[number]) => d.row.source.label }] : []),
        { label: "Type", csv: (d) => d.row.summary.pipelineType ?? "V1" },
        { label: "Executions", csv: (d) => d.f?.executions.current.runs, numeric: true },
        {
          label: "Success rate",
          csv: (d) => d.f?.executions.current.successRate,
          cell: (d) =>
            d.f ? (
              <span title={formatTrend({ current: d.f.executions.current.successRate, previous: d.f.executions.previous.successRate }, days)}>
                {formatPercent(d.f.executions.current.successRate)}
              </span>
            ) : (
              "…"
            ),
          numeric: true,
        },
        { label: "Median (ms)", csv: (d) => d.f?.executions.current.medianMs, cell: (d) => (d.f ? formatMs(d.f.executions.current.medianMs) : "…"), numeric: true },
        { label: "p95 (ms)", csv: (d) => d.f?.executions.current.p95Ms, cell: (d) => (d.f ? formatMs(d.f.executions.current.p95Ms) : "…"), numeric: true },
        {
          label: "Deployments a day",
          csv: (d) => d.f?.dora.current.deploymentFrequency.value,
          cell: (d) => (d.f ? formatFrequency(d.f.dora.current.deploymentFrequency.value) : "…"),
          numeric: true,
        },
        {
          label: "Change failure rate",
          csv: (d) => d.f?.dora.current.changeFailureRate.value,
          cell: (d) => (d.f?.dora.current.detailed ? formatPercent(d.f.dora.current.changeFailureRate.value) : "–"),
          numeric: true,
        },
        {
          label: "Read",
          csv: (d) => (d.row.error ? "failed" : !d.row.executions ? "reading" : d.row.executions.complete ? "complete" : "partial"),
          cell: (d) => (d.row.error ? `failed: ${describeError(d.row.error)}` : !d.row.executions ? "reading…" : d.row.executions.complete ? "complete" : "partial"),
        },
      ]}
    />
  );
}

/** What this browser keeps of the history, and a way to drop it. */
function CacheControls({ read }: { read: number }) {
  const queryClient = useQueryClient();
  // Counted again as pipelines finish reading (each read writes the cache).
  const summary = useQuery(queryOptions({ queryKey: ["insights-cache-summary", read], queryFn: cacheSummary, staleTime: 0, placeholderData: (previous) => previous }));
  return (
    <section aria-labelledby="cache-heading" className="text-sm">
      <h2 id="cache-heading" className="font-semibold">
        History kept in this browser
      </h2>
      <p className="text-zinc-700 dark:text-zinc-300">
        {summary.data
          ? `${summary.data.pipelines} pipelines' history is cached (IndexedDB): a reload within ${HISTORY_STALE_MS / 60_000} minutes reads nothing, later only what is new.`
          : "…"}{" "}
        It holds execution
        and action run records only, never credentials.
        <button
          type="button"
          className={`${secondaryButton} ml-2 py-0.5 text-xs`}
          onClick={async () => {
            await clearHistoryCache();
            queryClient.removeQueries({ predicate: isInsightsHistory });
            await summary.refetch();
          }}
        >
          Clear cached history
        </button>
      </p>
    </section>
  );
}

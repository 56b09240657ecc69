import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useSource } from "../../app/source-context";
import { sortPipelines, type SortOrder } from "../../core/attention";
import type { PipelineHealth } from "../../core/status";
import { countHealth, filterPipelines } from "../../core/filter";
import { ErrorBanner } from "../../components/error-banner";
import { Staleness } from "../../components/staleness";
import { OverviewCounters } from "./overview-counters";
import { OverviewToolbar, parseSort, parseStatus } from "./overview-toolbar";
import { PipelineList } from "./pipeline-list";
import { useFavourites } from "./use-favourites";
import { useOverview } from "./use-overview";

/** The home page: every pipeline of the source, what needs a person first. Search, filter and sort live in the URL. */
export function OverviewPage() {
  const source = useSource();
  const [params, setParams] = useSearchParams();
  // The view lives in state, mirrored to the URL: merging quick successive changes into URL params would
  // start from a location that has not caught up yet and bring back values just cleared.
  const [view, setView] = useState(() => ({
    search: params.get("q") ?? "",
    status: parseStatus(params.get("status")),
    sort: parseSort(params.get("sort")),
  }));
  const { search, status, sort } = view;
  useEffect(() => {
    const next = new URLSearchParams();
    if (search) next.set("q", search);
    if (status) next.set("status", status);
    if (sort !== "attention") next.set("sort", sort);
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [search, status, sort, params, setParams]);
  const deferredSearch = useDeferredValue(search);
  const { favourites, toggle } = useFavourites(source.id);
  const { list, rows, failedRows, updatedAt } = useOverview(source, favourites);

  const visibleRows = useMemo(
    () => sortPipelines(filterPipelines(rows, { search: deferredSearch, statuses: status ? [status] : [] }), sort),
    [rows, deferredSearch, status, sort],
  );
  const counts = useMemo(() => countHealth(rows), [rows]);

  const update = (change: { search?: string; status?: PipelineHealth | ""; sort?: SortOrder }) =>
    setView((current) => ({ ...current, ...change }));

  const staleAfterMs = Math.max(source.polling.idleSeconds, source.polling.listSeconds) * 2000;
  const firstError = list.error ?? failedRows[0]?.error;

  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Pipelines</h1>
        <Staleness updatedAt={updatedAt} staleAfterMs={staleAfterMs} />
      </div>

      <div className="mt-4">
        <OverviewCounters counts={counts} active={status} onSelect={(s) => update({ status: s })} />
      </div>

      {firstError && (
        <div className="mt-4">
          <ErrorBanner
            error={firstError}
            lastGoodAt={updatedAt || undefined}
            what={list.error ? "the pipeline list" : `${failedRows.length} pipeline${failedRows.length === 1 ? "" : "s"}`}
          />
        </div>
      )}

      <div className="mt-6">
        <OverviewToolbar search={search} status={status} sort={sort} onChange={update} />
      </div>

      <p className="sr-only" role="status">
        {list.isSuccess ? `${visibleRows.length} of ${rows.length} pipelines shown` : ""}
      </p>

      <div className="mt-4">
        {list.isPending && !list.error ? (
          <p className="py-8 text-center text-zinc-600 dark:text-zinc-400">Loading pipelines…</p>
        ) : list.isSuccess && rows.length === 0 ? (
          <p className="py-8 text-center text-zinc-600 dark:text-zinc-400">
            There are no pipelines in {source.label}.
          </p>
        ) : list.isSuccess && visibleRows.length === 0 ? (
          <p className="py-8 text-center text-zinc-600 dark:text-zinc-400">No pipeline matches the search and filter.</p>
        ) : (
          <PipelineList rows={visibleRows} source={source} onToggleFavourite={toggle} />
        )}
      </div>
    </main>
  );
}

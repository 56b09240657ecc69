import { useDeferredValue, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useSource } from "../../app/source-context";
import { sortPipelines } from "../../core/attention";
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
  // Typing goes to local state first: the URL updates asynchronously and a controlled input bound to it drops keys.
  const [search, setSearch] = useState(() => params.get("q") ?? "");
  const status = parseStatus(params.get("status"));
  const sort = parseSort(params.get("sort"));
  const deferredSearch = useDeferredValue(search);
  const { favourites, toggle } = useFavourites(source.id);
  const { list, rows, failedRows, updatedAt } = useOverview(source, favourites);

  const visibleRows = useMemo(
    () => sortPipelines(filterPipelines(rows, { search: deferredSearch, statuses: status ? [status] : [] }), sort),
    [rows, deferredSearch, status, sort],
  );
  const counts = useMemo(() => countHealth(rows), [rows]);

  const update = (change: { search?: string; status?: string; sort?: string }) => {
    if (change.search !== undefined) setSearch(change.search);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        const set = (key: string, value: string | undefined, fallback: string) => {
          if (value === undefined) return;
          if (value === fallback) next.delete(key);
          else next.set(key, value);
        };
        set("q", change.search, "");
        set("status", change.status, "");
        set("sort", change.sort, "attention");
        return next;
      },
      { replace: true },
    );
  };

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

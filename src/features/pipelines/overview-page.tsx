import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useSources } from "../../lib/sources/source-context";
import { sortPipelines } from "../../core/attention";
import { countHealth, filterPipelines } from "../../core/filter";
import { pollingPolicy } from "../../lib/polling/policy";
import { OverviewCounters } from "./overview-counters";
import { OverviewFreshness } from "./overview-freshness";
import { OverviewProblems } from "./overview-problems";
import { OverviewToolbar, parseSort, parseStatus, type OverviewView } from "./overview-toolbar";
import { PipelineList } from "./pipeline-list";
import { useFavourites } from "./use-favourites";
import { useOverview } from "./use-overview";

/** The home page: every pipeline of every source, what needs a person first. Search, filter and sort live in the URL. */
export function OverviewPage() {
  const sources = useSources();
  const [params, setParams] = useSearchParams();
  // The view lives in state, mirrored to the URL: merging quick successive changes into URL params would
  // start from a location that has not caught up yet and bring back values just cleared.
  const [view, setView] = useState<OverviewView>(() => ({
    search: params.get("q") ?? "",
    status: parseStatus(params.get("status")),
    sort: parseSort(params.get("sort")),
    source: sources.some((s) => s.id === params.get("source")) ? params.get("source")! : "",
  }));
  const { search, status, sort } = view;
  useEffect(() => {
    const next = new URLSearchParams();
    if (search) next.set("q", search);
    if (status) next.set("status", status);
    if (sort !== "attention") next.set("sort", sort);
    if (view.source) next.set("source", view.source);
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [search, status, sort, view.source, params, setParams]);
  const deferredSearch = useDeferredValue(search);
  const { isFavourite, toggle } = useFavourites(sources);
  // Only the chosen source is read while a source is picked: the others' requests are not needed.
  const shown = useMemo(() => sources.filter((s) => !view.source || s.id === view.source), [sources, view.source]);
  const { lists, rows } = useOverview(shown, isFavourite);

  const visibleRows = useMemo(
    () => sortPipelines(filterPipelines(rows, { search: deferredSearch, statuses: status ? [status] : [] }), sort),
    [rows, deferredSearch, status, sort],
  );
  const counts = useMemo(() => countHealth(rows), [rows]);

  const update = (change: Partial<OverviewView>) => setView((current) => ({ ...current, ...change }));

  const staleAfterMs = pollingPolicy.staleAfterMs(sources[0].polling, "lists");
  const failedLists = lists.filter((l) => l.error);
  const pending = lists.some((l) => l.isPending && !l.error);
  const anyListed = lists.some((l) => !l.isPending);
  const several = sources.length > 1;

  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Pipelines</h1>
        <OverviewFreshness rows={rows} lists={lists} staleAfterMs={staleAfterMs} />
      </div>

      <div className="mt-4">
        <OverviewCounters counts={counts} active={status} onSelect={(s) => update({ status: s })} />
      </div>

      <OverviewProblems lists={lists} rows={rows} named={several} />

      <div className="mt-6">
        <OverviewToolbar view={view} onChange={update} />
      </div>

      <p className="sr-only" role="status">
        {anyListed ? `${visibleRows.length} of ${rows.length} pipelines shown` : ""}
      </p>

      <div className="mt-4">
        {rows.length === 0 && pending ? (
          <p className="py-8 text-center text-zinc-600 dark:text-zinc-400">Loading pipelines…</p>
        ) : rows.length === 0 && anyListed && failedLists.length < shown.length ? (
          <p className="py-8 text-center text-zinc-600 dark:text-zinc-400">
            There are no pipelines in {shown.length === 1 ? shown[0].label : "any source"}.
          </p>
        ) : anyListed && visibleRows.length === 0 && rows.length > 0 ? (
          <p className="py-8 text-center text-zinc-600 dark:text-zinc-400">No pipeline matches the search and filter.</p>
        ) : (
          <PipelineList rows={visibleRows} showSource={several} onToggleFavourite={(row) => toggle(row.source, row.name)} />
        )}
      </div>
    </main>
  );
}

import { useId, useState } from "react";
import { Link } from "react-router";
import { paths } from "../../lib/paths";
import { useSources } from "../../lib/sources/source-context";
import { SourceFilter } from "../../components/source-filter";
import { SORT_ORDERS, type SortOrder } from "../../core/attention";
import { HEALTH_LABELS, PIPELINE_HEALTHS, type PipelineHealth } from "../../core/status";
import { fieldClass, secondaryButton } from "../../components/styles";

const SORT_LABELS: Record<SortOrder, string> = {
  attention: "Attention first",
  name: "Name",
  "last-change": "Last change",
};


export interface OverviewView {
  search: string;
  status: PipelineHealth | "";
  sort: SortOrder;
  /** A source id, or "" for every source. */
  source: string;
}

export function OverviewToolbar({ view, onChange }: { view: OverviewView; onChange: (change: Partial<OverviewView>) => void }) {
  const { search, status, sort } = view;
  const sources = useSources();
  // New pipelines go to the source being looked at, or the default one.
  const source = sources.find((s) => s.id === view.source) ?? sources[0];
  // Below `lg` the search, filters and sort fold into a panel, so the cards start near the top of a phone.
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const active = [search !== "", status !== "", view.source !== "", sort !== "attention"].filter(Boolean).length;
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className={`${secondaryButton} min-h-11 lg:hidden`}
      >
        {open ? "Hide search and filters" : "Search and filters"}
        {active > 0 && ` (${active} on)`}
      </button>
      <form
        id={panelId}
        role="search"
        aria-label="Pipelines"
        className={`w-full flex-wrap items-end gap-4 lg:flex lg:w-auto ${open ? "flex" : "hidden"}`}
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="flex flex-col gap-1 text-sm font-medium max-sm:w-full">
          Search pipelines
          <input
            type="search"
            value={search}
            placeholder="Name contains…"
            onChange={(e) => onChange({ search: e.target.value })}
            className={`${fieldClass} w-full sm:w-72`}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Status
          <select
            value={status}
            onChange={(e) => onChange({ status: e.target.value as PipelineHealth | "" })}
            className={fieldClass}
          >
            <option value="">All statuses</option>
            {PIPELINE_HEALTHS.map((health) => (
              <option key={health} value={health}>
                {HEALTH_LABELS[health]}
              </option>
            ))}
          </select>
        </label>
        <SourceFilter value={view.source} onSelect={(source) => onChange({ source })} />
        <label className="flex flex-col gap-1 text-sm font-medium">
          Sort by
          <select value={sort} onChange={(e) => onChange({ sort: e.target.value as SortOrder })} className={fieldClass}>
            {SORT_ORDERS.map((order) => (
              <option key={order} value={order}>
                {SORT_LABELS[order]}
              </option>
            ))}
          </select>
        </label>
      </form>
      {!source.readOnly && (
        <Link
          to={paths.createPipeline.href(source)}
          className={`${secondaryButton} max-lg:inline-flex max-lg:min-h-11 max-lg:items-center`}
        >
          New pipeline
        </Link>
      )}
    </div>
  );
}

export function parseSort(value: string | null): SortOrder {
  return SORT_ORDERS.includes(value as SortOrder) ? (value as SortOrder) : "attention";
}

export function parseStatus(value: string | null): PipelineHealth | "" {
  return PIPELINE_HEALTHS.includes(value as PipelineHealth) ? (value as PipelineHealth) : "";
}

import { BANDS_SOURCE, DORA_BANDS, type Band, type DoraKey } from "../../../core/insights/bands";
import type { DoraFigures } from "../../../core/insights/dora";
import { BAND_LABELS, formatFrequency, formatMs, formatPercent, formatTrend } from "../../../core/insights/format";
import type { Trend } from "../../../core/insights/stats";
import { Sparkline } from "./sparkline";

const KEY_TITLES: Record<DoraKey, string> = {
  deploymentFrequency: "Deployment frequency",
  leadTime: "Lead time for changes",
  changeFailureRate: "Change failure rate",
  timeToRestore: "Time to restore",
};

const BAND_STYLES: Record<Band, string> = {
  elite: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  high: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  low: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
};

function valueText(key: DoraKey, f: DoraFigures): string {
  switch (key) {
    case "deploymentFrequency":
      return formatFrequency(f.deploymentFrequency.value);
    case "leadTime":
      return formatMs(f.leadTime.value);
    case "changeFailureRate":
      return formatPercent(f.changeFailureRate.value);
    case "timeToRestore":
      return formatMs(f.timeToRestore.value);
  }
}

function detailText(key: DoraKey, f: DoraFigures): string {
  switch (key) {
    case "deploymentFrequency":
      return `${f.deployments} deployments through ${f.production ?? "the last stage"}${f.rollbacks ? `, ${f.rollbacks} rollbacks` : ""}`;
    case "leadTime":
      return f.detailed ? `median from commit to production, p95 ${formatMs(f.leadTime.p95)}, ${f.leadTime.measured} changes with a commit time` : "needs action runs";
    case "changeFailureRate":
      return f.detailed ? `${f.changeFailureRate.failed} of ${f.changeFailureRate.reached} changes reaching production failed or were rolled back` : "needs action runs";
    case "timeToRestore":
      return f.detailed
        ? `median over ${f.timeToRestore.incidents} restored failures, p95 ${formatMs(f.timeToRestore.p95)}${f.timeToRestore.unresolved ? "; one failure not restored yet" : ""}`
        : "needs action runs";
  }
}

const trendValue = (key: DoraKey, f: DoraFigures) => f[key].value;

/** The four keys, each rated with its DORA band and that band list's thresholds beside it. */
export function DoraKeys({
  dora,
  days,
  sparklines,
  keys = ["deploymentFrequency", "leadTime", "changeFailureRate", "timeToRestore"],
}: {
  dora: Trend<DoraFigures>;
  days: number;
  /** Per key, values over the window (oldest first) for a sparkline. */
  sparklines?: Partial<Record<DoraKey, number[]>>;
  keys?: DoraKey[];
}) {
  return (
    <section aria-labelledby="dora-heading">
      <h2 id="dora-heading" className="text-lg font-semibold">
        DORA four keys
      </h2>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">Bands: {BANDS_SOURCE}.</p>
      <ul className="mt-2 grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {keys.map((key) => {
          const band = dora.current[key].band;
          const known = dora.current[key].value !== undefined;
          return (
            <li key={key} className="rounded-lg border border-zinc-300 p-3 dark:border-zinc-700" aria-label={KEY_TITLES[key]}>
              <h3 className="text-sm font-semibold">{KEY_TITLES[key]}</h3>
              <p className="mt-1 flex flex-wrap items-baseline gap-2">
                <span className="text-2xl font-bold tabular-nums" data-testid={`dora-${key}`}>
                  {valueText(key, dora.current)}
                </span>
                {band && known && <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${BAND_STYLES[band]}`}>{BAND_LABELS[band]}</span>}
              </p>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">{detailText(key, dora.current)}</p>
              <p className="mt-1 text-xs">{formatTrend({ current: trendValue(key, dora.current), previous: trendValue(key, dora.previous) }, days)}</p>
              {sparklines?.[key] && <Sparkline values={sparklines[key]} label={`${KEY_TITLES[key]} over the window`} />}
              <ul className="mt-2 border-t border-zinc-200 pt-1 text-xs text-zinc-700 dark:border-zinc-800 dark:text-zinc-300" aria-label={`${KEY_TITLES[key]} bands`}>
                {DORA_BANDS[key].rules.map((r) => (
                  <li key={r.band} className={r.band === band && known ? "font-semibold text-zinc-950 dark:text-white" : undefined}>
                    {BAND_LABELS[r.band]}: {r.label}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

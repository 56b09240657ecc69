import type { RunFigures } from "../../../core/insights/figures";
import { formatMs, formatPercent, formatTrend } from "../../../core/insights/format";
import type { Trend } from "../../../core/insights/stats";

/** Executions, success rate, median and p95 duration, each with its trend. */
export function FigureCards({ figures, days }: { figures: Trend<RunFigures>; days: number }) {
  const { current, previous } = figures;
  const cards = [
    { label: "Executions", value: String(current.runs), trend: { current: current.runs, previous: previous.runs } },
    { label: "Success rate", value: formatPercent(current.successRate), trend: { current: current.successRate, previous: previous.successRate } },
    { label: "Median duration", value: formatMs(current.medianMs), trend: { current: current.medianMs, previous: previous.medianMs } },
    { label: "p95 duration", value: formatMs(current.p95Ms), trend: { current: current.p95Ms, previous: previous.p95Ms } },
  ];
  return (
    <section aria-labelledby="runs-heading">
      <h2 id="runs-heading" className="text-lg font-semibold">
        Executions
      </h2>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Success rate = succeeded ÷ finished (succeeded, failed, stopped): {current.succeeded} of {current.succeeded + current.failed + current.stopped};{" "}
        {current.excluded} cancelled or superseded left out. Durations are of succeeded executions.
      </p>
      <ul className="mt-2 grid grid-cols-2 gap-3 xl:grid-cols-4">
        {cards.map((c) => (
          <li key={c.label} className="rounded-lg border border-zinc-300 p-3 dark:border-zinc-700" aria-label={c.label}>
            <h3 className="text-sm font-semibold">{c.label}</h3>
            <p className="mt-1 text-2xl font-bold tabular-nums" data-testid={`figure-${c.label}`}>
              {c.value}
            </p>
            <p className="text-xs">{formatTrend(c.trend, days)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

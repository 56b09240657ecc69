import { useEffect, useRef, useState, type ReactNode } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatExactTime } from "../../../core/format";

/** The viewer's time zone, shown beside every chart: the axes are in local time. */
export const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface ChartSeries {
  label: string;
  /** One value per x; null for a gap. */
  values: (number | null)[];
  kind: "points" | "line" | "bars";
  /** Light and dark colours: the page follows the system theme. */
  colour: [light: string, dark: string];
}

function useDark() {
  const query = typeof window !== "undefined" ? window.matchMedia("(prefers-color-scheme: dark)") : undefined;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [query]);
  return dark;
}

/**
 * A uPlot chart over time (canvas: small and fast with thousands of points). Canvas is invisible to assistive
 * technology, so the figure carries a one-line summary as its accessible name and a table with every value
 * behind a "Show as table" disclosure, reachable by keyboard. Colours follow the system theme.
 */
export function TimeChart({
  title,
  summary,
  x,
  series,
  yLabel,
  formatY,
  table,
  height = 220,
}: {
  title: string;
  summary: string;
  /** Epoch seconds. */
  x: number[];
  series: ChartSeries[];
  yLabel: string;
  formatY: (value: number) => string;
  table: ReactNode;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const dark = useDark();
  useEffect(() => {
    const element = box.current;
    if (!element || x.length === 0) return;
    const axis = dark ? "#d4d4d8" : "#3f3f46";
    const grid = dark ? "#3f3f46" : "#e4e4e7";
    const bars = uPlot.paths.bars?.({ size: [0.8, 40] });
    const chart = new uPlot(
      {
        width: element.clientWidth || 600,
        height,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          { stroke: axis, grid: { stroke: grid } },
          { stroke: axis, grid: { stroke: grid }, label: yLabel, values: (_u, ticks) => ticks.map(formatY), size: 70 },
        ],
        // The legend shows the values under the cursor; with none there, nothing (uPlot's default is "--").
        series: [
          { value: (_u, v) => (v == null ? "" : formatExactTime(new Date(v * 1000))) },
          ...series.map((s) => {
            const colour = s.colour[dark ? 1 : 0];
            const value = (_u: uPlot, v: number | null) => (v == null ? "" : formatY(v));
            return s.kind === "points"
              ? { label: s.label, value, stroke: colour, paths: () => null, points: { show: true, size: 5, fill: colour, stroke: colour } }
              : s.kind === "bars"
                ? { label: s.label, value, stroke: colour, fill: colour, paths: bars, points: { show: false } }
                : { label: s.label, value, stroke: colour, width: 2, points: { show: false } };
          }),
        ],
      },
      [x, ...series.map((s) => s.values)],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [x, series, dark, height, yLabel, formatY]);

  return (
    <figure className="min-w-0 rounded-lg border border-zinc-300 p-3 dark:border-zinc-700">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{title}</span>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">Times in {TIME_ZONE}</span>
      </figcaption>
      {x.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Nothing in this window.</p>
      ) : (
        <div ref={box} role="img" aria-label={`${title}: ${summary}`} className="insights-chart mt-2 w-full" />
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer rounded font-medium text-sky-800 focus-visible:outline-2 focus-visible:outline-sky-700 dark:text-sky-300">
          Show as table
        </summary>
        <div className="mt-2 max-h-72 overflow-auto">{table}</div>
      </details>
    </figure>
  );
}

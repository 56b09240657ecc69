import { useEffect, useRef } from "react";
import uPlot from "uplot";

/** A small trend line (uPlot, no axes); its values are also given as text for screen readers. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || values.length < 2) return;
    const chart = new uPlot(
      {
        width: element.clientWidth || 160,
        height: 32,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false } },
        axes: [{ show: false }, { show: false }],
        // Canvas has no currentColor: take the theme's colour from the element.
        series: [{}, { stroke: getComputedStyle(element).color, width: 1.5, points: { show: false } }],
      },
      [values.map((_, i) => i), values],
      element,
    );
    return () => chart.destroy();
  }, [values]);
  if (values.length < 2) return null;
  return (
    <div className="mt-1 text-sky-700 dark:text-sky-300">
      <div ref={box} aria-hidden="true" />
      <p className="sr-only">
        {label}: {values.map((v) => Math.round(v * 100) / 100).join(", ")}
      </p>
    </div>
  );
}

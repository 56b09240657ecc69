import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { PipelineRow, ROW_GRID } from "./pipeline-row";
import type { OverviewRow } from "./use-overview";

const ROW_ESTIMATE_PX = 76;
/** Below the `lg` breakpoint rows are cards, one cell a line. */
const CARD_ESTIMATE_PX = 180;
const cards = () => !window.matchMedia("(min-width: 64rem)").matches;

/** Only rows on screen (plus a few) exist in the DOM, and only those poll: 1000 pipelines cost ~20 rows. */
export function PipelineList({
  rows,
  showSource,
  onToggleFavourite,
}: {
  rows: OverviewRow[];
  showSource: boolean;
  onToggleFavourite: (row: OverviewRow) => void;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    setScrollMargin(listRef.current?.offsetTop ?? 0);
  }, []);

  // Once per render, not per row: the virtualizer estimates every row not yet measured (all of them, at 1000
  // pipelines); a matchMedia each cost 0.2 s of the first load of 56 pipelines at a phone's CPU (4x slowdown).
  const estimate = cards() ? CARD_ESTIMATE_PX : ROW_ESTIMATE_PX;
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: useCallback(() => estimate, [estimate]),
    overscan: 6,
    scrollMargin,
    // Stable while the rows are: a new key function makes the virtualizer lay out every row again.
    getItemKey: useCallback((index: number) => rows[index].key, [rows]),
    // Each row measured as it mounts re-rendered the list at once (flushSync) before the next was measured: one
    // forced layout per row. Batched, the rows mounted together are measured in one layout and rendered once.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();

  return (
    <>
      {/* Visual headings only: every cell below reads on its own for assistive tech. */}
      <div
        aria-hidden="true"
        className={`${ROW_GRID} border-b max-lg:hidden border-zinc-300 px-2 pb-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:border-zinc-700 dark:text-zinc-400`}
      >
        <span />
        <span>Pipeline</span>
        <span>Status</span>
        <span>Source revision</span>
        <span className="text-right">Last change</span>
      </div>
      <ul
      ref={listRef}
      aria-label="Pipelines"
      className="relative"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {items.map((item) => {
        const row = rows[item.index];
        return (
          <li
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            aria-setsize={rows.length}
            aria-posinset={item.index + 1}
            className="absolute inset-x-0 top-0"
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            <PipelineRow row={row} showSource={showSource} onToggleFavourite={onToggleFavourite} />
          </li>
        );
      })}
    </ul>
    </>
  );
}

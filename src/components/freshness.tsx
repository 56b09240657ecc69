import { useQuery } from "@tanstack/react-query";
import { describeFreshness, freshnessOf, type ShownRead } from "../core/freshness";
import { liveModeQuery } from "../lib/live/live-health";
import { useNow } from "./use-now";

/**
 * A page header's freshness: "Updated 12 s ago", "Some sources are 2 min old", "Stale: updated 5 min ago", in
 * words, not just colour, of the oldest part of `reads` (core/freshness.ts). One component for the overview, the
 * approvals inbox, the wall and the pipeline pages. A `timer`: it counts every second, which a live region would
 * read out every second; what failed is announced by the pages' error banners. A live-updates mode (issue 22)
 * adds its state here, beside the wording. `className`: the look of the page it sits in (default: the app's
 * small grey text, amber once something is stale); `pausedClassName` the paused mode's (default: the app's amber,
 * which follows the system's colour scheme; the wall has a theme of its own).
 */
export function Freshness({
  reads,
  staleAfterMs,
  className,
  pausedClassName = "font-semibold text-amber-800 dark:text-amber-300",
  testId,
}: {
  reads: readonly ShownRead[];
  staleAfterMs?: number;
  className?: string;
  pausedClassName?: string;
  testId?: string;
}) {
  const now = useNow().getTime();
  const freshness = freshnessOf(reads, now, staleAfterMs);
  const stale = freshness.kind === "stale" || freshness.kind === "partly-stale";
  // Which mode brings the data, set by live updates (src/lib/live/live-updates.ts); never fetched.
  const { data: mode } = useQuery(liveModeQuery);
  return (
    <span
      role="timer"
      className={className ?? `text-sm tabular-nums ${stale ? "font-semibold text-amber-800 dark:text-amber-300" : "text-zinc-600 dark:text-zinc-400"}`}
      data-testid={testId}
    >
      {describeFreshness(freshness, now)}
      {mode && <span className={mode.includes("paused") ? pausedClassName : undefined}> · {mode}</span>}
    </span>
  );
}

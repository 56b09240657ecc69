import { describeFreshness, freshnessOf, type ShownRead } from "../core/freshness";
import { formatExactTime } from "../core/format";
import { useNow } from "./use-now";

interface FreshnessProps {
  /** What the page shows (see core/freshness.ts): the age said is its oldest part's. */
  reads: readonly ShownRead[];
  /** Data older than this reads as stale even when its last read did not fail. */
  staleAfterMs?: number;
  /** The look of the page it sits in; by default the app's small grey text, amber once something is stale. */
  className?: string;
  /** Said until anything was read. */
  loadingText?: string;
  "data-testid"?: string;
}

/**
 * The freshness line of a page's header: "Updated 12 s ago", "Some sources are 2 min old", "Stale: updated 5 min
 * ago", in words, not just colour. One component for the overview, the approvals inbox, the wall and the pipeline
 * pages. A `timer`: it counts every second, which a live region would read out every second; what failed is
 * announced by the pages' error banners. A live-updates mode (issue 22) adds its state here, beside the wording.
 */
export function Freshness({ reads, staleAfterMs, className, loadingText, "data-testid": testId }: FreshnessProps) {
  const now = useNow().getTime();
  const freshness = freshnessOf(reads, now, staleAfterMs);
  const stale = freshness.kind === "stale" || freshness.kind === "partly-stale";
  const look =
    className ?? `text-sm tabular-nums ${stale ? "font-semibold text-amber-800 dark:text-amber-300" : "text-zinc-600 dark:text-zinc-400"}`;
  return (
    <span
      role="timer"
      className={look}
      data-freshness={freshness.kind}
      data-testid={testId}
      title={freshness.kind === "loading" ? undefined : `Oldest data shown: ${formatExactTime(new Date(freshness.since))}`}
    >
      {freshness.kind === "loading" && loadingText ? loadingText : describeFreshness(freshness, now)}
    </span>
  );
}

import { ErrorBanner } from "../../components/error-banner";
import type { OverviewRow, SourceList } from "./use-overview";

/**
 * One banner per failing source, naming it (`named`: more than one source is shown) from the first failing read
 * on, whether that is its pipeline list or a row, with the age of the oldest of what fails; the other sources'
 * banners and rows are untouched.
 */
export function OverviewProblems({ lists, rows, named }: { lists: readonly SourceList[]; rows: readonly OverviewRow[]; named: boolean }) {
  const banners = lists.flatMap(({ source, error, dataUpdatedAt }) => {
    const failed = rows.filter((row) => row.source === source && row.error);
    const shown = error ?? failed[0]?.error;
    if (!shown) return [];
    const times = [error ? dataUpdatedAt : 0, ...failed.map((row) => row.updatedAt)].filter((at) => at > 0);
    const what = [error && "the pipeline list", failed.length > 0 && `${failed.length} pipeline${failed.length === 1 ? "" : "s"}`].filter(Boolean).join(" and ");
    return [<ErrorBanner key={source.id} error={shown} lastGoodAt={times.length > 0 ? Math.min(...times) : undefined} what={named ? `${what} of ${source.label}` : what} />];
  });
  return banners.length > 0 && <div className="mt-4 space-y-2">{banners}</div>;
}

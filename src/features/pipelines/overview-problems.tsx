import { ErrorBanner } from "../../components/error-banner";
import type { Source } from "../../lib/aws/source";
import type { OverviewRow, SourceList } from "./use-overview";

interface SourceProblem {
  source: Source;
  listFailing: boolean;
  failedRows: number;
  error: Error;
  /** The oldest last good read among what fails. */
  lastGoodAt: number;
}

/** What fails, per source: its pipeline list, its rows, or both. */
export function problemsBySource(lists: readonly SourceList[], rows: readonly OverviewRow[]): SourceProblem[] {
  return lists.flatMap((list): SourceProblem[] => {
    const failed = rows.filter((row) => row.source === list.source && row.error);
    const error = list.error ?? failed[0]?.error;
    if (!error) return [];
    const times = [...(list.error ? [list.dataUpdatedAt] : []), ...failed.map((row) => row.updatedAt)].filter((at) => at > 0);
    return [{ source: list.source, listFailing: list.error !== null, failedRows: failed.length, error, lastGoodAt: times.length > 0 ? Math.min(...times) : 0 }];
  });
}

const plural = (n: number) => `${n} pipeline${n === 1 ? "" : "s"}`;

/**
 * One banner per failing source, naming it (`named`: more than one source is shown) from the first failing read
 * on, whether that is its list or a row; the other sources' banners and rows are untouched.
 */
export function OverviewProblems({ lists, rows, named }: { lists: readonly SourceList[]; rows: readonly OverviewRow[]; named: boolean }) {
  const problems = problemsBySource(lists, rows);
  if (problems.length === 0) return null;
  return (
    <div className="mt-4 space-y-2">
      {problems.map(({ source, listFailing, failedRows, error, lastGoodAt }) => {
        const what = [listFailing && "the pipeline list", failedRows > 0 && plural(failedRows)].filter(Boolean).join(" and ");
        return <ErrorBanner key={source.id} error={error} lastGoodAt={lastGoodAt || undefined} what={named ? `${what} of ${source.label}` : what} />;
      })}
    </div>
  );
}

import type { QueryClient } from "@tanstack/react-query";
import { codepipelineKeys, sourceOfKey } from "../aws/query-keys";

/** What is needed of a query: React Query's `Query`, as the cache and `refetchInterval` hand it over. */
interface ReadQuery {
  state: { status: string; errorUpdateCount: number };
}

/**
 * Each query's `errorUpdateCount` at its last success: the errors it counted since are its failures in a row.
 * React Query keeps only `fetchFailureCount`, which counts the retries of one fetch and starts again at 0 with
 * every fetch, so it never says how many polls in a row have failed.
 */
const errorsAtLastSuccess = new WeakMap<object, number>();

/** How many reads of `query` in a row have failed (0 while its latest succeeded): the wall's backoff and staleness. */
export function failuresInRow(query: ReadQuery | undefined): number {
  return query?.state.status === "error" ? errorsSinceLastSuccess(query) : 0;
}

const errorsSinceLastSuccess = (query: ReadQuery) => query.state.errorUpdateCount - (errorsAtLastSuccess.get(query) ?? 0);

/**
 * Mounted once for the app; returns the unsubscribe function. Counts failures in a row (`failuresInRow`), and
 * clears errors as soon as their source is back: when a read that was failing succeeds again, every other
 * failing read of the same source (account and region) on screen is sent again at once, instead of at its own
 * next poll, which for a pipeline list or a row out of view is minutes away. Reads already on their way are
 * left alone, so a recovery costs at most one read per failing query.
 */
export function trackReadFailures(queryClient: QueryClient): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success") return;
    const { query } = event;
    const recovered = errorsSinceLastSuccess(query) > 0;
    errorsAtLastSuccess.set(query, query.state.errorUpdateCount);
    const source = sourceOfKey(query.queryKey);
    if (!recovered || !source || event.action.manual) return;
    void queryClient.refetchQueries(
      {
        queryKey: codepipelineKeys.source(source),
        type: "active",
        predicate: (other) => other !== query && other.state.status === "error" && other.state.fetchStatus === "idle",
      },
      { cancelRefetch: false },
    );
  });
}


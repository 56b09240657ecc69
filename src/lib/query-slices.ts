import type { UseQueryResult } from "@tanstack/react-query";

/** What a page needs of each query of a `useQueries`. */
export interface QuerySlice<T> {
  data: T | undefined;
  error: Error | null;
  isPending: boolean;
  dataUpdatedAt: number;
}

/**
 * For `useQueries({ combine: slices })`. Module scope, so the function is stable and React Query hands back the
 * same (structurally shared) array while nothing changed; the whole result objects would change every render.
 */
export function slices<T>(results: UseQueryResult<T>[]): QuerySlice<T>[] {
  return results.map(({ data, error, isPending, dataUpdatedAt }) => ({ data, error, isPending, dataUpdatedAt }));
}

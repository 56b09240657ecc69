import { useState } from "react";

export interface Answer {
  key: string;
  data: unknown;
  error: Error | null;
}

/**
 * The last error of each query until it has data again. React Query clears `error` (back to "pending") each
 * time a query that never had data fetches again, so a source that keeps failing (a role it may not assume)
 * would blink its error away on every retry round and look as if it were loading.
 */
export function useStickyErrors(answers: Answer[]): ReadonlyMap<string, Error> {
  const [sticky, setSticky] = useState<ReadonlyMap<string, Error>>(() => new Map());
  let next: Map<string, Error> | undefined;
  for (const { key, data, error } of answers) {
    const kept = sticky.get(key);
    const wanted = error ?? (data === undefined ? kept : undefined);
    if (wanted !== kept) {
      next ??= new Map(sticky);
      if (wanted) next.set(key, wanted);
      else next.delete(key);
    }
  }
  // Render-time update from props (React's "storing information from previous renders" pattern); converges
  // because a second pass finds nothing to change.
  if (next) setSticky(next);
  return next ?? sticky;
}

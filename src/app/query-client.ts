import { notifyManager, QueryClient } from "@tanstack/react-query";

/**
 * With a thousand pipelines, answers arrive one by one and each would re-render the overview. Coalescing the
 * notifications of 50 ms into one task lets React render them together: at most 20 renders a second, a delay
 * nobody sees.
 */
let pending: (() => void)[] = [];
notifyManager.setScheduler((callback) => {
  pending.push(callback);
  if (pending.length === 1) {
    setTimeout(() => {
      const callbacks = pending;
      pending = [];
      callbacks.forEach((run) => run());
    }, 50);
  }
});

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The SDK already retries with adaptive backoff; one more round here covers credential refreshes.
        retry: 1,
        // Scrolling a row back into view should not refetch what arrived a moment ago.
        staleTime: 3_000,
      },
    },
  });
}

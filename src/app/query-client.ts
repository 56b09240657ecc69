import { notifyManager, QueryClient } from "@tanstack/react-query";

/**
 * With a thousand pipelines, answers arrive one by one and each would re-render the overview. Coalescing the
 * notifications of 50 ms into one task lets React render them together, a delay nobody sees. In a burst (the
 * first load reads every pipeline) renders are BURST_GAP_MS apart: each render of a page over every pipeline
 * costs about the same however many answers it takes in, and on a phone's CPU each was a long task.
 */
const WINDOW_MS = 50;
const BURST_GAP_MS = 250;
let pending: (() => void)[] = [];
let lastFlush = -Infinity;
notifyManager.setScheduler((callback) => {
  pending.push(callback);
  if (pending.length === 1) {
    setTimeout(
      () => {
        lastFlush = performance.now();
        const callbacks = pending;
        pending = [];
        callbacks.forEach((run) => run());
      },
      Math.max(WINDOW_MS, lastFlush + BURST_GAP_MS - performance.now()),
    );
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

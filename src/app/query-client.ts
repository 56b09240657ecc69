import { notifyManager, QueryClient, timeoutManager } from "@tanstack/react-query";
import { coalescedTimers } from "../lib/polling/coalesced-timers";

// Before any query exists: a provider's timers can only be cleared by that provider.
timeoutManager.setTimeoutProvider(
  coalescedTimers({
    setTimeout: (callback, delay) => setTimeout(callback, delay),
    clearTimeout: (id) => clearTimeout(id as number | undefined),
    setInterval: (callback, delay) => setInterval(callback, delay),
    clearInterval: (id) => clearInterval(id as number | undefined),
  }),
);

/**
 * With a thousand pipelines, answers arrive one by one and each would re-render the overview. Coalescing the
 * notifications of 50 ms into one task lets React render them together, a delay nobody sees. In a burst (the
 * first load reads every pipeline) renders are BURST_GAP_MS apart: each render of a page over every pipeline
 * costs about the same however many answers it takes in, and on a phone's CPU each was a long task. A burst is
 * a flush of BURST_SIZE notifications or more: a page waiting on a chain of a few reads (an approval's state,
 * then its execution) is not held 250 ms at each link.
 */
const WINDOW_MS = 50;
const BURST_GAP_MS = 250;
const BURST_SIZE = 10;
let pending: (() => void)[] = [];
let lastFlush = -Infinity;
let lastFlushSize = 0;
notifyManager.setScheduler((callback) => {
  pending.push(callback);
  if (pending.length === 1) {
    setTimeout(
      () => {
        lastFlush = performance.now();
        const callbacks = pending;
        lastFlushSize = callbacks.length;
        pending = [];
        callbacks.forEach((run) => run());
      },
      lastFlushSize >= BURST_SIZE ? Math.max(WINDOW_MS, lastFlush + BURST_GAP_MS - performance.now()) : WINDOW_MS,
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

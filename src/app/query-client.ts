import { QueryClient } from "@tanstack/react-query";

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

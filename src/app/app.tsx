import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { RouterProvider } from "react-router";
import type { DashboardConfig } from "../config/schema";
import { followStateChanges } from "../lib/polling/follow-state-changes";
import { trackReadFailures } from "../lib/polling/read-failures";
import { createSources } from "../lib/aws/source";
import { createQueryClient } from "./query-client";
import { router } from "./router";
import { SourceContext, SourcesContext } from "../lib/sources/source-context";

export function App({ config }: { config: DashboardConfig }) {
  // One client and one limiter per account/region, for the life of the page: each has its own API limits.
  const [sources] = useState(() => createSources(config));
  const [queryClient] = useState(createQueryClient);
  useEffect(() => followStateChanges(queryClient), [queryClient]);
  useEffect(() => trackReadFailures(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <SourcesContext value={sources}>
        <SourceContext value={sources[0]}>
          <RouterProvider router={router} />
        </SourceContext>
      </SourcesContext>
    </QueryClientProvider>
  );
}

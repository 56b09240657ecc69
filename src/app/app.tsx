import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { RouterProvider } from "react-router";
import type { DashboardConfig } from "../config/schema";
import { SignatureV4 } from "@smithy/signature-v4";
import { resolveSources } from "../config/sources";
import { codepipelineKeys, pipelineOfKey } from "../lib/aws/query-keys";
import { followStateChanges } from "../lib/polling/follow-state-changes";
import { trackReadFailures } from "../lib/polling/read-failures";
import { createSources } from "../lib/aws/source";
import { createQueryClient } from "./query-client";
import { createRouter } from "./router";
import { SourceContext, SourcesContext } from "../lib/sources/source-context";

export function App({ config }: { config: DashboardConfig }) {
  // One client and one limiter per account/region, for the life of the page: each has its own API limits.
  // Credentials are asked for at once (on a phone: four round trips to Cognito), with the route's chunk, not after
  // the first commit. A failure here is the reads' to report, when they ask again.
  const [sources] = useState(() => {
    const created = createSources(config);
    for (const source of created) void source.credentials().catch(() => undefined);
    return created;
  });
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  useEffect(() => followStateChanges(queryClient), [queryClient]);
  useEffect(() => {
    const { events } = config;
    if (!events) return;
    // The live client loads only with an `events` block: the first page's script stays as it was without it.
    const started = import("../lib/live/live-updates").then(({ startLiveUpdates }) =>
      startLiveUpdates({ ...config, events }, sources, queryClient, { SignatureV4, codepipelineKeys, pipelineOfKey, resolveSources }),
    );
    return () => void started.then((stop) => stop());
  }, [config, sources, queryClient]);
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

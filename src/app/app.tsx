import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { RouterProvider } from "react-router";
import type { DashboardConfig } from "../config/schema";
import { followStateChanges } from "../lib/aws/codepipeline-queries";
import { createSource } from "../lib/aws/source";
import { createQueryClient } from "./query-client";
import { router } from "./router";
import { SourceContext } from "./source-context";

export function App({ config }: { config: DashboardConfig }) {
  // One client and one limiter per credential source, for the life of the page.
  const [source] = useState(() => createSource(config));
  const [queryClient] = useState(createQueryClient);
  useEffect(() => followStateChanges(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <SourceContext value={source}>
        <RouterProvider router={router} />
      </SourceContext>
    </QueryClientProvider>
  );
}

import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { RouterProvider } from "react-router";
import type { DashboardConfig } from "../config/schema";
import { createSource } from "../lib/aws/source";
import { createQueryClient } from "./query-client";
import { router } from "./router";
import { SourceContext } from "./source-context";

export function App({ config }: { config: DashboardConfig }) {
  // One client and one limiter per credential source, for the life of the page.
  const [source] = useState(() => createSource(config));
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <SourceContext value={source}>
        <RouterProvider router={router} />
      </SourceContext>
    </QueryClientProvider>
  );
}

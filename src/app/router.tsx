import { createBrowserRouter, type RouteObject } from "react-router";
import { Layout } from "./layout";
import { RouteError } from "./route-error";
import { OverviewPage } from "../features/pipelines/overview-page";
import { paths } from "./paths";
import { executionPattern } from "../features/pipeline/lib/paths";
import { approvalPaths } from "../features/approvals/lib/paths";
import { RouteSource } from "./route-source";

/** Pages about one source's pipelines: at the root for the default source, under `sources/:sourceId` for the others. */
const sourceRoutes: RouteObject[] = [
  {
    path: paths.pipeline.pattern,
    // Lazy: the pipeline page (graph and all) must not weigh on the overview's first load.
    lazy: async () => ({ Component: (await import("../features/pipeline/routes/pipeline-page")).default }),
  },
  {
    path: executionPattern,
    lazy: async () => ({ Component: (await import("../features/pipeline/routes/execution-page")).default }),
  },
  {
    path: paths.createPipeline.pattern,
    lazy: async () => ({ Component: (await import("../features/definition/routes/create-pipeline-page")).default }),
  },
  {
    path: approvalPaths.approvalPattern,
    lazy: async () => ({ Component: (await import("../features/approvals/routes/approval-page")).default }),
  },
];

export const router = createBrowserRouter([
  // The wall display is a kiosk: no app header or navigation around it.
  {
    path: "wall",
    errorElement: <RouteError />,
    lazy: async () => ({ Component: (await import("../features/wall/wall-route")).default }),
  },
  {
    path: "wall/setup",
    errorElement: <RouteError />,
    lazy: async () => ({ Component: (await import("../features/wall/wall-route")).WallSetupRoute }),
  },
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      ...sourceRoutes,
      { path: paths.source.pattern, element: <RouteSource />, children: sourceRoutes },
      {
        path: approvalPaths.inboxPattern,
        lazy: async () => ({ Component: (await import("../features/approvals/routes/approvals-page")).default }),
      },
      { path: "*", element: <RouteError notFound /> },
    ],
  },
]);

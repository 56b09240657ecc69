import { createBrowserRouter } from "react-router";
import { Layout } from "./layout";
import { RouteError } from "./route-error";
import { OverviewPage } from "../features/pipelines/overview-page";
import { paths } from "./paths";
import { pipelinePaths } from "../features/pipeline/lib/paths";

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
      {
        path: paths.pipeline.pattern,
        // Lazy: the pipeline page (graph and all) must not weigh on the overview's first load.
        lazy: async () => ({ Component: (await import("../features/pipeline/routes/pipeline-page")).default }),
      },
      {
        path: pipelinePaths.executionPattern,
        lazy: async () => ({ Component: (await import("../features/pipeline/routes/execution-page")).default }),
      },
      {
        path: paths.createPipeline.pattern,
        lazy: async () => ({ Component: (await import("../features/definition/routes/create-pipeline-page")).default }),
      },
      {
        path: "approvals",
        lazy: async () => ({ Component: (await import("../features/approvals/routes/approvals-page")).default }),
      },
      {
        path: "pipelines/:name/approvals/:stage/:action",
        lazy: async () => ({ Component: (await import("../features/approvals/routes/approval-page")).default }),
      },
      { path: "*", element: <RouteError notFound /> },
    ],
  },
]);

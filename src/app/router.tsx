import { createBrowserRouter } from "react-router";
import { Layout } from "./layout";
import { RouteError } from "./route-error";
import { OverviewPage } from "../features/pipelines/overview-page";
import { paths } from "./paths";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      {
        path: paths.pipeline.pattern,
        // Lazy: the pipeline page (graph and all) must not weigh on the overview's first load.
        lazy: async () => ({ Component: (await import("./routes/pipeline-route")).PipelineRoute }),
      },
      { path: "*", element: <RouteError notFound /> },
    ],
  },
]);

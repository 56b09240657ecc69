import { lazy } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { OverviewPage } from "../features/pipelines/overview-page";
import { paths } from "../lib/paths";
import { Layout } from "./layout";
import { RouteError } from "./route-error";
import { RouteSource } from "./route-source";

// Lazy: the Definition tab brings CodeMirror, which the graph and history never need.
const DefinitionTab = lazy(() => import("../features/definition/components/definition-tab"));
// Lazy: the Insights tab brings the charting library and the history reader.
const InsightsTab = lazy(() => import("../features/insights/components/pipeline-insights"));

/**
 * Pages about one source's pipelines: at the root for the default source, under `sources/:sourceId` for the
 * others. Lazy, so the pipeline page (graph and all) does not weigh on the overview's first load. Features never
 * import one another: the pipeline page gets its Definition tab from here.
 */
const sourceRoutes: RouteObject[] = [
  {
    path: paths.pipeline.pattern,
    lazy: async () => {
      const { default: PipelinePage } = await import("../features/pipeline/routes/pipeline-page");
      return { element: <PipelinePage definitionTab={DefinitionTab} insightsTab={InsightsTab} /> };
    },
  },
  {
    path: paths.execution.pattern,
    lazy: async () => ({ Component: (await import("../features/pipeline/routes/execution-page")).default }),
    // The action details panel, over the execution page and from its chunk (it loads the CodeBuild and Logs
    // clients itself, only when a run has a build or log).
    children: [{ path: paths.actionRun.pattern, lazy: async () => ({ Component: (await import("../features/pipeline/routes/execution-page")).ActionRunPanel }) }],
  },
  {
    path: paths.createPipeline.pattern,
    lazy: async () => ({ Component: (await import("../features/definition/routes/create-pipeline-page")).default }),
  },
  {
    path: paths.approval.pattern,
    lazy: async () => ({ Component: (await import("../features/approvals/routes/approval-page")).default }),
  },
];

export const router = createBrowserRouter([
  // The wall display is a kiosk: no app header or navigation around it.
  {
    path: paths.wall.pattern,
    errorElement: <RouteError />,
    lazy: async () => ({ Component: (await import("../features/wall/wall-route")).default }),
  },
  {
    path: paths.wallSetup.pattern,
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
        path: paths.insights.pattern,
        lazy: async () => ({ Component: (await import("../features/insights/routes/insights-page")).default }),
      },
      {
        path: paths.approvals.pattern,
        lazy: async () => ({ Component: (await import("../features/approvals/routes/approvals-page")).default }),
      },
      { path: "*", element: <RouteError notFound /> },
    ],
  },
]);

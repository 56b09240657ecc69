import { Link, isRouteErrorResponse, useRouteError } from "react-router";
import { paths } from "../lib/paths";

export function RouteError({ notFound = false }: { notFound?: boolean }) {
  const error = useRouteError();
  const missing = notFound || (isRouteErrorResponse(error) && error.status === 404);
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-12">
      <h1 className="text-2xl font-bold">{missing ? "Page not found" : "Something went wrong"}</h1>
      {!missing && error instanceof Error && <p className="mt-4 font-mono text-sm">{error.message}</p>}
      <p className="mt-6">
        <Link to={paths.overview.href()} className="text-sky-800 underline dark:text-sky-300">
          Back to all pipelines
        </Link>
      </p>
    </main>
  );
}

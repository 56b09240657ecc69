import { Link, useParams } from "react-router";
import { paths } from "../paths";

/** Placeholder until the pipeline page lands (its own issue): rows already link here. */
export function PipelineRoute() {
  const { name = "" } = useParams();
  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-8">
      <p>
        <Link to={paths.overview.href()} className="text-sky-800 underline dark:text-sky-300">
          ← All pipelines
        </Link>
      </p>
      <h1 className="mt-4 text-2xl font-bold break-all">{name}</h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">The pipeline page is coming soon.</p>
    </main>
  );
}

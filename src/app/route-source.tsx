import { Outlet, useParams } from "react-router";
import { SourceContext, useSources } from "../lib/sources/source-context";
import { RouteError } from "./route-error";

/** `/sources/:sourceId/…`: the pages below read from that source; an unknown id is a not-found, never the default. */
export function RouteSource() {
  const { sourceId } = useParams();
  const source = useSources().find((s) => s.id === sourceId && !s.isDefault);
  if (!source) return <RouteError notFound />;
  return (
    <SourceContext value={source}>
      <Outlet />
    </SourceContext>
  );
}

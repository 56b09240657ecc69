import type { Source } from "../lib/aws/source";

/** What a URL needs of a source: the default source has no prefix, so links from before sources stay valid. */
export type SourceRef = Pick<Source, "id" | "isDefault">;

/** `/sources/:sourceId` for every source but the default; every URL about one source's pipelines starts with it. */
export function sourcePrefix(source: SourceRef): string {
  return source.isDefault ? "" : `/sources/${encodeURIComponent(source.id)}`;
}

/** Every in-app URL is built here, so links and routes cannot drift apart. */
export const paths = {
  overview: { href: () => "/" },
  source: { pattern: "sources/:sourceId" },
  pipeline: {
    pattern: "pipelines/:name",
    href: (source: SourceRef, name: string) => `${sourcePrefix(source)}/pipelines/${encodeURIComponent(name)}`,
  },
  /** Outside `pipelines/` so no pipeline name (`new` is a valid one) can shadow it. */
  createPipeline: {
    pattern: "new-pipeline",
    href: (source: SourceRef, copyFrom?: string) =>
      `${sourcePrefix(source)}/new-pipeline${copyFrom ? `?from=${encodeURIComponent(copyFrom)}` : ""}`,
  },
  definition: {
    href: (source: SourceRef, name: string) => `${paths.pipeline.href(source, name)}?tab=definition`,
  },
};

/** Every in-app URL is built here, so links and routes cannot drift apart. */
export const paths = {
  overview: { href: () => "/" },
  pipeline: {
    pattern: "pipelines/:name",
    href: (name: string) => `/pipelines/${encodeURIComponent(name)}`,
  },
  /** Outside `pipelines/` so no pipeline name (`new` is a valid one) can shadow it. */
  createPipeline: {
    pattern: "new-pipeline",
    href: (copyFrom?: string) => (copyFrom ? `/new-pipeline?from=${encodeURIComponent(copyFrom)}` : "/new-pipeline"),
  },
  definition: {
    href: (name: string) => `/pipelines/${encodeURIComponent(name)}?tab=definition`,
  },
};

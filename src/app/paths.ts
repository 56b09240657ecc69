/** Every in-app URL is built here, so links and routes cannot drift apart. */
export const paths = {
  overview: { href: () => "/" },
  pipeline: {
    pattern: "pipelines/:name",
    href: (name: string) => `/pipelines/${encodeURIComponent(name)}`,
  },
};

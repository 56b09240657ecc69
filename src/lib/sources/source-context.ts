import { createContext, useContext } from "react";
import type { Source } from "../aws/source";

/** Every configured account/region, the default first. */
export const SourcesContext = createContext<readonly Source[]>([]);

/** The source of the subtree: the route's (`/sources/:sourceId/…`), a row's on aggregate pages, else the default. */
export const SourceContext = createContext<Source | null>(null);

export function useSources(): readonly Source[] {
  return useContext(SourcesContext);
}

export function useSource(): Source {
  const source = useContext(SourceContext);
  if (!source) throw new Error("useSource outside <SourceContext>");
  return source;
}

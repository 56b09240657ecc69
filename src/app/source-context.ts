import { createContext, useContext } from "react";
import type { Source } from "../lib/aws/source";

export const SourceContext = createContext<Source | null>(null);

/** The account/region the current view reads from (one today; a list later). */
export function useSource(): Source {
  const source = useContext(SourceContext);
  if (!source) throw new Error("useSource outside <SourceContext>");
  return source;
}

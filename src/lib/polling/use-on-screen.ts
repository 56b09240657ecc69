import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type RefObject } from "react";
import { pipelineStateQuery } from "../aws/pipeline-queries";
import type { Source } from "../aws/source";

/** While `onScreen`, the pipeline's requests go ahead of off-screen ones in its source's limiter. */
export function useFirstInLine(source: Source, name: string, onScreen = true) {
  useEffect(() => {
    if (!onScreen) return;
    source.setVisible(name, true);
    return () => source.setVisible(name, false);
  }, [source, name, onScreen]);
}

/**
 * In the viewport right now. A list may mount items beyond it (a virtualizer's overscan, the inbox's long list);
 * those must not poll fast, or a page reads more pipelines than anyone can see.
 */
export function useInViewport(ref: RefObject<Element | null>): boolean {
  const [inViewport, setInViewport] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(([entry]) => setInViewport(entry.isIntersecting));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return inViewport;
}

/**
 * An overview row or a waiting approval's card in the viewport: first in line, and its state read at the on-screen cadence (its executions
 * follow state changes, see followStateChanges). A row scrolling in refetches at once if its data is stale. The
 * row gets its data from its page's own queries, so this observer never re-renders it.
 */
export function usePollOnScreen(source: Source, name: string, onScreen: boolean) {
  useFirstInLine(source, name, onScreen);
  useQuery({ ...pipelineStateQuery(source, name, "on-screen"), notifyOnChangeProps: [], enabled: onScreen });
}

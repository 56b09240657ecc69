import type { GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import type { QueryClient } from "@tanstack/react-query";
import { stateFingerprint } from "../../core/status";
import { codepipelineKeys, pipelineOfKey } from "../aws/query-keys";

/**
 * Cheap poll, targeted refresh: only GetPipelineState polls fast. When a pipeline's state moves (a stage's
 * execution or status, or what waits at a transition: `stateFingerprint`), every execution read of that pipeline
 * is refreshed: the overview's latest execution, the pipeline page's executions, the wall's history. Halves the
 * requests of every visible row. Mounted once for the app; returns the unsubscribe function.
 */
export function followStateChanges(queryClient: QueryClient): () => void {
  const seen = new WeakMap<object, string>();
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success") return;
    const pipeline = pipelineOfKey(event.query.queryKey, "state");
    if (!pipeline) return;
    const fingerprint = stateFingerprint(event.query.state.data as GetPipelineStateOutput | undefined);
    const before = seen.get(event.query);
    seen.set(event.query, fingerprint);
    if (before === undefined || before === fingerprint) return;
    void queryClient.invalidateQueries({ queryKey: codepipelineKeys.executions(pipeline.source, pipeline.name) });
  });
}

import type { GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import type { QueryClient } from "@tanstack/react-query";
import { executionsFingerprint, stateFingerprint } from "../../core/status";
import { codepipelineKeys, isExecutionList, pipelineOfKey } from "../aws/query-keys";

/**
 * Cheap poll, targeted refresh: only GetPipelineState polls fast. When a pipeline's state moves (a stage's
 * execution or status, or what waits at a transition: `stateFingerprint`), the execution reads of that pipeline
 * are refreshed: one execution, its action runs, its rules. The lists of executions (the overview's row, the
 * pipeline page's newest runs, the history, the wall's) only when an execution starts, ends or moves to another
 * stage's transition (`executionsFingerprint`): a run's move from one stage to the next changes none of their
 * summaries, and with live updates every such move is read. Mounted once for the app; returns the unsubscribe.
 */
export function followStateChanges(queryClient: QueryClient): () => void {
  const seen = new WeakMap<object, { stages: string; executions: string }>();
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success") return;
    const pipeline = pipelineOfKey(event.query.queryKey, "state");
    if (!pipeline) return;
    const state = event.query.state.data as GetPipelineStateOutput | undefined;
    const now = { stages: stateFingerprint(state), executions: executionsFingerprint(state) };
    const before = seen.get(event.query);
    seen.set(event.query, now);
    if (before === undefined || before.stages === now.stages) return;
    const listsToo = before.executions !== now.executions;
    void queryClient.invalidateQueries({
      queryKey: codepipelineKeys.executions(pipeline.source, pipeline.name),
      predicate: (query) => listsToo || !isExecutionList(query.queryKey),
    });
  });
}

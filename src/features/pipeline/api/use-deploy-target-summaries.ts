import { useMemo } from "react";
import { useQueries } from "@tanstack/react-query";
import type { DeployActionExecutionTarget, PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { actionNodeId } from "../../../core/graph/layout";
import type { StatusView } from "../../../core/graph/status-view";
import { reportsDeployTargets, targetSummary } from "../../../core/run-details/deploy-targets";
import { deployTargetsQuery } from "../../../lib/aws/run-detail-queries";
import { useSource } from "../../../lib/sources/source-context";

/**
 * "3 of 5 instances succeeded, 1 failed" for the graph's deploy actions. Only the deploy actions that report
 * targets (EC2, ECS), and only their run shown on this graph: one ListDeployActionExecutionTargets per such
 * action, polled while it runs, never again once it ended (docs/polling.md). No other action is read.
 */
export function useDeployTargetSummaries(pipelineName: string, declaration: PipelineDeclaration | undefined, status: StatusView): Map<string, string> {
  const source = useSource();
  const runs = useMemo(
    () =>
      (declaration?.stages ?? []).flatMap((stage) =>
        (stage.actions ?? [])
          .filter((action) => reportsDeployTargets(action.actionTypeId))
          .flatMap((action) => {
            const id = actionNodeId(stage.name ?? "", action.name ?? "");
            const view = status.actions.get(id);
            return view?.actionExecutionId ? [{ id, actionExecutionId: view.actionExecutionId, running: view.status === "InProgress" }] : [];
          }),
      ),
    [declaration, status],
  );
  const results = useQueries({
    queries: runs.map((run) => deployTargetsQuery(source, pipelineName, run.actionExecutionId, run.running)),
    combine: (answers) => answers.map((a) => a.data),
  });
  return useMemo(() => {
    const summaries = new Map<string, string>();
    runs.forEach((run, i) => {
      const summary = targetSummary((results[i] ?? []) as DeployActionExecutionTarget[]);
      if (summary) summaries.set(run.id, summary);
    });
    return summaries;
  }, [runs, results]);
}

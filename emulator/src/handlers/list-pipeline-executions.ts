import { executionSummary } from "../engine/views";
import { paginate } from "../state/pagination";
import { pipeline } from "./context";
import type { Handler } from "./types";

const DEFAULT_MAX_RESULTS = 100;

/** Newest first; `filter.succeededInStage` keeps executions that succeeded in that stage. */
export const handleListPipelineExecutions: Handler<"ListPipelineExecutions"> = (input, ctx) => {
  const p = pipeline(ctx, input.pipelineName!);
  const stage = input.filter?.succeededInStage?.stageName;
  const executions = [...p.executionOrder]
    .reverse()
    .map((id) => p.executions[id])
    .filter((x) => !stage || x.stages[stage]?.status === "Succeeded");
  const { page, nextToken } = paginate(executions, `ListPipelineExecutions/${p.name}/${stage ?? ""}`, input.nextToken, input.maxResults ?? DEFAULT_MAX_RESULTS);
  return { pipelineExecutionSummaries: page.map(executionSummary), ...(nextToken && { nextToken }) };
};

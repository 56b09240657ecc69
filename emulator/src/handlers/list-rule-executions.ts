import { ruleExecutionDetail } from "../engine/views";
import { paginate } from "../state/pagination";
import { requireExecution } from "../state/world";
import { pipeline } from "./context";
import type { Handler } from "./types";

const DEFAULT_MAX_RESULTS = 100;

export const handleListRuleExecutions: Handler<"ListRuleExecutions"> = (input, ctx) => {
  const p = pipeline(ctx, input.pipelineName!);
  const executionId = input.filter?.pipelineExecutionId;
  if (executionId) requireExecution(p, executionId);
  const ids = [...p.ruleExecutionOrder].reverse().filter((id) => !executionId || p.ruleExecutions[id].pipelineExecutionId === executionId);
  const { page, nextToken } = paginate(ids, `ListRuleExecutions/${p.name}/${executionId ?? ""}`, input.nextToken, input.maxResults ?? DEFAULT_MAX_RESULTS);
  return { ruleExecutionDetails: page.map((id) => ruleExecutionDetail(p, id)), ...(nextToken && { nextToken }) };
};

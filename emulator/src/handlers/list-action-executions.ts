import { actionExecutionDetail } from "../engine/views";
import { paginate } from "../state/pagination";
import type { ActionExecutionRecord } from "../state/records";
import { requireExecution } from "../state/world";
import { pipeline } from "./context";
import type { Handler } from "./types";

const DEFAULT_MAX_RESULTS = 100;

/** Newest first, optionally for one execution (`latestInPipelineExecution` Latest keeps each action's last run). */
export const handleListActionExecutions: Handler<"ListActionExecutions"> = (input, ctx) => {
  const p = pipeline(ctx, input.pipelineName!);
  const latest = input.filter?.latestInPipelineExecution;
  const executionId = input.filter?.pipelineExecutionId ?? latest?.pipelineExecutionId;
  if (executionId) requireExecution(p, executionId);
  let records: ActionExecutionRecord[] = [...p.actionExecutionOrder].reverse().map((id) => p.actionExecutions[id]);
  if (executionId) records = records.filter((r) => r.pipelineExecutionId === executionId);
  if (latest?.startTimeRange === "Latest") {
    const seen = new Set<string>();
    records = records.filter((r) => !seen.has(`${r.stageName}.${r.actionName}`) && seen.add(`${r.stageName}.${r.actionName}`));
  }
  const listing = `ListActionExecutions/${p.name}/${executionId ?? ""}/${latest?.startTimeRange ?? ""}`;
  const { page, nextToken } = paginate(records, listing, input.nextToken, input.maxResults ?? DEFAULT_MAX_RESULTS);
  return { actionExecutionDetails: page.map((r) => actionExecutionDetail(p, r)), ...(nextToken && { nextToken }) };
};

import { deployTargetsAt } from "../engine/deploy-targets";
import { ActionExecutionNotFoundException } from "../errors";
import { paginate } from "../state/pagination";
import type { PipelineRecord } from "../state/records";
import { scopeKey } from "../state/world";
import { pipeline, scope } from "./context";
import type { Handler } from "./types";

const DEFAULT_MAX_RESULTS = 100;

/**
 * The targets of one deploy action run (EC2 instances, an ECS service; see engine/deploy-targets.ts),
 * as they stand now; other actions have none. Without `pipelineName`, every pipeline of the caller's
 * account and region is searched for the action execution.
 */
export const handleListDeployActionExecutionTargets: Handler<"ListDeployActionExecutionTargets"> = (input, ctx) => {
  const id = input.actionExecutionId!;
  const candidates: PipelineRecord[] = input.pipelineName
    ? [pipeline(ctx, input.pipelineName)]
    : Object.values(ctx.engine.world.regions[scopeKey(scope(ctx))]?.pipelines ?? {});
  const record = candidates.map((p) => p.actionExecutions[id]).find(Boolean);
  if (!record) {
    throw new ActionExecutionNotFoundException(`Action execution '${id}' was not found${input.pipelineName ? ` in pipeline '${input.pipelineName}'` : ""}.`);
  }
  const wanted = input.filters?.filter((f) => f.name === "TARGET_STATUS").flatMap((f) => f.values ?? []);
  const targets = deployTargetsAt(record, ctx.engine.now()).filter((t) => !wanted?.length || wanted.includes(t.status!));
  const listing = `ListDeployActionExecutionTargets/${id}/${wanted?.join(",") ?? ""}`;
  const { page, nextToken } = paginate(targets, listing, input.nextToken, input.maxResults ?? DEFAULT_MAX_RESULTS);
  return { targets: page, ...(nextToken && { nextToken }) };
};

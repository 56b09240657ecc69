import type { ActionTypeId, DeployActionExecutionTarget, DeployTargetEvent } from "@aws-sdk/client-codepipeline";

/**
 * Deploy targets (ListDeployActionExecutionTargets) as the graph and the details view show them: a count for
 * the action's node, targets and their lifecycle events with what failed first.
 */

/** The deploy actions that report targets: the EC2 deploy action (instances) and ECS (its service). */
export function reportsDeployTargets(type: Pick<ActionTypeId, "category" | "provider"> | undefined): boolean {
  return type?.category === "Deploy" && (type.provider === "EC2" || type.provider === "ECS");
}

const FAILED = new Set(["Failed", "FAILED"]);
export const isFailedTarget = (status: string | undefined) => FAILED.has(status ?? "");

function noun(targets: readonly DeployActionExecutionTarget[], count: number): string {
  const types = new Set(targets.map((t) => t.targetType));
  const word = [...types].every((t) => t === "EC2" || t === "SSM_MANAGED_NODE") ? "instance" : [...types].every((t) => t === "ECS") ? "service" : "target";
  return count === 1 ? word : `${word}s`;
}

/** "3 of 5 instances succeeded, 1 failed, 1 skipped"; undefined when there are no targets. */
export function targetSummary(targets: readonly DeployActionExecutionTarget[]): string | undefined {
  if (targets.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.status ?? "Unknown", (counts.get(t.status ?? "Unknown") ?? 0) + 1);
  const succeeded = counts.get("Succeeded") ?? 0;
  counts.delete("Succeeded");
  const rest = [...counts].map(([status, n]) => `${n} ${status === "InProgress" ? "in progress" : status.toLowerCase()}`);
  return [`${succeeded} of ${targets.length} ${noun(targets, targets.length)} succeeded`, ...rest].join(", ");
}

/** Failed targets first, then in the order they started (the API's order for equal starts). */
export function orderTargets(targets: readonly DeployActionExecutionTarget[]): DeployActionExecutionTarget[] {
  return targets
    .map((target, index) => ({ target, index }))
    .sort(
      (a, b) =>
        Number(isFailedTarget(b.target.status)) - Number(isFailedTarget(a.target.status)) ||
        (a.target.startTime?.getTime() ?? Infinity) - (b.target.startTime?.getTime() ?? Infinity) ||
        a.index - b.index,
    )
    .map(({ target }) => target);
}

/** A target's events, the failing one first (its message is what to read), then in the order they ran. */
export function orderEvents(events: readonly DeployTargetEvent[] | undefined): DeployTargetEvent[] {
  const all = [...(events ?? [])];
  return [...all.filter((e) => isFailedTarget(e.status)), ...all.filter((e) => !isFailedTarget(e.status))];
}

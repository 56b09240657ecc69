import { useQuery } from "@tanstack/react-query";
import type { DeployActionExecutionTarget } from "@aws-sdk/client-codepipeline";
import { isFailedTarget, orderEvents, orderTargets, targetSummary } from "../../../../core/run-details/deploy-targets";
import { formatDuration, formatExactTime } from "../../../../core/format";
import { deployTargetsQuery } from "../../../../lib/aws/run-detail-queries";
import type { Source } from "../../../../lib/aws/source";
import { StatusBadge } from "../../../../components/status-badge";
import { QueryReadState } from "./read-problem";

/** ListDeployActionExecutionTargets of one run: every target with its lifecycle events, failures first. */
export function DeployTargets({ source, pipelineName, actionExecutionId, running }: { source: Source; pipelineName: string; actionExecutionId: string; running: boolean }) {
  const query = useQuery(deployTargetsQuery(source, pipelineName, actionExecutionId, running));
  const targets = orderTargets(query.data ?? []);
  return (
    <section aria-labelledby="targets-h" className="flex flex-col gap-2">
      <h3 id="targets-h" className="text-base font-semibold">
        Deploy targets
      </h3>
      <QueryReadState query={query} permission="codepipeline:ListDeployActionExecutionTargets" what="the deploy targets" reading="Reading the targets…" />
      {query.data && (targets.length === 0 ? <p className="text-sm">No targets reported for this run.</p> : <p className="text-sm font-medium">{targetSummary(targets)}</p>)}
      {targets.length > 0 && (
        <table className="w-full text-left text-sm" aria-label="Deploy targets">
          <thead className="text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">Target</th>
              <th scope="col" className="py-1 pr-2 font-medium">Status</th>
              <th scope="col" className="py-1 pr-2 font-medium">Time</th>
              <th scope="col" className="py-1 font-medium">Lifecycle events</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => (
              <tr key={t.targetId} className={`border-t border-zinc-200 align-top dark:border-zinc-800 ${isFailedTarget(t.status) ? "bg-red-50 dark:bg-red-950/60" : ""}`}>
                <th scope="row" className="py-1 pr-2 font-normal">
                  <bdi className="block font-mono text-xs break-all">{t.targetId}</bdi>
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">{t.targetType}</span>
                </th>
                <td className="py-1 pr-2">
                  <StatusBadge status={t.status} />
                </td>
                <td className="py-1 pr-2 text-xs tabular-nums" title={t.startTime ? formatExactTime(t.startTime) : undefined}>
                  {t.startTime && t.endTime ? formatDuration(t.endTime.getTime() - t.startTime.getTime()) : t.startTime ? "running" : "—"}
                </td>
                <td className="py-1">
                  {isFailedTarget(t.status) || !t.events?.length ? (
                    <TargetEvents target={t} />
                  ) : (
                    // What succeeded folds away: the failing target's events are the ones to read.
                    <details>
                      <summary className="cursor-pointer">{t.events.length} lifecycle events</summary>
                      <TargetEvents target={t} />
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TargetEvents({ target }: { target: DeployActionExecutionTarget }) {
  return (
    <ul className="flex flex-col gap-0.5">
      {orderEvents(target.events).map((e, i) => (
        <li key={`${e.name}-${i}`} className="break-words">
          <StatusBadge status={e.status} label={`${e.name}: ${e.status ?? "pending"}`} />
          {e.context?.message && (
            <span className={isFailedTarget(e.status) ? "block font-medium text-red-800 dark:text-red-300" : "block text-zinc-700 dark:text-zinc-300"}>
              <bdi>{e.context.message}</bdi>
            </span>
          )}
          {e.context?.ssmCommandId && <span className="block font-mono text-xs text-zinc-600 dark:text-zinc-400">SSM command {e.context.ssmCommandId}</span>}
        </li>
      ))}
    </ul>
  );
}

import { AwsError } from "../errors";
import type { Engine } from "./engine";
import { putApprovalResult, retryStage, rollbackStage, setTransition, stopExecution } from "./interventions";
import { startExecution } from "./lifecycle";
import type { PipelineRecord } from "../state/records";
import { currentVersion, scopeKey } from "../state/world";
import { scenarioTrigger } from "./triggers";

/** Who the scenario acts as in `lastChangedBy`, `updatedBy` and trigger details. */
export const scenarioArn = (accountId: string, user = "scenario") => `arn:aws:iam::${accountId}:user/${user}`;

/** Background traffic: start an execution, then schedule the next one. */
export function runTraffic(e: Engine, p: PipelineRecord): void {
  const traffic = p.behaviour?.traffic;
  if (!traffic) return;
  startExecution(e, p, { trigger: scenarioTrigger(e, p, traffic.triggerType, traffic.triggerDetail, scenarioArn(p.accountId)) });
  e.schedule(e.now() + Math.max(1, e.rng.seconds(traffic.everySeconds)) * 1000, { kind: "traffic", scope: scopeKey(p), pipeline: p.name });
}

/** A timeline event acts like the matching API call; one that no longer applies (nothing to stop...) is skipped. */
export function runTimelineEvent(e: Engine, p: PipelineRecord, index: number): void {
  const event = e.timelines[e.timelineKey(p, p.name)]?.[index];
  if (!event) return;
  const by = scenarioArn(p.accountId, "by" in event && event.by ? event.by : "scenario");
  try {
    switch (event.type) {
      case "start":
        startExecution(e, p, {
          trigger: scenarioTrigger(e, p, event.triggerType ?? "StartPipelineExecution", event.triggerDetail, by),
          variables: event.variables,
          sourceRevisions: event.sourceRevisions,
        });
        return;
      case "stop": {
        const newest = p.active[p.active.length - 1];
        if (newest) stopExecution(e, p, newest, event.abandon ?? false, event.reason);
        return;
      }
      case "disableTransition":
      case "enableTransition":
        setTransition(e, p, event.stageName, "Inbound", event.type === "enableTransition", by, event.type === "disableTransition" ? event.reason : undefined);
        return;
      case "approve":
      case "reject": {
        const record = p.actionExecutions[p.actionLatest[`${event.stageName}.${event.actionName}`]];
        if (record?.token && record.status === "InProgress") {
          const status = event.type === "approve" ? "Approved" : "Rejected";
          putApprovalResult(e, p, event.stageName, event.actionName, { status, summary: event.summary ?? "" }, record.token, by);
        }
        return;
      }
      case "retry": {
        const latest = p.stageLatest[event.stageName];
        if (latest) retryStage(e, p, event.stageName, latest, event.retryMode ?? "FAILED_ACTIONS");
        return;
      }
      case "rollback": {
        const current = p.stageLatest[event.stageName];
        const target = [...p.executionOrder]
          .reverse()
          .map((id) => p.executions[id])
          .find((x) => x.id !== current && x.pipelineVersion === currentVersion(p) && x.stages[event.stageName]?.status === "Succeeded");
        if (target) rollbackStage(e, p, event.stageName, target.id, by);
        return;
      }
    }
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
  }
}

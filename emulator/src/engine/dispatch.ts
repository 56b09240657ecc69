import type { PipelineRecord } from "../state/records";
import { runTimelineEvent, runTraffic } from "./scenario-runtime";
import type { Engine } from "./engine";
import { settleAbandon } from "./interventions";
import { requeueUnacknowledged, timeOutJobAction } from "./jobs";
import { completeAction, completeRule } from "./lifecycle";
import type { TimerEvent } from "./timers";

/** Routes a due timer to whatever it stands for. */
export function onTimer(e: Engine, p: PipelineRecord, event: TimerEvent): void {
  switch (event.kind) {
    case "actionDue": {
      const record = p.actionExecutions[event.actionExecutionId];
      if (record) completeAction(e, p, record);
      return;
    }
    case "ruleDue": {
      const record = p.ruleExecutions[event.ruleExecutionId];
      if (record) completeRule(e, p, record);
      return;
    }
    case "stopSettle":
      settleAbandon(e, p, event.executionId);
      return;
    case "traffic":
      runTraffic(e, p);
      return;
    case "timeline":
      runTimelineEvent(e, p, event.index);
      return;
    case "jobAckTimeout":
      requeueUnacknowledged(e, p, event.jobId, event.dispatchedAt);
      return;
    case "jobActionTimeout":
      timeOutJobAction(e, p, event.actionExecutionId);
      return;
  }
}

import type { CodePipelineEvent } from "../engine/state-events";
import type { LiveEvent } from "../../../src/core/live/live-event";
import { regionChannel } from "./channels";

/**
 * What the dashboard's EventBridge rule sends to AppSync Events for one CodePipeline event: the
 * emulator's copy of the input transformer in deploy/lib/live-updates.ts (a test compares the two), in the
 * shape the dashboard reads (its `LiveEvent`, the one declaration of it). Absent paths (no stage on a
 * pipeline event) come out as empty strings, as EventBridge fills them.
 */
export function trimEvent(event: CodePipelineEvent): { channel: string; payload: LiveEvent } {
  return {
    channel: regionChannel(event.account, event.region),
    payload: {
      account: event.account,
      region: event.region,
      pipeline: event.detail.pipeline,
      executionId: event.detail["execution-id"],
      stage: event.detail.stage ?? "",
      action: event.detail.action ?? "",
      category: event.detail.type?.category ?? "",
      state: event.detail.state,
      time: event.time,
      detailType: event["detail-type"],
    },
  };
}

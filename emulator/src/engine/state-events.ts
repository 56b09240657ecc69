import { randomUUID } from "node:crypto";
import type { ExecutionRecord, PipelineRecord, WorldRecord } from "../state/records";
import type { Engine } from "./engine";
import { declarationOf, stageOf } from "./execution";

/*
 * CodePipeline's EventBridge events, as AWS documents them ("Monitoring CodePipeline events"):
 * source `aws.codepipeline`, one of three detail types, and the detail fields the dashboard's rule
 * reads. They are found by comparing each changed execution with what was last reported of it, so
 * no lifecycle module has to remember to announce anything: every state change the API can show
 * becomes an event, at the simulated time it happened.
 */

export const DETAIL_TYPES = {
  pipeline: "CodePipeline Pipeline Execution State Change",
  stage: "CodePipeline Stage Execution State Change",
  action: "CodePipeline Action Execution State Change",
} as const;

export type DetailType = (typeof DETAIL_TYPES)[keyof typeof DETAIL_TYPES];

export interface CodePipelineEvent {
  version: "0";
  id: string;
  "detail-type": DetailType;
  source: "aws.codepipeline";
  account: string;
  /** `2026-12-02T19:42:24Z`: EventBridge writes seconds, no fraction. */
  time: string;
  region: string;
  resources: string[];
  detail: CodePipelineEventDetail;
}

export interface CodePipelineEventDetail {
  pipeline: string;
  "execution-id": string;
  "start-time": string;
  state: string;
  version: number;
  "execution-trigger"?: { "trigger-type"?: string; "trigger-detail"?: string };
  stage?: string;
  action?: string;
  region?: string;
  type?: { owner: string; provider: string; category: string; version: string };
  "execution-result"?: { "external-execution-id"?: string; "external-execution-url"?: string; "external-execution-summary"?: string; "external-execution-state"?: string; "error-code"?: string };
}

const PIPELINE_STATES: Record<string, string> = {
  InProgress: "STARTED",
  Stopping: "STOPPING",
  Stopped: "STOPPED",
  Succeeded: "SUCCEEDED",
  Failed: "FAILED",
  Superseded: "SUPERSEDED",
  Cancelled: "CANCELED",
};
/** A stage run that ends Skipped (a beforeEntry SKIP condition) has no documented state: no event. */
const STAGE_STATES: Record<string, string> = { InProgress: "STARTED", Stopping: "STOPPING", Stopped: "STOPPED", Succeeded: "SUCCEEDED", Failed: "FAILED", Cancelled: "CANCELED" };
const ACTION_STATES: Record<string, string> = { InProgress: "STARTED", Succeeded: "SUCCEEDED", Failed: "FAILED", Abandoned: "ABANDONED" };

/** What was last reported of one execution: its status, each stage run's, each action run's (by id). */
interface Reported {
  status: string;
  stages: Map<string, string>;
  actions: Map<string, string>;
}

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export class StateEvents {
  private readonly reported = new Map<string, Reported>();
  private readonly listeners = new Set<(event: CodePipelineEvent) => void>();
  private muted = false;

  constructor(private readonly engine: Engine) {
    engine.onExecutionsChanged = (executions) => this.observe(executions);
  }

  subscribe(listener: (event: CodePipelineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `change` (a scenario load, a reset, a restore) without reporting the history it makes, then
   * takes what the world is as already reported: only what happens afterwards becomes events.
   */
  quietly(change: () => void): void {
    this.muted = true;
    try {
      change();
    } finally {
      this.muted = false;
      this.baseline(this.engine.world);
    }
  }

  private baseline(world: WorldRecord): void {
    this.reported.clear();
    for (const region of Object.values(world.regions)) {
      for (const p of Object.values(region.pipelines)) for (const x of Object.values(p.executions)) this.reported.set(x.id, this.read(p, x));
    }
  }

  private observe(executions: ExecutionRecord[]): void {
    for (const x of executions) {
      const p = this.pipelineOf(x);
      if (!p) continue;
      const before = this.reported.get(x.id);
      const now = this.read(p, x);
      this.reported.set(x.id, now);
      if (this.muted || this.listeners.size === 0) continue;
      for (const event of this.changes(p, x, before, now)) for (const listener of [...this.listeners]) listener(event);
    }
  }

  private pipelineOf(x: ExecutionRecord): PipelineRecord | undefined {
    for (const region of Object.values(this.engine.world.regions)) {
      const p = region.pipelines[x.pipelineName];
      if (p?.executions[x.id] === x) return p;
    }
    return undefined;
  }

  private read(p: PipelineRecord, x: ExecutionRecord): Reported {
    const stages = new Map<string, string>();
    const actions = new Map<string, string>();
    for (const [name, run] of Object.entries(x.stages)) {
      stages.set(name, run.status);
      for (const id of Object.values(run.actions)) {
        const record = p.actionExecutions[id];
        if (record) actions.set(id, record.status);
      }
    }
    return { status: x.status, stages, actions };
  }

  /**
   * In the order AWS sends them: the execution starts first and ends last, a stage ends after its
   * actions and before the next stage starts, an action starts after its stage.
   */
  private changes(p: PipelineRecord, x: ExecutionRecord, before: Reported | undefined, now: Reported): CodePipelineEvent[] {
    const isStart = (state: string) => state === "STARTED" || state === "RESUMED";
    let pipelineStart: CodePipelineEvent | undefined;
    let pipelineEnd: CodePipelineEvent | undefined;
    if (before?.status !== now.status && PIPELINE_STATES[now.status]) {
      // A retried execution comes back from Failed or Stopped: AWS says RESUMED.
      const state = now.status === "InProgress" && before && before.status !== "InProgress" ? "RESUMED" : PIPELINE_STATES[now.status];
      const event = this.event(p, x, "pipeline", { state, "execution-trigger": { "trigger-type": x.trigger.triggerType, "trigger-detail": x.trigger.triggerDetail } });
      if (isStart(state)) pipelineStart = event;
      else pipelineEnd = event;
    }
    const stageStarts: CodePipelineEvent[] = [];
    const stageEnds: CodePipelineEvent[] = [];
    for (const [stage, status] of now.stages) {
      const previous = before?.stages.get(stage);
      if (previous === status || !STAGE_STATES[status]) continue;
      const state = status === "InProgress" && previous !== undefined && previous !== "InProgress" ? "RESUMED" : STAGE_STATES[status];
      (isStart(state) ? stageStarts : stageEnds).push(this.event(p, x, "stage", { state, stage }));
    }
    const actionStarts: CodePipelineEvent[] = [];
    const actionEnds: CodePipelineEvent[] = [];
    for (const [id, status] of now.actions) {
      if (before?.actions.get(id) === status || !ACTION_STATES[status]) continue;
      (status === "InProgress" ? actionStarts : actionEnds).push(this.actionEvent(p, x, id, ACTION_STATES[status]));
    }
    return [...(pipelineStart ? [pipelineStart] : []), ...actionEnds, ...stageEnds, ...stageStarts, ...actionStarts, ...(pipelineEnd ? [pipelineEnd] : [])];
  }

  private actionEvent(p: PipelineRecord, x: ExecutionRecord, id: string, state: string): CodePipelineEvent {
    const record = p.actionExecutions[id];
    const declared = stageOf(p, x, record.stageName)?.actions?.find((a) => a.name === record.actionName);
    const type = declared?.actionTypeId;
    const finished = state !== "STARTED";
    return this.event(p, x, "action", {
      state,
      stage: record.stageName,
      action: record.actionName,
      region: p.region,
      type: { owner: type?.owner ?? "AWS", provider: type?.provider ?? "", category: type?.category ?? "", version: type?.version ?? "1" },
      ...(finished && {
        "execution-result": {
          "external-execution-id": record.externalExecutionId,
          "external-execution-url": record.externalExecutionUrl,
          "external-execution-summary": record.summary,
          "external-execution-state": state === "SUCCEEDED" ? "Succeeded" : state === "FAILED" ? "Failed" : "Abandoned",
          "error-code": record.errorDetails?.code,
        },
      }),
    });
  }

  private event(p: PipelineRecord, x: ExecutionRecord, kind: keyof typeof DETAIL_TYPES, detail: Partial<CodePipelineEventDetail> & { state: string }): CodePipelineEvent {
    return {
      version: "0",
      id: randomUUID(),
      "detail-type": DETAIL_TYPES[kind],
      source: "aws.codepipeline",
      account: p.accountId,
      time: isoSeconds(this.engine.now()),
      region: p.region,
      resources: [p.arn],
      detail: {
        pipeline: p.name,
        "execution-id": x.id,
        "start-time": new Date(x.startTime).toISOString(),
        version: declarationOf(p, x)?.version ?? x.pipelineVersion,
        ...detail,
      },
    };
  }
}

import type { ActionState, GetPipelineStateOutput, PipelineExecutionSummary, StageState } from "@aws-sdk/client-codepipeline";

/** Typed like the SDK's outputs, so a shape drift in the contract fails tsc here first. */
export const EXEC_OLD = "11111111-1111-4111-8111-111111111111";
export const EXEC_NEW = "22222222-2222-4222-8222-222222222222";

export function action(actionName: string, latest?: ActionState["latestExecution"]): ActionState {
  return { actionName, latestExecution: latest };
}

export function stage(
  stageName: string,
  status: NonNullable<StageState["latestExecution"]>["status"] | undefined,
  actions: ActionState[] = [],
  extra: Partial<StageState> = {},
): StageState {
  return {
    stageName,
    latestExecution: status ? { pipelineExecutionId: EXEC_NEW, status } : undefined,
    actionStates: actions,
    inboundTransitionState: { enabled: true },
    ...extra,
  };
}

export function state(...stageStates: StageState[]): GetPipelineStateOutput {
  return { pipelineName: "web", pipelineVersion: 1, stageStates, updated: new Date("2025-01-10T10:00:00Z") };
}

export function execution(
  status: PipelineExecutionSummary["status"],
  extra: Partial<PipelineExecutionSummary> = {},
): PipelineExecutionSummary {
  return {
    pipelineExecutionId: EXEC_NEW,
    status,
    startTime: new Date("2025-01-10T11:50:00Z"),
    lastUpdateTime: new Date("2025-01-10T11:55:00Z"),
    sourceRevisions: [
      {
        actionName: "Source",
        revisionId: "0123456789abcdef0123456789abcdef01234567",
        revisionSummary: JSON.stringify({ ProviderType: "GitHub", CommitMessage: "Add checkout page\n\nDetails" }),
        revisionUrl: "https://github.com/acme/web/commit/0123456",
      },
    ],
    ...extra,
  };
}

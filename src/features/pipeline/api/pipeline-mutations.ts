import {
  DisableStageTransitionCommand,
  EnableStageTransitionCommand,
  OverrideStageConditionCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type CodePipelineClient,
  type ConditionType,
  type PipelineVariable,
  type SourceRevisionOverride,
  type StageRetryMode,
} from "@aws-sdk/client-codepipeline";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { invalidateAfter, type PipelineChange } from "../../../lib/aws/codepipeline-queries";
import { useSource } from "../../../app/source-context";

/**
 * One hook per control. Each sends through F's limiter, then refreshes what it changed
 * (state only for transitions; state and every execution query otherwise).
 */
function usePipelineMutation<Input, Output>(
  pipelineName: string,
  change: PipelineChange,
  call: (client: CodePipelineClient, input: Input, abortSignal: AbortSignal | undefined) => Promise<Output>,
) {
  const source = useSource();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => source.send((client, abortSignal) => call(client, input, abortSignal), { pipelineName }),
    onSettled: () => invalidateAfter(queryClient, source, pipelineName, change),
  });
}

/** Allowed by the API for DisableStageTransition's `reason`: 1–300 of `[a-zA-Z0-9!@ ().*?-]`. */
export const DISABLE_REASON_PATTERN = /^[a-zA-Z0-9!@ ().*?-]+$/;
export const DISABLE_REASON_MAX = 300;

/** null when valid, else what is wrong (named characters, so the fix is obvious). */
export function checkDisableReason(reason: string): string | null {
  if (reason.trim().length === 0) return "A reason is required.";
  if (reason.length > DISABLE_REASON_MAX) return `At most ${DISABLE_REASON_MAX} characters (now ${reason.length}).`;
  const bad = [...new Set([...reason].filter((c) => !/[a-zA-Z0-9!@ ().*?-]/.test(c)))];
  if (bad.length > 0) {
    const shown = bad.map((c) => (c === "\n" ? "line break" : c === "\t" ? "tab" : `“${c}”`)).join(" ");
    return `Not allowed by CodePipeline: ${shown}. Use letters, digits, spaces and ! @ ( ) . * ? - only.`;
  }
  return null;
}

export function useSetTransition(pipelineName: string) {
  return usePipelineMutation(pipelineName, "transition", (client, input: { stageName: string; enable: boolean; reason?: string }, abortSignal) =>
    input.enable
      ? client.send(new EnableStageTransitionCommand({ pipelineName, stageName: input.stageName, transitionType: "Inbound" }), { abortSignal })
      : client.send(
          new DisableStageTransitionCommand({ pipelineName, stageName: input.stageName, transitionType: "Inbound", reason: input.reason }),
          { abortSignal },
        ),
  );
}

export function useRetryStage(pipelineName: string) {
  return usePipelineMutation(pipelineName, "execution", (client, input: { stageName: string; executionId: string; retryMode: StageRetryMode }, abortSignal) =>
    client.send(
      new RetryStageExecutionCommand({ pipelineName, stageName: input.stageName, pipelineExecutionId: input.executionId, retryMode: input.retryMode }),
      { abortSignal },
    ),
  );
}

export interface StartInput {
  /** Fixed per dialog opening: a double click or an SDK retry re-sends the same token, so one execution starts. */
  clientRequestToken: string;
  variables?: PipelineVariable[];
  sourceRevisions?: SourceRevisionOverride[];
}

export function useStartExecution(pipelineName: string) {
  return usePipelineMutation(pipelineName, "execution", (client, input: StartInput, abortSignal) =>
    client.send(
      new StartPipelineExecutionCommand({
        name: pipelineName,
        clientRequestToken: input.clientRequestToken,
        variables: input.variables?.length ? input.variables : undefined,
        sourceRevisions: input.sourceRevisions?.length ? input.sourceRevisions : undefined,
      }),
      { abortSignal },
    ),
  );
}

export function useStopExecution(pipelineName: string) {
  return usePipelineMutation(pipelineName, "execution", (client, input: { executionId: string; abandon: boolean; reason?: string }, abortSignal) =>
    client.send(
      new StopPipelineExecutionCommand({
        pipelineName,
        pipelineExecutionId: input.executionId,
        abandon: input.abandon,
        reason: input.reason?.trim() ? input.reason.trim() : undefined,
      }),
      { abortSignal },
    ),
  );
}

export function useRollbackStage(pipelineName: string) {
  return usePipelineMutation(pipelineName, "execution", (client, input: { stageName: string; targetExecutionId: string }, abortSignal) =>
    client.send(new RollbackStageCommand({ pipelineName, stageName: input.stageName, targetPipelineExecutionId: input.targetExecutionId }), {
      abortSignal,
    }),
  );
}

export function useOverrideCondition(pipelineName: string) {
  return usePipelineMutation(
    pipelineName,
    "execution",
    (client, input: { stageName: string; executionId: string; conditionType: ConditionType }, abortSignal) =>
      client.send(
        new OverrideStageConditionCommand({
          pipelineName,
          stageName: input.stageName,
          pipelineExecutionId: input.executionId,
          conditionType: input.conditionType,
        }),
        { abortSignal },
      ),
  );
}

export function usePutApproval(pipelineName: string) {
  return usePipelineMutation(
    pipelineName,
    "execution",
    (client, input: { stageName: string; actionName: string; token: string; approve: boolean; summary: string }, abortSignal) =>
      client.send(
        new PutApprovalResultCommand({
          pipelineName,
          stageName: input.stageName,
          actionName: input.actionName,
          token: input.token,
          result: { status: input.approve ? "Approved" : "Rejected", summary: input.summary },
        }),
        { abortSignal },
      ),
  );
}

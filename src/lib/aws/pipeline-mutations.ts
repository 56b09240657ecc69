import {
  DisableStageTransitionCommand,
  EnableStageTransitionCommand,
  OverrideStageConditionCommand,
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
import { useCallback, useRef } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { invalidateAfter, type PipelineChange } from "./query-keys";
import { useSource } from "../sources/source-context";
import {
  mayHaveHappened,
  overrideHappened,
  retryHappened,
  rollbackHappened,
  stopHappened,
  transitionHappened,
  type DidItHappen,
} from "./did-it-happen";

/** What a control's call came to: CodePipeline's answer, or a lost answer and a fresh read showing that it happened. */
export type ControlResult<Output> = { output: Output; happened?: undefined } | { output?: undefined; happened: { what: string; lost: Error } };

/**
 * A control's call failed and a fresh read of the pipeline says whether it happened anyway ("unchanged"),
 * or could not say ("unknown"). Keeps the failure's name and message, so it reads as the API's error.
 */
export class CheckedControlError extends Error {
  constructor(
    readonly sent: Error,
    readonly state: "unchanged" | "unknown",
  ) {
    super(sent.message);
    this.name = sent.name;
  }
}

/**
 * One hook per control. Each sends through its source's limiter, then refreshes what it changed
 * (state only for transitions; state and every execution query otherwise).
 *
 * `submit` sends at most once at a time: a double click or a second Enter arrives before React shows
 * the button disabled, so the lock is a ref, not `isPending`. It is released only by a failure, so a
 * dialog whose call succeeded never sends again. A failure that may have happened anyway is checked
 * with `didItHappen` before the dialog offers to send again.
 */
function usePipelineMutation<Input, Output>(
  pipelineName: string,
  change: PipelineChange,
  call: (client: CodePipelineClient, input: Input, abortSignal: AbortSignal | undefined) => Promise<Output>,
  didItHappen?: DidItHappen<Input>,
) {
  const source = useSource();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (input: Input): Promise<ControlResult<Output>> => {
      try {
        return { output: await source.send((client, abortSignal) => call(client, input, abortSignal), { pipelineName }) };
      } catch (error) {
        if (!didItHappen || !mayHaveHappened(error)) throw error;
        const sent = error instanceof Error ? error : new Error(String(error));
        let what: string | null;
        try {
          what = await didItHappen(source, pipelineName, input);
        } catch {
          throw new CheckedControlError(sent, "unknown");
        }
        if (what) return { happened: { what, lost: sent } };
        throw new CheckedControlError(sent, "unchanged");
      }
    },
    onSettled: () => invalidateAfter(queryClient, source, pipelineName, change),
  });
  const locked = useRef(false);
  const { mutateAsync } = mutation;
  const submit = useCallback(
    (input: Input, onAnswered?: (output: Output) => void) => {
      if (locked.current) return;
      locked.current = true;
      mutateAsync(input).then(
        (result) => {
          if (result.output !== undefined) onAnswered?.(result.output);
        },
        () => {
          // The error shows through `mutation.error`; the dialog may send again.
          locked.current = false;
        },
      );
    },
    [mutateAsync],
  );
  return { ...mutation, submit };
}

/** Allowed by the API for DisableStageTransition's `reason`: 1–300 of `[a-zA-Z0-9!@ ().*?-]`. */
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
    transitionHappened,
  );
}

export function useRetryStage(pipelineName: string) {
  return usePipelineMutation(pipelineName, "execution", (client, input: { stageName: string; executionId: string; retryMode: StageRetryMode }, abortSignal) =>
    client.send(
      new RetryStageExecutionCommand({ pipelineName, stageName: input.stageName, pipelineExecutionId: input.executionId, retryMode: input.retryMode }),
      { abortSignal },
    ),
    retryHappened,
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
  return usePipelineMutation(pipelineName, "execution", (client, input: { executionId: string; abandon: boolean; wasStopping: boolean; reason?: string }, abortSignal) =>
    client.send(
      new StopPipelineExecutionCommand({
        pipelineName,
        pipelineExecutionId: input.executionId,
        abandon: input.abandon,
        reason: input.reason?.trim() ? input.reason.trim() : undefined,
      }),
      { abortSignal },
    ),
    stopHappened,
  );
}

export function useRollbackStage(pipelineName: string) {
  return usePipelineMutation(pipelineName, "execution", (client, input: { stageName: string; targetExecutionId: string; currentExecutionId?: string }, abortSignal) =>
    client.send(new RollbackStageCommand({ pipelineName, stageName: input.stageName, targetPipelineExecutionId: input.targetExecutionId }), {
      abortSignal,
    }),
    rollbackHappened,
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
    overrideHappened,
  );
}

import {
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  type ConditionType,
  type StageState,
} from "@aws-sdk/client-codepipeline";
import type { Source } from "./source";

/**
 * Whether a control's call may have taken effect although it failed: a server error, a timeout or a lost
 * connection can come after CodePipeline acted, and when the SDK retried (`attempts > 1`) an earlier
 * attempt may have acted even if the last one was refused (e.g. StageNotRetryableException because the
 * first retry already started the stage). Only then is the state read again before "try again" is offered.
 */
export function mayHaveHappened(error: unknown): boolean {
  if (error instanceof TypeError) return true; // fetch failed: the request may have arrived
  if (!(error instanceof Error)) return false;
  const e = error as Error & { $fault?: string; $metadata?: { httpStatusCode?: number; attempts?: number } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return true;
  if (e.$fault === "server" || (e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return (e.$metadata?.attempts ?? 1) > 1;
}

/**
 * One fresh read per control kind, after a call that may have happened: what the pipeline now shows
 * that the call was meant to bring about, in words, or null when it shows no sign of it.
 */
export type DidItHappen<Input> = (source: Source, pipelineName: string, input: Input) => Promise<string | null>;

async function stageState(source: Source, pipelineName: string, stageName: string): Promise<StageState | undefined> {
  const state = await source.send((client, abortSignal) => client.send(new GetPipelineStateCommand({ name: pipelineName }), { abortSignal }), {
    pipelineName,
  });
  return state.stageStates?.find((s) => s.stageName === stageName);
}

async function execution(source: Source, pipelineName: string, pipelineExecutionId: string) {
  const out = await source.send(
    (client, abortSignal) => client.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }), { abortSignal }),
    { pipelineName },
  );
  return out.pipelineExecution;
}

export const transitionHappened: DidItHappen<{ stageName: string; enable: boolean }> = async (source, pipelineName, { stageName, enable }) => {
  const enabled = (await stageState(source, pipelineName, stageName))?.inboundTransitionState?.enabled;
  return enabled === enable ? `the transition into ${stageName} is ${enable ? "enabled" : "disabled"}` : null;
};

/** A retried stage keeps its execution id; before the retry it was Failed. */
export const retryHappened: DidItHappen<{ stageName: string; executionId: string }> = async (source, pipelineName, { stageName, executionId }) => {
  const latest = (await stageState(source, pipelineName, stageName))?.latestExecution;
  if (latest?.pipelineExecutionId !== executionId || !latest.status || latest.status === "Failed") return null;
  return `stage ${stageName} is ${latest.status === "InProgress" ? "running again" : latest.status.toLowerCase()}`;
};

/** Abandoning an execution that was already stopping shows only once it has stopped. */
export const stopHappened: DidItHappen<{ executionId: string; abandon: boolean; wasStopping: boolean }> = async (
  source,
  pipelineName,
  { executionId, wasStopping },
) => {
  const status = (await execution(source, pipelineName, executionId))?.status;
  if (status === "Stopped") return `execution ${executionId} has stopped`;
  if (status === "Stopping" && !wasStopping) return `execution ${executionId} is stopping`;
  return null;
};

/** A rollback is a new execution of type ROLLBACK in the stage, aimed at the chosen execution. */
export const rollbackHappened: DidItHappen<{ stageName: string; targetExecutionId: string; currentExecutionId?: string }> = async (
  source,
  pipelineName,
  { stageName, targetExecutionId, currentExecutionId },
) => {
  const latest = (await stageState(source, pipelineName, stageName))?.latestExecution;
  if (!latest?.pipelineExecutionId || latest.pipelineExecutionId === currentExecutionId || latest.type !== "ROLLBACK") return null;
  const rollback = await execution(source, pipelineName, latest.pipelineExecutionId);
  return rollback?.rollbackMetadata?.rollbackTargetPipelineExecutionId === targetExecutionId
    ? `rollback execution ${latest.pipelineExecutionId} is in stage ${stageName}`
    : null;
};

export const overrideHappened: DidItHappen<{ stageName: string; conditionType: ConditionType }> = async (
  source,
  pipelineName,
  { stageName, conditionType },
) => {
  const stage = await stageState(source, pipelineName, stageName);
  const condition = conditionType === "BEFORE_ENTRY" ? stage?.beforeEntryConditionState : stage?.onSuccessConditionState;
  return condition?.latestExecution?.status === "Overridden" ? `the condition of stage ${stageName} is overridden` : null;
};

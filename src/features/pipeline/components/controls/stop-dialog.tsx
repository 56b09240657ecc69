import { useId, useState } from "react";
import type { PipelineExecutionStatus } from "@aws-sdk/client-codepipeline";
import { useStopExecution } from "../../../../lib/aws/pipeline-mutations";
import { ControlDialog } from "../../../../components/control-dialog";
import { dangerButton, inputClass } from "../../../../components/styles";

/**
 * Stop and wait, or stop and abandon. While an execution is already Stopping, only abandon is
 * offered (the API rejects a second stop-and-wait): that is the escalation path.
 */
export function StopDialog({
  pipelineName,
  executionId,
  status,
  onClose,
}: {
  pipelineName: string;
  executionId: string;
  status: PipelineExecutionStatus | undefined;
  onClose(): void;
}) {
  const mutation = useStopExecution(pipelineName);
  const stopping = status === "Stopping";
  const [abandon, setAbandon] = useState(stopping);
  const [reason, setReason] = useState("");
  const id = useId();
  return (
    <ControlDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={stopping ? `Abandon execution ${executionId.slice(0, 8)} of ${pipelineName}` : `Stop execution ${executionId.slice(0, 8)} of ${pipelineName}`}
      description={
        <p>
          Execution <code className="font-mono">{executionId}</code> of <strong>{pipelineName}</strong>
          {stopping ? " is already stopping, waiting for its running actions. Abandon them to stop now." : "."} Consider disabling the
          inbound transition first so the next execution does not take the unlocked stage.
        </p>
      }
      error={mutation.error}
      happened={mutation.data?.happened}
      onSubmit={() => mutation.submit({ executionId, abandon, wasStopping: stopping, reason }, onClose)}
      footer={
        <button type="submit" className={dangerButton} disabled={mutation.isPending}>
          {mutation.isPending ? "Stopping…" : abandon ? "Stop and abandon" : "Stop and wait"}
        </button>
      }
    >
      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="mb-1 font-medium">How to stop</legend>
        <label className={`flex items-start gap-2 ${stopping ? "opacity-70" : ""}`}>
          <input type="radio" name={`${id}-mode`} checked={!abandon} disabled={stopping} onChange={() => setAbandon(false)} className="mt-1" />
          <span>
            <span className="font-medium">Stop and wait</span>
            <span className="block text-zinc-600 dark:text-zinc-400">
              {stopping ? "Unavailable: the execution is already stopping." : "Running actions finish; no new action starts."}
            </span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name={`${id}-mode`} checked={abandon} onChange={() => setAbandon(true)} className="mt-1" />
          <span>
            <span className="font-medium">Stop and abandon</span>
            <span className="block text-zinc-600 dark:text-zinc-400">Running actions are abandoned now; their work may be left half done.</span>
          </span>
        </label>
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-reason`} className="text-sm font-medium">
          Reason (optional)
        </label>
        <input id={`${id}-reason`} className={inputClass} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
    </ControlDialog>
  );
}

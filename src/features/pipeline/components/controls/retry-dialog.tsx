import { useId, useState } from "react";
import type { StageRetryMode } from "@aws-sdk/client-codepipeline";
import { useRetryStage } from "../../../../lib/aws/pipeline-mutations";
import type { RetryAvailability } from "../../../../core/graph/availability";
import { ControlDialog } from "../../../../components/control-dialog";
import { primaryButton } from "../../../../components/styles";

export function RetryDialog({
  pipelineName,
  stageName,
  executionId,
  availability,
  onClose,
}: {
  pipelineName: string;
  stageName: string;
  executionId: string;
  availability: RetryAvailability;
  onClose(): void;
}) {
  const mutation = useRetryStage(pipelineName);
  const [mode, setMode] = useState<StageRetryMode | undefined>(
    availability.failedActions === null ? "FAILED_ACTIONS" : availability.allActions === null ? "ALL_ACTIONS" : undefined,
  );
  const name = useId();
  const options: { value: StageRetryMode; label: string; help: string; reason: string | null }[] = [
    { value: "FAILED_ACTIONS", label: "Retry failed actions", help: "Only the failed actions run again.", reason: availability.failedActions },
    { value: "ALL_ACTIONS", label: "Retry all actions", help: "The whole stage runs again from its first action.", reason: availability.allActions },
  ];
  return (
    <ControlDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Retry stage ${stageName}`}
      description={
        <p>
          Re-runs stage <strong>{stageName}</strong> of <strong>{pipelineName}</strong> for execution <code className="font-mono">{executionId}</code>.
        </p>
      }
      error={mutation.error}
      happened={mutation.data?.happened}
      onSubmit={() => {
        if (mode) mutation.submit({ stageName, executionId, retryMode: mode }, onClose);
      }}
      footer={
        <button type="submit" className={primaryButton} disabled={!mode || mutation.isPending}>
          {mutation.isPending ? "Retrying…" : "Retry"}
        </button>
      }
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">What to retry</legend>
        {options.map((o) => (
          <label key={o.value} className={`flex items-start gap-2 text-sm ${o.reason ? "opacity-70" : ""}`}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={mode === o.value}
              disabled={o.reason !== null}
              onChange={() => setMode(o.value)}
              className="mt-1"
            />
            <span>
              <span className="font-medium">{o.label}</span>
              <span className="block text-zinc-600 dark:text-zinc-400">{o.reason ? `Unavailable: ${o.reason}` : o.help}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </ControlDialog>
  );
}

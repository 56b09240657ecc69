import { useId, useState } from "react";
import { checkDisableReason, DISABLE_REASON_MAX, useSetTransition } from "../../../../lib/aws/pipeline-mutations";
import { ControlDialog } from "../../../../components/control-dialog";
import { dangerButton, inputClass, primaryButton } from "../../../../components/styles";

export function TransitionDialog({
  pipelineName,
  stageName,
  enable,
  onClose,
}: {
  pipelineName: string;
  stageName: string;
  enable: boolean;
  onClose(): void;
}) {
  const mutation = useSetTransition(pipelineName);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const problem = enable ? null : checkDisableReason(reason);
  const reasonId = useId();
  const hintId = useId();
  return (
    <ControlDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={enable ? `Enable the transition into ${stageName}` : `Disable the transition into ${stageName}`}
      description={
        enable ? (
          <p>
            Executions waiting in front of <strong>{stageName}</strong> in <strong>{pipelineName}</strong> will enter it. A transition disabled
            for more than 30 days does not release the latest revision.
          </p>
        ) : (
          <p>
            No execution will enter <strong>{stageName}</strong> in <strong>{pipelineName}</strong> until the transition is enabled again; they
            wait in front of it.
          </p>
        )
      }
      error={mutation.error}
      happened={mutation.data?.happened}
      onSubmit={() => {
        setTouched(true);
        if (!problem) mutation.submit({ stageName, enable, reason: enable ? undefined : reason }, onClose);
      }}
      footer={
        enable ? (
          <button type="submit" className={primaryButton} disabled={mutation.isPending}>
            {mutation.isPending ? "Enabling…" : "Enable transition"}
          </button>
        ) : (
          <button type="submit" className={dangerButton} disabled={mutation.isPending}>
            {mutation.isPending ? "Disabling…" : "Disable transition"}
          </button>
        )
      }
    >
      {!enable && (
        <div className="flex flex-col gap-1">
          <label htmlFor={reasonId} className="text-sm font-medium">
            Reason (required)
          </label>
          <textarea
            id={reasonId}
            className={inputClass}
            rows={2}
            maxLength={DISABLE_REASON_MAX + 50}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => setTouched(true)}
            aria-invalid={touched && !!problem}
            aria-describedby={hintId}
          />
          <p id={hintId} className={`text-xs ${touched && problem ? "font-medium text-red-700 dark:text-red-300" : "text-zinc-600 dark:text-zinc-400"}`}>
            {touched && problem ? problem : `Letters, digits, spaces and ! @ ( ) . * ? - only; up to ${DISABLE_REASON_MAX} characters.`}
          </p>
        </div>
      )}
    </ControlDialog>
  );
}

import { useId, useState } from "react";
import { usePutApproval } from "../../api/pipeline-mutations";
import { ControlDialog, dangerButton, inputClass, primaryButton } from "./control-dialog";

/**
 * Approve or reject one manual approval in place. Self-contained (pipeline, stage, action, token)
 * so the approvals inbox can open the same dialog.
 */
export function ApprovalDialog({
  pipelineName,
  stageName,
  actionName,
  token,
  onClose,
}: {
  pipelineName: string;
  stageName: string;
  actionName: string;
  token: string;
  onClose(): void;
}) {
  const mutation = usePutApproval(pipelineName);
  const [summary, setSummary] = useState("");
  const [decision, setDecision] = useState<"approve" | "reject">();
  const id = useId();
  const submit = (approve: boolean) => {
    if (mutation.isPending) return;
    setDecision(approve ? "approve" : "reject");
    mutation.mutate({ stageName, actionName, token, approve, summary }, { onSuccess: onClose });
  };
  return (
    <ControlDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Review approval ${actionName} in ${stageName}`}
      description={
        <p>
          Approving lets the execution of <strong>{pipelineName}</strong> continue past stage <strong>{stageName}</strong>; rejecting fails the
          stage.
        </p>
      }
      error={mutation.error}
      onSubmit={() => submit(true)}
      footer={
        <>
          <button type="button" className={dangerButton} disabled={mutation.isPending} onClick={() => submit(false)}>
            {mutation.isPending && decision === "reject" ? "Rejecting…" : "Reject"}
          </button>
          <button type="submit" className={primaryButton} disabled={mutation.isPending}>
            {mutation.isPending && decision === "approve" ? "Approving…" : "Approve"}
          </button>
        </>
      }
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-summary`} className="text-sm font-medium">
          Comment (optional)
        </label>
        <textarea id={`${id}-summary`} className={inputClass} rows={3} maxLength={512} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
    </ControlDialog>
  );
}

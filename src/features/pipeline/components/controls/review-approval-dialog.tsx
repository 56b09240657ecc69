import { ApprovalDecision } from "../../../../components/approval-decision";
import { DialogFrame } from "../../../../components/dialog-frame";
import { secondaryButton } from "../../../../components/styles";

/**
 * Approve or reject one manual approval in place, with the inbox's own decision flow (comment rules,
 * confirmation naming the execution and revision, fresh token just before sending). Closes once a
 * decision was sent; the graph behind shows what happened next.
 */
export function ReviewApprovalDialog({
  pipelineName,
  stageName,
  actionName,
  executionId,
  onClose,
}: {
  pipelineName: string;
  stageName: string;
  actionName: string;
  executionId?: string;
  onClose(): void;
}) {
  return (
    <DialogFrame
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Review approval ${actionName} in ${stageName}`}
      description={
        <p>
          Approving lets execution {executionId ? <code className="font-mono break-all">{executionId}</code> : "the waiting execution"} of{" "}
          <strong>{pipelineName}</strong> continue past stage <strong>{stageName}</strong>; rejecting fails the stage.
        </p>
      }
    >
      <div className="mt-4">
        <ApprovalDecision pipelineName={pipelineName} stageName={stageName} actionName={actionName} executionId={executionId} onDecided={onClose} />
      </div>
      <div className="mt-4 flex justify-end">
        <button type="button" className={secondaryButton} onClick={onClose}>
          Cancel
        </button>
      </div>
    </DialogFrame>
  );
}

import { useState } from "react";
import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { approvalKey, withDeclaration, type PendingApproval } from "../../../../core/approvals/pending";
import { ApprovalReview, ApprovalStatusBadge } from "../../../../components/approval-review";
import { DialogFrame } from "../../../../components/dialog-frame";
import { secondaryButton } from "../../../../components/styles";

/**
 * Approve or reject one manual approval in place, with the inbox's own context and decision flow (message and
 * review link as resolved for the run, revisions, trigger, countdown; comment rules, confirmation, fresh token
 * just before sending). Once the approval no longer waits (decided elsewhere, timed out) it says how it ended.
 * Closes once a decision was sent; the graph behind shows what happened next.
 */
export function ReviewApprovalDialog({
  pipelineName,
  stageName,
  actionName,
  executionId,
  declaration,
  pending,
  onClose,
}: {
  pipelineName: string;
  stageName: string;
  actionName: string;
  executionId?: string;
  declaration: PipelineDeclaration | undefined;
  /** The pipeline's approvals waiting now, as the page reads them. */
  pending: readonly PendingApproval[];
  onClose(): void;
}) {
  const current = pending.find((a) => a.stageName === stageName && a.actionName === actionName && (!executionId || a.executionId === executionId));
  // Kept as first seen, so the review stays on screen (and says how it ended) once the approval stops waiting.
  const [opened] = useState<PendingApproval>(
    () => current ?? { key: approvalKey(pipelineName, stageName, actionName, executionId), pipelineName, stageName, actionName, executionId, parallel: false, newer: [] },
  );
  const item = withDeclaration({ approval: current ?? opened }, declaration);
  const shownExecution = item.approval.executionId;
  return (
    <DialogFrame
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Review approval ${actionName} in ${stageName}`}
      description={
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p>
            Approving lets execution {shownExecution ? <code className="font-mono break-all">{shownExecution}</code> : "the waiting execution"} of{" "}
            <strong>{pipelineName}</strong> continue past stage <strong>{stageName}</strong>; rejecting fails the stage.
          </p>
          <ApprovalStatusBadge item={item} waiting={current !== undefined} />
        </div>
      }
    >
      <ApprovalReview item={item} waiting={current !== undefined} onDecided={onClose} />
      <div className="mt-4 flex justify-end">
        <button type="button" className={secondaryButton} onClick={onClose}>
          {current ? "Cancel" : "Close"}
        </button>
      </div>
    </DialogFrame>
  );
}

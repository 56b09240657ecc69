import * as Dialog from "@radix-ui/react-dialog";
import { ApprovalDecision } from "../../../../components/approval-decision";
import { secondaryButton } from "../../../../components/dialog";

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
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 text-zinc-900 shadow-xl dark:bg-zinc-900 dark:text-zinc-100">
          <Dialog.Title className="text-lg font-semibold break-words">
            Review approval {actionName} in {stageName}
          </Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            Approving lets execution {executionId ? <code className="font-mono break-all">{executionId}</code> : "the waiting execution"} of{" "}
            <strong>{pipelineName}</strong> continue past stage <strong>{stageName}</strong>; rejecting fails the stage.
          </Dialog.Description>
          <div className="mt-4">
            <ApprovalDecision pipelineName={pipelineName} stageName={stageName} actionName={actionName} executionId={executionId} onDecided={onClose} />
          </div>
          <div className="mt-4 flex justify-end">
            <Dialog.Close asChild>
              <button type="button" className={secondaryButton}>
                Cancel
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useSource } from "../../../../lib/sources/source-context";
import { formatExactTime } from "../../../../core/format";
import { parseRevisionSummary, shortRevisionId } from "../../../../core/revision";
import { succeededInStageQuery } from "../../../../lib/aws/execution-queries";
import { useRollbackStage } from "../../../../lib/aws/pipeline-mutations";
import { rollbackTargets } from "../../../../core/graph/availability";
import { ControlDialog } from "../../../../components/control-dialog";
import { primaryButton } from "../../../../components/styles";

/** RollbackStage (V2): pick an earlier execution that succeeded in this stage. */
export function RollbackDialog({
  pipelineName,
  stageName,
  currentExecutionId,
  unavailable,
  onClose,
}: {
  pipelineName: string;
  stageName: string;
  currentExecutionId?: string;
  /** Why the API would refuse right now, if it would. */
  unavailable: string | null;
  onClose(): void;
}) {
  const source = useSource();
  const targets = useQuery(succeededInStageQuery(source, pipelineName, stageName, currentExecutionId));
  const mutation = useRollbackStage(pipelineName);
  const [target, setTarget] = useState<string>();
  const name = useId();
  const list = rollbackTargets(targets.data ?? [], currentExecutionId);
  return (
    <ControlDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Roll back stage ${stageName}`}
      description={
        <p>
          Starts a rollback execution that re-runs stage <strong>{stageName}</strong> of <strong>{pipelineName}</strong> with the revisions of the
          execution you choose.
        </p>
      }
      error={mutation.error ?? targets.error}
      happened={mutation.data?.happened}
      onSubmit={() => {
        if (target && !unavailable) mutation.submit({ stageName, targetExecutionId: target, currentExecutionId }, onClose);
      }}
      footer={
        <button type="submit" className={primaryButton} disabled={!target || mutation.isPending || !!unavailable}>
          {mutation.isPending ? "Rolling back…" : "Roll back"}
        </button>
      }
    >
      {unavailable && <p className="text-sm font-medium text-amber-800 dark:text-amber-300">Unavailable: {unavailable}</p>}
      <fieldset className="flex max-h-72 flex-col gap-1 overflow-y-auto">
        <legend className="mb-1 text-sm font-medium">Roll back to</legend>
        {targets.isPending && <p className="text-sm">Loading executions that succeeded in {stageName}…</p>}
        {targets.isSuccess && list.length === 0 && <p className="text-sm">No earlier execution succeeded in {stageName}.</p>}
        {list.map((e) => {
          const rev = e.sourceRevisions?.[0];
          const message = parseRevisionSummary(rev?.revisionSummary).message;
          return (
            <label key={e.pipelineExecutionId} className="flex items-start gap-2 rounded px-1 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
              <input type="radio" name={name} className="mt-1" checked={target === e.pipelineExecutionId} onChange={() => setTarget(e.pipelineExecutionId)} />
              <span className="min-w-0">
                <span className="font-mono">{e.pipelineExecutionId}</span>
                <span className="block truncate text-zinc-600 dark:text-zinc-400">
                  {e.startTime ? formatExactTime(e.startTime) : ""}
                  {rev?.revisionId ? ` · ${shortRevisionId(rev.revisionId)}` : ""}
                  {message ? ` ${message}` : ""}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>
    </ControlDialog>
  );
}

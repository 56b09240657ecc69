import type { ConditionType } from "@aws-sdk/client-codepipeline";
import { useOverrideCondition } from "../../../../lib/aws/pipeline-mutations";
import { ControlDialog } from "../../../../components/control-dialog";
import { primaryButton } from "../../../../components/styles";

const LABEL: Record<ConditionType, string> = { BEFORE_ENTRY: "entry condition", ON_SUCCESS: "on-success condition" };

export function OverrideDialog({
  pipelineName,
  stageName,
  executionId,
  conditionType,
  onClose,
}: {
  pipelineName: string;
  stageName: string;
  executionId: string;
  conditionType: ConditionType;
  onClose(): void;
}) {
  const mutation = useOverrideCondition(pipelineName);
  return (
    <ControlDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Override the ${LABEL[conditionType]} of ${stageName}`}
      description={
        <p>
          Execution <code className="font-mono">{executionId}</code> of <strong>{pipelineName}</strong> proceeds as if the {LABEL[conditionType]}{" "}
          of stage <strong>{stageName}</strong> had passed, whatever its rules say.
        </p>
      }
      error={mutation.error}
      happened={mutation.data?.happened}
      onSubmit={() => mutation.submit({ stageName, executionId, conditionType }, onClose)}
      footer={
        <button type="submit" className={primaryButton} disabled={mutation.isPending}>
          {mutation.isPending ? "Overriding…" : "Override condition"}
        </button>
      }
    />
  );
}

import { useId, useState } from "react";
import { ControlDialog } from "../../../components/control-dialog";
import { dangerButton, inputClass } from "../../../components/styles";
import { useDeletePipeline } from "../../../lib/aws/definition-mutations";

/** DeletePipeline cannot be undone, so the name must be typed, exactly, before the button works. */
export function DeletePipelineDialog({ name, onClose, onDeleted }: { name: string; onClose(): void; onDeleted(): void }) {
  const [typed, setTyped] = useState("");
  const remove = useDeletePipeline(name, onDeleted);
  const inputId = useId();
  const matches = typed === name;
  return (
    <ControlDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Delete pipeline ${name}`}
      description={<p>The pipeline, its versions and its execution history are deleted for good. Running executions stop.</p>}
      error={remove.error}
      onSubmit={() => {
        if (matches) remove.mutate();
      }}
      footer={
        <button type="submit" className={dangerButton} disabled={!matches || remove.isPending}>
          {remove.isPending ? "Deleting…" : "Delete pipeline"}
        </button>
      }
    >
      <label htmlFor={inputId} className="text-sm font-medium">
        Type <strong className="font-mono break-all">{name}</strong> to confirm
      </label>
      <input id={inputId} className={inputClass} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
    </ControlDialog>
  );
}

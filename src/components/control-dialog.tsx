import * as Dialog from "@radix-ui/react-dialog";
import type { FormEvent, ReactNode } from "react";
import { CheckedControlError, type ControlResult } from "../lib/aws/pipeline-mutations";
import { DialogFrame } from "./dialog-frame";
import { secondaryButton } from "./styles";

/** What the API said, with a plain explanation when the role is read-only. */
export function ApiErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof Error ? error : new Error(String(error));
  const denied = e.name === "AccessDeniedException";
  return (
    <div role="alert" className="rounded-md border border-red-600/40 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-400/40 dark:bg-red-950 dark:text-red-100">
      {denied && (
        <p className="font-semibold">
          Your credentials are read-only: this role may view pipelines but not change them. Ask for a role with CodePipeline write access.
        </p>
      )}
      <p className="break-words">
        <span className="font-semibold">{e.name && e.name !== "Error" ? `${e.name}: ` : ""}</span>
        {e.message}
      </p>
      {e instanceof CheckedControlError && (
        <p className="mt-1 font-medium">
          {e.state === "unchanged"
            ? "A fresh read of the pipeline shows it did not happen; you can try again."
            : "It may have happened anyway, and the pipeline could not be read to check: look at the pipeline before trying again."}
        </p>
      )}
    </div>
  );
}

/** The call failed but the pipeline shows it took effect: said plainly, and nothing is offered to send again. */
function HappenedMessage({ happened }: { happened: NonNullable<ControlResult<unknown>["happened"]> }) {
  return (
    <div role="status" className="rounded-md border border-emerald-600/40 bg-emerald-50 px-3 py-2 text-sm text-emerald-950 dark:border-emerald-400/40 dark:bg-emerald-950 dark:text-emerald-100">
      <p className="font-semibold">It did happen: {happened.what}.</p>
      <p className="break-words">
        The call ended with an error ({happened.lost.name && happened.lost.name !== "Error" ? `${happened.lost.name}: ` : ""}
        {happened.lost.message}), but a fresh read of the pipeline shows it took effect, so it is not sent again.
      </p>
    </div>
  );
}

/**
 * Every control's dialog: the title names exactly what it acts on, the body explains, the API's
 * error (if any) shows above the buttons, and the dialog closes only on success. When the call failed
 * but `happened` says it took effect anyway, the dialog says so and offers only Close.
 */
export function ControlDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  error,
  happened,
  onSubmit,
  footer,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description: ReactNode;
  children?: ReactNode;
  error?: unknown;
  happened?: ControlResult<unknown>["happened"];
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  footer: ReactNode;
}) {
  return (
    <DialogFrame open={open} onOpenChange={onOpenChange} title={title} description={description}>
      <form
        className="mt-4 flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!happened) onSubmit(event);
        }}
      >
        {children}
        {happened ? <HappenedMessage happened={happened} /> : <ApiErrorMessage error={error} />}
        <div className="flex flex-wrap justify-end gap-2">
          <Dialog.Close asChild>
            <button type="button" className={secondaryButton}>
              {happened ? "Close" : "Cancel"}
            </button>
          </Dialog.Close>
          {!happened && footer}
        </div>
      </form>
    </DialogFrame>
  );
}

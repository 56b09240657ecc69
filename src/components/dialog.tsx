import * as Dialog from "@radix-ui/react-dialog";
import type { FormEvent, ReactNode } from "react";
import { CheckedControlError, type ControlResult } from "../lib/aws/pipeline-mutations";

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

export const inputClass =
  "w-full rounded-md border border-zinc-400 bg-white px-2 py-1.5 text-sm text-zinc-900 focus:outline-2 focus:outline-sky-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";
export const primaryButton =
  "rounded-md bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-sky-500 dark:text-zinc-950 dark:hover:bg-sky-400";
export const dangerButton =
  "rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-red-500 dark:text-zinc-950 dark:hover:bg-red-400";
export const secondaryButton =
  "rounded-md border border-zinc-400 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-600 dark:hover:bg-zinc-800";

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
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 text-zinc-900 shadow-xl dark:bg-zinc-900 dark:text-zinc-100">
          <Dialog.Title className="text-lg font-semibold break-words">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{description}</div>
          </Dialog.Description>
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
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

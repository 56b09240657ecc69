import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

/**
 * Every dialog's frame (Radix Dialog: focus trap, Escape, labelled by its title and description): the controls',
 * the approval decision's confirmation and the review of an approval on the pipeline page.
 */
export function DialogFrame({
  open,
  onOpenChange,
  title,
  description,
  children,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: ReactNode;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[90dvh] w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 text-zinc-900 shadow-xl dark:bg-zinc-900 dark:text-zinc-100">
          <Dialog.Title className="text-lg font-semibold break-words">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{description}</div>
          </Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode, RefObject } from "react";

/**
 * The phone header's menu: a sheet from the right (Radix Dialog: focus kept inside, Escape and a tap outside
 * close it). Its content comes from the layout, so this chunk holds Radix alone and shares no module with the
 * first page (shared modules would split the first page's chunks and cost it bytes).
 */
export default function AppMenu({
  open,
  onOpenChange,
  returnFocusTo,
  children,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  returnFocusTo: RefObject<HTMLButtonElement | null>;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            // The trigger lives outside Radix (it renders before this chunk loads): focus goes back to it by hand.
            event.preventDefault();
            returnFocusTo.current?.focus();
          }}
          className="fixed inset-y-0 right-0 z-50 flex w-[min(20rem,calc(100vw-3rem))] flex-col gap-6 overflow-y-auto bg-white p-4 text-zinc-900 shadow-xl dark:bg-zinc-900 dark:text-zinc-100"
        >
          <div className="flex items-center justify-between gap-2">
            <Dialog.Title className="text-lg font-semibold">Menu</Dialog.Title>
            <Dialog.Close className="grid size-11 place-items-center rounded-md text-2xl hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-700 dark:hover:bg-zinc-800">
              <span aria-hidden="true">×</span>
              <span className="sr-only">Close the menu</span>
            </Dialog.Close>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

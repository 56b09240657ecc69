import * as Dialog from "@radix-ui/react-dialog";
import type { RefObject } from "react";
import { useSources } from "../lib/sources/source-context";
import { ApprovalsNavLink } from "../features/approvals/components/pending-approvals-count";
import { PipelinesNavLink } from "./nav-links";
import { SignedInAs } from "./signed-in-as";

const ITEM = "flex min-h-11 items-center rounded-md px-3";

/**
 * The phone header's menu: a sheet from the right (Radix Dialog: focus kept inside, Escape and a tap outside
 * close it) with the pages, the sources in full and the sign-in. A link closes it as it navigates.
 */
export default function AppMenu({
  open,
  onOpenChange,
  returnFocusTo,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  returnFocusTo: RefObject<HTMLButtonElement | null>;
}) {
  const sources = useSources();
  const close = () => onOpenChange(false);
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
          <nav aria-label="Pages">
            <ul className="flex flex-col gap-1">
              <li>
                <PipelinesNavLink className={ITEM} onClick={close} />
              </li>
              <li>
                <ApprovalsNavLink className={ITEM} onClick={close} />
              </li>
            </ul>
          </nav>
          <section aria-labelledby="menu-sources">
            <h2 id="menu-sources" className="font-semibold">
              {sources.length === 1 ? "Account and region" : `${sources.length} accounts and regions`}
            </h2>
            <ul className="mt-2 space-y-1 text-zinc-700 dark:text-zinc-300">
              {sources.map((source) => (
                <li key={source.id}>{source.label}</li>
              ))}
            </ul>
          </section>
          <div className="flex flex-wrap items-center gap-2">
            <SignedInAs />
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

import { lazy, Suspense, useRef, useState, type ReactNode } from "react";
import { Outlet } from "react-router";
import { MenuIcon } from "../components/icons";
import { ApprovalsNavLink, PendingCountContext } from "../features/approvals/components/pending-approvals-count";
import { useApprovalsAttention } from "../features/approvals/use-approvals-attention";
import { InsightsNavLink, MenuContent, PipelinesNavLink, SignedInAsWhenSignedIn, SourcesSummary } from "./nav-links";

const loadAppMenu = () => import("./app-menu");
// Lazy: the phone menu (a Radix Dialog) loads on the first tap, not with the first page.
const AppMenu = lazy(loadAppMenu);

/**
 * The approvals count changes with every pipeline's state answer (and the first screen reads them all): only the
 * badges re-render with it, not the page. `children` are the layout's elements, made once per layout render.
 */
function PendingCountProvider({ children }: { children: ReactNode }) {
  const pending = useApprovalsAttention();
  return <PendingCountContext value={pending}>{children}</PendingCountContext>;
}

export function Layout() {
  return (
    <PendingCountProvider>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900"
      >
        Skip to content
      </a>
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-7xl items-center gap-x-3 gap-y-2 px-4 py-2 md:flex-wrap md:gap-x-6 md:px-6 md:py-3">
          <span className="min-w-0 truncate font-semibold">
            CodePipeline<span className="max-sm:hidden"> Dashboard</span>
          </span>
          {/* From tablet width up: the pages, the sources and the sign-in side by side. */}
          <nav aria-label="Main" className="hidden md:block">
            <ul className="flex gap-4 text-sm">
              <li>
                <PipelinesNavLink />
              </li>
              <li>
                <ApprovalsNavLink />
              </li>
              <li>
                <InsightsNavLink />
              </li>
            </ul>
          </nav>
          <SourcesSummary className="ml-auto hidden text-sm text-zinc-600 md:inline dark:text-zinc-400" />
          <span className="hidden md:contents">
            <SignedInAsWhenSignedIn />
          </span>
          {/* On a phone: the approvals count stays in the bar, everything else goes into the menu. */}
          <nav aria-label="Main" className="ml-auto shrink-0 md:hidden">
            <ApprovalsNavLink className="inline-flex min-h-11 items-center rounded px-2" />
          </nav>
          <MenuButton />
        </div>
      </header>
      <Outlet />
    </PendingCountProvider>
  );
}

function MenuButton() {
  const [open, setOpen] = useState(false);
  // Mounted from the first tap on, so closing keeps Radix's exit and the chunk is fetched once.
  const [wanted, setWanted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={() => void loadAppMenu()}
        onFocus={() => void loadAppMenu()}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
        className="grid size-11 shrink-0 place-items-center rounded-md text-xl hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-700 md:hidden dark:hover:bg-zinc-800"
      >
        <MenuIcon />
        <span className="sr-only">Menu</span>
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <AppMenu open={open} onOpenChange={setOpen} returnFocusTo={button}>
            <MenuContent close={() => setOpen(false)} />
          </AppMenu>
        </Suspense>
      )}
    </>
  );
}

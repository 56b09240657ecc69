import { lazy, Suspense } from "react";
import { NavItem, type NavItemProps } from "../components/nav-item";
import { useSources } from "../lib/sources/source-context";
import { paths } from "../lib/paths";
import { ApprovalsNavLink } from "../features/approvals/components/pending-approvals-count";
import { signInSession } from "../lib/aws/id-token";

export function PipelinesNavLink(props: NavItemProps) {
  return (
    <NavItem to={paths.overview.href()} end {...props}>
      Pipelines
    </NavItem>
  );
}

export function InsightsNavLink(props: NavItemProps) {
  return (
    <NavItem to={paths.insights.href()} {...props}>
      Insights
    </NavItem>
  );
}

/** One source by its label, several by their number; every label in the tooltip. */
export function SourcesSummary({ className }: { className?: string }) {
  const sources = useSources();
  return (
    <span className={className} title={sources.map((s) => s.label).join("\n")}>
      {sources.length === 1 ? sources[0].label : `${sources.length} accounts and regions`}
    </span>
  );
}

// Lazy: only a config that signs in has someone to show; the others never load it with the first page.
const SignedInAs = lazy(async () => ({ default: (await import("./signed-in-as")).SignedInAs }));

/** Who is signed in and signing out, in the header or the phone menu; nothing (and no code) without a sign-in. */
export function SignedInAsWhenSignedIn() {
  if (!signInSession()) return null;
  return (
    <Suspense fallback={null}>
      <SignedInAs />
    </Suspense>
  );
}

const MENU_ITEM = "flex min-h-11 items-center rounded-md px-3";

/** The phone menu's content: the pages, the sources in full and the sign-in. A link closes the menu as it navigates. */
export function MenuContent({ close }: { close: () => void }) {
  const sources = useSources();
  return (
    <>
      <nav aria-label="Pages">
        <ul className="flex flex-col gap-1">
          <li>
            <PipelinesNavLink className={MENU_ITEM} onClick={close} />
          </li>
          <li>
            <ApprovalsNavLink className={MENU_ITEM} onClick={close} />
          </li>
          <li>
            <InsightsNavLink className={MENU_ITEM} onClick={close} />
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
        <SignedInAsWhenSignedIn />
      </div>
    </>
  );
}

import { lazy, Suspense } from "react";
import { NavLink, Outlet } from "react-router";
import { useSources } from "../lib/sources/source-context";
import { paths } from "../lib/paths";
import { ApprovalsNavLink } from "../features/approvals/components/pending-approvals-count";
import { useApprovalsAttention } from "../features/approvals/use-approvals-attention";
import { signInSession } from "../lib/aws/id-token";

// Only a config that signs in has someone to show: the others' first page does not carry it.
const SignedInAs = lazy(async () => ({ default: (await import("./signed-in-as")).SignedInAs }));

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 ${isActive ? "bg-zinc-100 font-semibold dark:bg-zinc-800" : "hover:underline"}`;

export function Layout() {
  const sources = useSources();
  useApprovalsAttention();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900"
      >
        Skip to content
      </a>
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
          <span className="font-semibold">CodePipeline Dashboard</span>
          <nav aria-label="Main">
            <ul className="flex gap-4 text-sm">
              <li>
                <NavLink
                  to={paths.overview.href()}
                  end
                  className={navLinkClass}
                >
                  Pipelines
                </NavLink>
              </li>
              <li>
                <ApprovalsNavLink />
              </li>
              <li>
                <NavLink to={paths.insights.href()} className={navLinkClass}>
                  Insights
                </NavLink>
              </li>
            </ul>
          </nav>
          <span className="ml-auto text-sm text-zinc-600 dark:text-zinc-400" title={sources.map((s) => s.label).join("\n")}>
            {sources.length === 1 ? sources[0].label : `${sources.length} accounts and regions`}
          </span>
          {signInSession() && (
            <Suspense>
              <SignedInAs />
            </Suspense>
          )}
        </div>
      </header>
      <Outlet />
    </>
  );
}

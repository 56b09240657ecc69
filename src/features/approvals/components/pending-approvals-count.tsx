import { createContext, use } from "react";
import { NavItem, type NavItemProps } from "../../../components/nav-item";
import { paths } from "../../../lib/paths";

export interface PendingCount {
  count: number;
  /** Every source has answered in full (or failed): before that, zero reads "…". */
  complete: boolean;
}

/**
 * The layout reads the approvals once (useApprovalsAttention) and hands the count to every badge through this:
 * each badge reading them itself put one observer per pipeline per badge (three in the header and menu) on every
 * state answer, most of the first page's render time on a phone.
 */
export const PendingCountContext = createContext<PendingCount>({ count: 0, complete: false });

/** The nav badge: how many approvals wait, on every page. Amber while some wait, quiet at zero. */
export function PendingApprovalsCount() {
  const { count, complete } = use(PendingCountContext);
  return (
    <span
      data-testid="pending-approvals-count"
      className={`ml-1.5 inline-flex min-w-5 justify-center rounded-full px-1.5 text-xs font-semibold tabular-nums ${
        count > 0 ? "bg-amber-700 text-white dark:bg-amber-400 dark:text-zinc-950" : "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100"
      }`}
    >
      <span aria-hidden="true">{complete || count > 0 ? count : "…"}</span>
      <span className="sr-only">{count === 1 ? "1 waiting" : `${count} waiting`}</span>
    </span>
  );
}

/** The navigation's "Approvals" item (same look as the "Pipelines" link), with the count. */
export function ApprovalsNavLink(props: NavItemProps) {
  return (
    <NavItem to={paths.approvals.href()} {...props}>
      Approvals
      <PendingApprovalsCount />
    </NavItem>
  );
}

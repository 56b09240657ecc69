import { NavLink } from "react-router";
import { usePendingApprovals } from "../api/use-approvals";
import { paths } from "../../../lib/paths";

/** The nav badge: how many approvals wait, on every page. Amber while some wait, quiet at zero. */
export function PendingApprovalsCount() {
  const { approvals, complete } = usePendingApprovals();
  const count = approvals.length;
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
export function ApprovalsNavLink({ className = "rounded px-2 py-1", onClick }: { className?: string; onClick?: () => void }) {
  return (
    <NavLink
      to={paths.approvals.href()}
      onClick={onClick}
      className={({ isActive }) => `${className} ${isActive ? "bg-zinc-100 font-semibold dark:bg-zinc-800" : "hover:underline"}`}
    >
      Approvals
      <PendingApprovalsCount />
    </NavLink>
  );
}

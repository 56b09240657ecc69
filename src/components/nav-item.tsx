import type { ReactNode } from "react";
import { NavLink } from "react-router";

export interface NavItemProps {
  /** The header's look by default; the phone menu passes its larger targets. */
  className?: string;
  /** The phone menu closes as a link navigates. */
  onClick?: () => void;
}

/** One page in the navigation (header and phone menu): the current page bold on a tint, the others underlined on hover. */
export function NavItem({ to, end, className = "rounded px-2 py-1", onClick, children }: NavItemProps & { to: string; end?: boolean; children: ReactNode }) {
  return (
    <NavLink
      to={to}
      end={end}
      onClick={onClick}
      className={({ isActive }) => `${className} ${isActive ? "bg-zinc-100 font-semibold dark:bg-zinc-800" : "hover:underline"}`}
    >
      {children}
    </NavLink>
  );
}

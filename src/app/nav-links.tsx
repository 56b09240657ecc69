import { NavLink } from "react-router";
import { useSources } from "../lib/sources/source-context";
import { paths } from "../lib/paths";

export function PipelinesNavLink({ className = "rounded px-2 py-1", onClick }: { className?: string; onClick?: () => void }) {
  return (
    <NavLink
      to={paths.overview.href()}
      end
      onClick={onClick}
      className={({ isActive }) => `${className} ${isActive ? "bg-zinc-100 font-semibold dark:bg-zinc-800" : "hover:underline"}`}
    >
      Pipelines
    </NavLink>
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

import { WarningIcon } from "../../components/icons";
import type { SourceProblem } from "../../core/wall/sources";

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/**
 * One grey note per failing source (never red: it is our reading that fails, not a pipeline). `named`: the wall
 * spans or picks sources, so each note says which one; with the single default source the wording stays as it was.
 */
export function SourceProblems({ problems, named }: { problems: SourceProblem[]; named: boolean }) {
  return problems.map((problem) => {
    // Alone, a source that never answered is already the centre message.
    if (problem.kind === "unreachable" && !named) return null;
    const who = named ? problem.label : "CodePipeline";
    return (
      <span
        key={problem.id}
        className="wall-banner"
        role="status"
        data-testid={problem.kind === "stale" ? "wall-stale-banner" : "wall-source-down"}
        data-source={problem.id}
      >
        <WarningIcon />
        {problem.kind === "stale"
          ? `Can’t reach ${who} — showing data from ${problem.since > 0 ? clock.format(problem.since) : "earlier"}; retrying`
          : `Can’t reach ${who} — its pipelines are not shown; retrying`}
      </span>
    );
  });
}

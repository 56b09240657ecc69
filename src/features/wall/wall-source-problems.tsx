import { WarningIcon } from "../../components/icons";
import { combineProblems, type SourceProblem } from "../../core/wall/sources";

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/**
 * The footer's note on failing sources (grey, never red: it is our reading that fails, not a pipeline). One source:
 * its own note; several: one note for all ("3 of 4 sources unreachable since 13:16 — …"), so the footer stays one
 * line. `named`: the wall spans or picks sources, so the note says which; with the single default source the
 * wording stays as it was. `total`: the sources the wall shows.
 */
export function SourceProblems({ problems, named, total }: { problems: SourceProblem[]; named: boolean; total: number }) {
  const combined = combineProblems(problems, total);
  if (combined) {
    const since = combined.since !== undefined ? ` since ${clock.format(combined.since)}` : "";
    return (
      <Note testId="wall-sources-down">
        {`${combined.count} of ${combined.total} sources unreachable${since} — ${combined.labels.join(", ")}; retrying`}
      </Note>
    );
  }
  const problem = problems[0];
  // Alone, a source that never answered is already the centre message.
  if (!problem || (problem.kind === "unreachable" && !named)) return null;
  const who = named ? problem.label : "CodePipeline";
  return (
    <Note testId={problem.kind === "stale" ? "wall-stale-banner" : "wall-source-down"} source={problem.id}>
      {problem.kind === "stale"
        ? `Can’t reach ${who} — showing data from ${problem.since > 0 ? clock.format(problem.since) : "earlier"}; retrying`
        : `Can’t reach ${who} — its pipelines are not shown; retrying`}
    </Note>
  );
}

/** Cut with an ellipsis when the screen is too narrow (the whole text stays in the status for screen readers). */
function Note({ testId, source, children }: { testId: string; source?: string; children: string }) {
  return (
    <span className="wall-banner" role="status" data-testid={testId} data-source={source}>
      <WarningIcon />
      <span className="wall-banner-text">{children}</span>
    </span>
  );
}

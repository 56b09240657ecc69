import type { LocatedProblem } from "../../../core/definition/validate";
import { lineColumn } from "../../../core/definition/json-positions";

/**
 * The editor's problems as a list screen readers announce and keyboards reach: each one moves the
 * caret to its place in the JSON. The inline markers show the same problems to sighted users.
 */
export function ProblemList({ id, text, problems, onSelect }: { id: string; text: string; problems: LocatedProblem[]; onSelect(position: number): void }) {
  const placed = problems.filter((p) => p.from !== undefined);
  return (
    <div id={id} aria-live="polite" className="text-sm">
      {placed.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">No problems found by the browser-side checks.</p>
      ) : (
        <>
          <h2 className="font-semibold text-red-800 dark:text-red-300">
            {placed.length === 1 ? "1 problem" : `${placed.length} problems`} in the definition
          </h2>
          <ul className="mt-1 flex flex-col gap-1">
            {placed.map((p, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="text-left text-red-800 underline decoration-dotted hover:decoration-solid dark:text-red-300"
                  onClick={() => onSelect(p.from!)}
                >
                  Line {lineColumn(text, p.from!).line}: {p.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

import { explainReadError, type ReadProblem } from "../../../../core/run-details/explain";
import { WarningIcon } from "../../../../components/icons";

/** One piece of the details that could not be read, explained where it would have been; the rest still shows. */
export function ReadProblemNote({ problem, lastGoodAt }: { problem: ReadProblem; lastGoodAt?: number }) {
  return (
    <div
      role="note"
      className="flex items-start gap-2 rounded-md border border-amber-600/40 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400/40 dark:bg-amber-950 dark:text-amber-100"
    >
      <span className="mt-0.5">
        <WarningIcon />
      </span>
      <div>
        <p className="font-semibold">{problem.title}</p>
        <p className="break-words">
          {problem.detail}
          {lastGoodAt ? ` Showing what was read ${new Date(lastGoodAt).toLocaleTimeString("en")}.` : ""}
        </p>
      </div>
    </div>
  );
}

/**
 * A piece's read, the one way every details piece says it: what went wrong (with the time of what it still shows,
 * if anything), or that it is still reading. `explain` names errors the generic explanation would get wrong.
 */
export function QueryReadState({
  query,
  permission,
  what,
  reading,
  explain,
}: {
  query: { error: Error | null; data: unknown; dataUpdatedAt: number; isPending: boolean };
  /** The IAM action the read needs, for the missing-permission explanation. */
  permission: string;
  what: string;
  reading?: string;
  explain?: (error: Error) => ReadProblem | undefined;
}) {
  return (
    <>
      {query.error && (
        <ReadProblemNote
          problem={explain?.(query.error) ?? explainReadError(query.error, permission, what)}
          lastGoodAt={query.data !== undefined ? query.dataUpdatedAt : undefined}
        />
      )}
      {query.isPending && reading && <p className="text-sm">{reading}</p>}
    </>
  );
}

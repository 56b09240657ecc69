import { formatAge } from "../core/format";
import { WarningIcon } from "./icons";
import { useNow } from "./use-now";

/** Says what failed and how old the data still on screen is; the data itself stays. */
export function ErrorBanner({ error, lastGoodAt, what }: { error: Error; lastGoodAt?: number; what: string }) {
  const now = useNow();
  return (
    <div
      role="alert"
      className="flex items-start gap-2 rounded-md border border-amber-600/40 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400/40 dark:bg-amber-950 dark:text-amber-100"
    >
      <span className="mt-0.5 text-base">
        <WarningIcon />
      </span>
      <p>
        <strong>Could not refresh {what}:</strong> {describeError(error)}{" "}
        {lastGoodAt ? `Showing data from ${formatAge(new Date(lastGoodAt), now)} ago.` : "No data yet."} Retrying.
      </p>
    </div>
  );
}

/** Errors of ours whose message already says what failed; the class name would only add noise. */
const SELF_EXPLAINING = new Set(["CredentialsError", "SignInExpiredError"]);

export function describeError(error: Error): string {
  if (SELF_EXPLAINING.has(error.name)) return error.message;
  const name = error.name && error.name !== "Error" ? `${error.name}: ` : "";
  if (error.message === "Failed to fetch" || error instanceof TypeError) {
    return `${name}${error.message} (the endpoint is unreachable, or refused this origin by CORS).`;
  }
  return `${name}${error.message}`;
}

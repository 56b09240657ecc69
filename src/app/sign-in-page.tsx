import { useLeavingAction, useSignInStatus } from "./signed-in-as";
import type { LoginConfig } from "../config/schema";
import { WarningIcon } from "../components/icons";
import { primaryButton } from "../components/styles";
import { useNow } from "../components/use-now";
import { formatExactTime } from "../core/format";
import { signInSession } from "../lib/aws/id-token";

/** Before the app: nothing of it is loaded until the sign-in has succeeded and its token has been checked. */
export function SignInPage({ login, signIn, problem, notice }: { login: LoginConfig; signIn: () => Promise<void>; problem?: string; notice?: string }) {
  const action = useLeavingAction(signIn);
  const error = action.error ?? problem;
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-bold">CodePipeline Dashboard</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">Sign in to see your pipelines.</p>
      {notice && !error && (
        <p role="status" className="mt-4 rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-800">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-4 rounded-md bg-red-50 p-3 text-left text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          <strong>Sign-in failed.</strong> {error}
        </p>
      )}
      <button type="button" onClick={() => void action.run()} disabled={action.busy} className={`mt-6 px-4 py-2 text-base ${primaryButton}`}>
        {action.busy ? "Opening sign-in…" : "Sign in"}
      </button>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">at {new URL(login.authority).host}</p>
    </main>
  );
}

/**
 * Over every page, the wall included, once the sign-in cannot go on by itself: the provider refused to renew
 * it (shown at once, while the token still works), or it ran out (renewal failing or impossible). Credentials
 * already fetched keep working until they expire.
 */
export function SignInNotice() {
  const status = useSignInStatus();
  const now = useNow();
  const session = signInSession();
  const action = useLeavingAction(async () => session?.signInAgain());
  if (!status) return null;
  const expired = now.getTime() >= status.expiresAt;
  if (!expired && status.renewal !== "refused") return null;
  const at = formatExactTime(new Date(status.expiresAt));
  return (
    <div
      role="alert"
      className="fixed inset-x-0 bottom-0 z-50 flex flex-wrap items-center justify-center gap-3 border-t border-amber-600/40 bg-amber-50 px-4 py-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100"
    >
      <WarningIcon />
      <p className="max-w-3xl">
        <strong>{expired ? `Your sign-in expired at ${at}.` : `Your sign-in ends at ${at}: it could not be renewed.`}</strong>{" "}
        {status.problem} {expired && "The data stops refreshing when the current AWS credentials run out."}
        {action.error && <span className="block font-semibold">{action.error}</span>}
      </p>
      <button type="button" onClick={() => void action.run()} disabled={action.busy} className={primaryButton}>
        Sign in again
      </button>
    </div>
  );
}

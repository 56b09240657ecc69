import type { LoginConfig } from "../config/schema";
import { WarningIcon } from "../components/icons";
import { useNow } from "../components/use-now";
import { formatExactTime } from "../core/format";
import { startLogin } from "../lib/aws/id-token";

export function SignInPage({ login, error }: { login: LoginConfig; error?: string }) {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-bold">CodePipeline Dashboard</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">Sign in to see your pipelines.</p>
      {error && (
        <p role="alert" className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          Sign-in failed: {error}
        </p>
      )}
      <button
        type="button"
        onClick={() => startLogin(login)}
        className="mt-6 rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
      >
        Sign in with {login.provider}
      </button>
    </main>
  );
}

/**
 * Shown over every page (the wall included) once the id token has run out. Credentials already fetched keep
 * working until they expire, but the next fetch needs a sign-in, which the implicit flow cannot do unseen.
 */
export function SignInExpiryNotice({ login, expiresAt }: { login: LoginConfig; expiresAt: number }) {
  const now = useNow();
  if (now.getTime() < expiresAt) return null;
  return (
    <div
      role="alert"
      className="fixed inset-x-0 bottom-0 z-50 flex flex-wrap items-center justify-center gap-3 border-t border-amber-600/40 bg-amber-50 px-4 py-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100"
    >
      <WarningIcon />
      <p>
        <strong>Your sign-in expired at {formatExactTime(new Date(expiresAt))}.</strong> The data stops refreshing
        when the current AWS credentials run out.
      </p>
      <button
        type="button"
        onClick={() => startLogin(login)}
        className="rounded-md bg-sky-700 px-3 py-1.5 font-semibold text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
      >
        Sign in again
      </button>
    </div>
  );
}

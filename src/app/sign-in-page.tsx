import type { LoginConfig } from "../config/schema";
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

import { useState, useSyncExternalStore } from "react";
import { secondaryButton } from "../components/styles";
import { signedInIdentity, signInSession, signInStatus, subscribeSignInStatus, type SignInStatus } from "../lib/aws/id-token";

/** The sign-in's state on screen; undefined without a sign-in. */
export function useSignInStatus(): SignInStatus | undefined {
  return useSyncExternalStore(subscribeSignInStatus, signInStatus);
}

/** Runs a step that leaves the page (to the provider); if it fails instead, its message is kept to show. */
export function useLeavingAction(action: () => Promise<void>) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const run = async () => {
    setState({ busy: true });
    try {
      await action();
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return { ...state, run };
}

/** In the header: who is signed in, and signing out. Nothing without a sign-in. */
export function SignedInAs() {
  const status = useSignInStatus();
  const session = signInSession();
  const action = useLeavingAction(async () => session?.signOut());
  if (!status || !session) return null;
  return (
    <span className="flex items-center gap-2 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">{signedInIdentity()}</span>
      <button type="button" onClick={() => void action.run()} disabled={action.busy} className={secondaryButton}>
        {action.busy ? "Signing out…" : "Sign out"}
      </button>
      {action.error && (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {action.error}
        </span>
      )}
    </span>
  );
}

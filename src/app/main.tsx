import { startTransition, StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import "../index.css";
import { applyConnectPolicy, connectSources } from "../config/csp";
import { loadConfig } from "../config/load-config";
import { secondaryButton } from "../components/styles";

const root = createRoot(document.getElementById("root")!);

async function start() {
  const result = await loadConfig();
  if (!result.ok) {
    document.title = "Configuration problem · CodePipeline Dashboard";
    // Loaded only when needed: a good config (every normal start) never pays for the explanations and examples.
    const { ConfigErrorPage } = await import("../components/config-error-page");
    root.render(<ConfigErrorPage problem={result.problem} />);
    return;
  }
  const { config } = result;
  // Before any AWS call: from here on the page may only talk to this region's endpoints and the configured one.
  applyConnectPolicy(config);
  const login = config.credentials.type === "cognito" ? config.credentials.login : undefined;
  let signInNotice: ReactNode = null;
  if (login) {
    // The OpenID Connect client and the sign-in screens load only for configs that sign in, the app only once signed in.
    const [{ startSignIn }, { SignInPage, SignInNotice }] = await Promise.all([import("../lib/sign-in/oidc-session"), import("./sign-in-page")]);
    const signIn = await startSignIn(login, connectSources(config).split(" "));
    if (!signIn.signedIn) {
      document.title = "Sign in · CodePipeline Dashboard";
      root.render(<SignInPage login={login} signIn={signIn.signIn} problem={signIn.problem} notice={signIn.notice} />);
      return;
    }
    signInNotice = <SignInNotice />;
  }
  // The app (router, SDK) loads only once the config is known to be good.
  const { App } = await import("./app");
  // A transition: React renders the first screen in slices that give the main thread back every few ms, instead
  // of one long task, which on a phone's CPU delayed taps and the first answers' handling.
  startTransition(() =>
    root.render(
      <StrictMode>
        <App config={config} />
        {signInNotice}
      </StrictMode>,
    ),
  );
}

start().catch((error: unknown) => {
  // A chunk that fails to load (a deploy replaced it, the network dropped) must not leave a blank page.
  root.render(
    <main className="mx-auto max-w-2xl px-6 py-12">
      <h1 className="text-2xl font-bold">The dashboard could not start</h1>
      <p className="mt-4 font-mono text-sm break-words">{error instanceof Error ? error.message : String(error)}</p>
      <p className="mt-4">
        <button type="button" className={secondaryButton} onClick={() => location.reload()}>
          Reload
        </button>
      </p>
    </main>,
  );
});

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../index.css";
import { loadConfig } from "../config/load-config";
import { ConfigErrorPage } from "../components/config-error-page";
import { acceptRedirect, storedIdToken } from "../lib/aws/id-token";
import { SignInPage } from "./sign-in-page";

const root = createRoot(document.getElementById("root")!);

async function start() {
  const result = await loadConfig();
  if (!result.ok) {
    document.title = "Configuration problem · CodePipeline Dashboard";
    root.render(<ConfigErrorPage problem={result.problem} />);
    return;
  }
  const { config } = result;
  const login = config.credentials.type === "cognito" ? config.credentials.login : undefined;
  if (login) {
    const { error } = acceptRedirect();
    if (error || !storedIdToken()) {
      root.render(<SignInPage login={login} error={error} />);
      return;
    }
  }
  // The app (router, SDK) loads only once the config is known to be good.
  const { App } = await import("./app");
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}

void start();

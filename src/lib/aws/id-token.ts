import { appUrl } from "../../config/load-config";
import type { LoginConfig } from "../../config/schema";

/**
 * OpenID implicit flow for authenticated identity-pool access. The id token lives in sessionStorage: it dies with
 * the tab and is never shared with other tabs or kept after the browser closes (localStorage would keep it).
 */
const TOKEN_KEY = "codepipeline-dashboard:id-token";
const STATE_KEY = "codepipeline-dashboard:login-state";

/**
 * The OpenID id token ran out. The implicit flow cannot renew it without a visible page (the provider asks
 * again), so the person has to sign in again; SignInExpiryNotice offers that.
 */
export class SignInExpiredError extends Error {
  override name = "SignInExpiredError";
  constructor() {
    super("Your sign-in has expired; sign in again to keep this page up to date.");
  }
}

export function storedIdToken(now = Date.now()): string | undefined {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  if (token && tokenExpiresAt(token) <= now) {
    sessionStorage.removeItem(TOKEN_KEY);
    return undefined;
  }
  return token;
}

/** Takes `#id_token=...&state=...` left by the provider's redirect, checks the state, and cleans the URL. */
export function acceptRedirect(): { error?: string } {
  if (!location.hash.includes("id_token=") && !location.hash.includes("error=")) return {};
  const params = new URLSearchParams(location.hash.slice(1));
  const expected = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(STATE_KEY);
  history.replaceState(null, "", location.pathname + location.search);
  if (params.get("error")) return { error: `${params.get("error")}: ${params.get("error_description") ?? ""}`.trim() };
  if (!expected || params.get("state") !== expected.split(" ")[0]) return { error: "The sign-in answer did not match the request; try again." };
  const token = params.get("id_token");
  if (!token) return { error: "The sign-in answer carried no id token." };
  sessionStorage.setItem(TOKEN_KEY, token);
  const returnTo = expected.split(" ")[1];
  if (returnTo && returnTo.startsWith("/")) history.replaceState(null, "", returnTo);
  return {};
}

export function startLogin(login: LoginConfig): void {
  const state = randomId();
  sessionStorage.setItem(STATE_KEY, `${state} ${location.pathname}${location.search}`);
  const url = new URL(login.authorizeUrl);
  url.searchParams.set("response_type", "id_token");
  url.searchParams.set("client_id", login.clientId);
  url.searchParams.set("redirect_uri", appUrl(""));
  url.searchParams.set("scope", login.scope);
  url.searchParams.set("state", state);
  url.searchParams.set("nonce", randomId());
  location.assign(url.href);
}

/** The token's claims; `{}` for a token we cannot read. Nothing here is verified: it is only shown or compared. */
function claimsOf(token: string): { exp?: unknown; email?: unknown; sub?: unknown } {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload)) as { exp?: unknown; email?: unknown; sub?: unknown };
  } catch {
    return {};
  }
}

/** Milliseconds since the epoch; tokens we cannot read count as expired. */
export function tokenExpiresAt(token: string): number {
  const { exp } = claimsOf(token);
  return typeof exp === "number" ? exp * 1000 : 0;
}

/**
 * The signed-in person (authenticated Cognito login): email, else subject. Undefined with unauthenticated or
 * static credentials: nobody is known, so nobody is claimed.
 */
export function signedInIdentity(): string | undefined {
  const token = storedIdToken();
  if (!token) return undefined;
  const { email, sub } = claimsOf(token);
  const name = typeof email === "string" && email ? email : typeof sub === "string" ? sub : undefined;
  return name?.slice(0, 128);
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

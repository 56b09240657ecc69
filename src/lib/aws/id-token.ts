/**
 * The signed-in person's id token, which the Cognito identity pool takes as its login, and what the screen
 * shows about the sign-in. The OpenID Connect flow itself (src/lib/sign-in/oidc-session.ts) is loaded only
 * when config.json has a login block; it keeps this up to date. Tokens live in sessionStorage (it dies with
 * the tab and is never shared with other tabs), kept there by the OpenID Connect library.
 */

/** The sign-in ran out and could not be renewed: the person has to sign in again (SignInNotice offers it). */
export class SignInExpiredError extends Error {
  override name = "SignInExpiredError";
  constructor() {
    super("Your sign-in has expired; sign in again to keep this page up to date.");
  }
}

export interface SignInSession {
  /** A verified id token that has not expired, renewed first if needed; throws SignInExpiredError. */
  idToken(): Promise<string>;
  /** Ends the sign-in: revokes the refresh token, clears the tokens and leaves the page (so no credentials stay in memory). */
  signOut(): Promise<void>;
  /** Back to the provider, returning to this page. */
  signInAgain(): Promise<void>;
}

export interface SignInStatus {
  /** The id token held now (verified), for the name shown and claimed in approvals. */
  idToken: string;
  /** When it runs out, in ms since the epoch. */
  expiresAt: number;
  /**
   * working: renewed before it runs out; failing: the provider could not be reached, retrying; refused: the
   * provider refused, only signing in again helps; unavailable: the provider gave no refresh token.
   */
  renewal: "working" | "failing" | "refused" | "unavailable";
  /** What went wrong with renewal, in words. */
  problem?: string;
}

let session: SignInSession | undefined;
let status: SignInStatus | undefined;
const listeners = new Set<() => void>();

export function setSignInSession(next: SignInSession, nextStatus: SignInStatus): void {
  session = next;
  updateSignInStatus(nextStatus);
}

export function updateSignInStatus(next: SignInStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

export function signInSession(): SignInSession | undefined {
  return session;
}

/** For the Cognito identity pool's `logins`: called at every credential fetch, so a renewed token is used. */
export function currentIdToken(): Promise<string> {
  return session ? session.idToken() : Promise.reject(new SignInExpiredError());
}

/** For `useSyncExternalStore` (this module stays free of React: the sign-in code loads it too). */
export function subscribeSignInStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function signInStatus(): SignInStatus | undefined {
  return status;
}

/** A token's claims, unverified; `{}` for a token we cannot read. Only for showing, and for times the token states. */
export function claimsOf(token: string): { exp?: unknown; iat?: unknown; email?: unknown; sub?: unknown } {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * The signed-in person (authenticated Cognito login): email, else subject. Undefined with unauthenticated or
 * static credentials: nobody is known, so nobody is claimed.
 */
export function signedInIdentity(): string | undefined {
  if (!status) return undefined;
  const { email, sub } = claimsOf(status.idToken);
  const name = typeof email === "string" && email ? email : typeof sub === "string" ? sub : undefined;
  return name?.slice(0, 128);
}

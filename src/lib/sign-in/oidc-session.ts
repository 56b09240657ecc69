import { ErrorResponse, UserManager, WebStorageStateStore, type OidcMetadata, type User } from "oidc-client-ts";
import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import { appUrl } from "../../config/load-config";
import type { LoginConfig } from "../../config/schema";
import { isUsable, renewalDelay, retryDelay, tokenTimes } from "../../core/sign-in-renewal";
import { claimsOf, setSignInSession, SignInExpiredError, updateSignInStatus, type SignInSession, type SignInStatus } from "../aws/id-token";
import { describeSignInProblem, oauthError, SignInProblem } from "./sign-in-problem";

/**
 * OpenID Connect sign-in with the authorization code flow and PKCE, through oidc-client-ts: it generates,
 * stores and checks `state` (single use: a replayed or forged answer finds no state), sends the S256
 * `code_challenge` and trades the code with its verifier, and checks the id token's nonce and subject.
 * It does not check the signature, issuer, audience or expiry (it trusts the TLS connection to the token
 * endpoint), so jose does that here against the provider's JWKS before the token is used anywhere: a token
 * that fails is never handed to Cognito Identity. Everything is kept in sessionStorage.
 *
 * Renewal is ours, with the refresh token: the library's automatic renewal falls back to a hidden iframe,
 * which the page's CSP forbids (`frame-src 'none'`), and times itself on the access token's lifetime with a
 * fixed minute's lead, which loops on short lifetimes. This module is loaded only when config.json has a
 * login block.
 */
const STORAGE_PREFIX = "codepipeline-dashboard:oidc.";
/** Set just before sign-out leaves the page, so the sign-in page can say so. */
const SIGNED_OUT_KEY = "codepipeline-dashboard:signed-out";
/** Asymmetric algorithms only: a JWKS never holds a shared secret, and `none` is never accepted. */
const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];
const NO_REFRESH_TOKEN = "The provider gave no refresh token, so the dashboard cannot renew the sign-in by itself.";
/** Clocks differ; a token is not refused for being a few seconds early or late. */
const CLOCK_TOLERANCE_SECONDS = 60;

export type SignInStart =
  | { signedIn: true }
  | { signedIn: false; signIn: () => Promise<void>; problem?: string; notice?: string };

const timesOf = (idToken: string) => tokenTimes(claimsOf(idToken), Date.now());

/** A refusal means renewing again will not help; anything else (unreachable, timed out, 5xx) may pass. */
function isRefusal(error: unknown): boolean {
  return error instanceof ErrorResponse || error instanceof errors.JOSEError || error instanceof SignInProblem || /does not match/.test(String(error));
}

/** Where the page was, to come back to after the provider: only a path of this site. */
function currentPlace(): string {
  return location.pathname + location.search + location.hash;
}

function isOwnPath(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//");
}

class OidcSession implements SignInSession {
  private readonly manager: UserManager;
  private keys?: ReturnType<typeof createRemoteJWKSet>;
  /** The verified user (tokens), once signed in. */
  private user?: User;
  private status?: SignInStatus;
  private timer?: ReturnType<typeof setTimeout>;
  private renewing?: Promise<void>;
  private failures = 0;
  private active = false;

  constructor(
    private readonly login: LoginConfig,
    private readonly connectOrigins: Set<string>,
  ) {
    const store = new WebStorageStateStore({ store: sessionStorage, prefix: STORAGE_PREFIX });
    this.manager = new UserManager({
      authority: login.authority,
      client_id: login.clientId,
      redirect_uri: appUrl(""),
      post_logout_redirect_uri: appUrl(""),
      response_type: "code",
      scope: login.scope,
      metadataSeed: login.metadata,
      // Tokens and the pending sign-in's state and code verifier: this tab only, gone when it closes.
      userStore: store,
      stateStore: store,
      loadUserInfo: false,
      automaticSilentRenew: false,
      // The session-check iframe is forbidden by the CSP too.
      monitorSession: false,
      requestTimeoutInSeconds: 15,
      silentRequestTimeoutInSeconds: 15,
    });
  }

  /** Discovery, checked against the page's connect-src so a misconfiguration is named instead of "Failed to fetch". */
  private async metadata(): Promise<Partial<OidcMetadata>> {
    const metadata = await this.manager.metadataService.getMetadata();
    for (const name of ["token_endpoint", "jwks_uri"] as const) {
      const url = metadata[name];
      if (!url) throw new SignInProblem(`The provider's discovery document (${this.login.authority}) has no ${name}.`);
      const origin = new URL(url).origin;
      if (!this.connectOrigins.has(origin)) {
        throw new SignInProblem(
          `The provider's ${name} is at ${origin}, which this page may not contact: add "${name}": "${url}" to credentials.login.metadata in config.json.`,
        );
      }
    }
    return metadata;
  }

  /** Signature (the provider's JWKS), issuer, audience and expiry: what the library leaves out. */
  private async verify(idToken: string | undefined): Promise<void> {
    if (!idToken) throw new SignInProblem("The provider's answer carried no id token (does the scope include openid?).");
    const metadata = await this.metadata();
    this.keys ??= createRemoteJWKSet(new URL(metadata.jwks_uri!), { timeoutDuration: 15_000 });
    const issuer = this.login.authority.replace(/\/$/, "");
    await jwtVerify(idToken, this.keys, { issuer: [issuer, `${issuer}/`], audience: this.login.clientId, algorithms: ALGORITHMS, clockTolerance: CLOCK_TOLERANCE_SECONDS });
  }

  private problemOf(error: unknown): string {
    return describeSignInProblem(error, this.login);
  }

  /** The answer at the redirect URI: state, code exchange with the PKCE verifier, nonce, then our checks. */
  async completeSignIn(url: string): Promise<string | undefined> {
    try {
      await this.metadata();
      const user = await this.manager.signinCallback(url);
      if (!user) throw new SignInProblem("The sign-in answer was not for this page.");
      await this.verify(user.id_token);
      this.user = user;
      const { returnTo } = (user.state ?? {}) as { returnTo?: unknown };
      return isOwnPath(returnTo) ? returnTo : undefined;
    } catch (error) {
      await this.manager.removeUser();
      throw error;
    }
  }

  /** The user this tab signed in before (a reload), renewed first if its id token ran out; else why not. */
  async resume(): Promise<{ resumed: true } | { resumed: false; notice?: string }> {
    const user = await this.manager.getUser();
    if (!user?.id_token) return { resumed: false };
    this.user = user;
    if (isUsable(timesOf(user.id_token), Date.now())) return { resumed: true };
    if (user.refresh_token) {
      await this.renew();
      if (this.status?.renewal === "working") return { resumed: true };
    }
    await this.manager.removeUser();
    return { resumed: false, notice: `Your sign-in expired.${this.status?.problem ? ` ${this.status.problem}` : ""}` };
  }

  /** From here on the credential provider asks this session for the id token, and renewal runs. */
  activate(): void {
    this.active = true;
    this.publish("working");
    setSignInSession(this, this.status!);
    this.schedule();
    // Timers sleep in hidden tabs and suspended laptops: catch up as soon as the page is seen again.
    document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && this.schedule());
    // A page restored from the back-forward cache after signing out would still show data: load it afresh.
    window.addEventListener("pageshow", (event) => event.persisted && void this.manager.getUser().then((user) => user || location.reload()));
  }

  private publish(renewal: SignInStatus["renewal"], problem?: string): void {
    const idToken = this.user!.id_token!;
    const { expiresAt } = timesOf(idToken);
    this.status = this.user!.refresh_token ? { idToken, expiresAt, renewal, problem } : { idToken, expiresAt, renewal: "unavailable", problem: NO_REFRESH_TOKEN };
    updateSignInStatus(this.status);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const renewal = this.status?.renewal;
    if (!this.active || !this.user?.id_token || renewal === "refused" || renewal === "unavailable") return;
    const delay = this.failures > 0 ? retryDelay(this.failures) : renewalDelay(timesOf(this.user.id_token), Date.now());
    this.timer = setTimeout(() => void this.renew(), Math.min(delay, 2 ** 31 - 1));
  }

  /** One renewal at a time, with the refresh token; the result is in `status`. */
  private renew(): Promise<void> {
    this.renewing ??= (async () => {
      const previous = this.user!;
      try {
        const next = await this.manager.signinSilent();
        await this.verify(next?.id_token);
        this.user = next!;
        this.failures = 0;
        this.publish("working");
      } catch (error) {
        // Keep the good token (it may still be valid for a while), not one that failed the checks.
        await this.manager.storeUser(previous);
        const refused = isRefusal(error);
        if (!refused) this.failures++;
        const problem =
          error instanceof ErrorResponse
            ? `The provider refused to renew it (${oauthError(error)}).`
            : refused
              ? this.problemOf(error)
              : `The sign-in provider could not be reached to renew it; trying again. (${this.problemOf(error)})`;
        this.publish(refused ? "refused" : "failing", problem);
      } finally {
        this.renewing = undefined;
        this.schedule();
      }
    })();
    return this.renewing;
  }

  async idToken(): Promise<string> {
    const usable = () => this.user?.id_token && isUsable(timesOf(this.user.id_token), Date.now());
    if (!usable() && this.user?.refresh_token && this.status?.renewal !== "refused") await this.renew();
    if (!usable()) throw new SignInExpiredError();
    return this.user!.id_token!;
  }

  /** To the provider and back here; a failure (provider down, misconfigured) comes back in words. */
  async signInAgain(): Promise<void> {
    try {
      // Discovery first, so a failure throws before the library starts leaving the page.
      await this.metadata();
      await this.manager.signinRedirect({ state: { returnTo: currentPlace() }, nonce: crypto.randomUUID() });
    } catch (error) {
      throw new SignInProblem(this.problemOf(error));
    }
  }

  async signOut(): Promise<void> {
    clearTimeout(this.timer);
    const metadata = await this.metadata().catch(() => undefined);
    // Best effort: the tokens are forgotten below whatever the provider answers.
    if (metadata?.revocation_endpoint && this.user?.refresh_token) await this.manager.revokeTokens(["refresh_token"]).catch(() => undefined);
    sessionStorage.setItem(SIGNED_OUT_KEY, "1");
    if (metadata?.end_session_endpoint) {
      // Cognito's /logout takes client_id and logout_uri instead of the standard parameters; others ignore them.
      await this.manager.signoutRedirect({ extraQueryParams: { client_id: this.login.clientId, logout_uri: appUrl("") } }).catch(() => undefined);
    }
    await this.manager.removeUser();
    // Leaving the page drops the SDK's credentials and identity id, which live in memory only.
    location.assign(appUrl(""));
  }
}

/** The provider's answer at the redirect URI, whether it says yes or no. */
function isCallback(url: URL): boolean {
  return url.pathname === new URL(appUrl("")).pathname && (url.searchParams.has("code") || url.searchParams.has("error"));
}

/**
 * Before the app renders: takes the provider's answer if this is one, or the tab's earlier sign-in; anything
 * that fails ends on the sign-in page with the reason, never in a half-signed-in app.
 */
export async function startSignIn(login: LoginConfig, connectOrigins: string[]): Promise<SignInStart> {
  const session = new OidcSession(login, new Set(connectOrigins));
  const signIn = () => session.signInAgain();
  const signedOut = sessionStorage.getItem(SIGNED_OUT_KEY) !== null;
  sessionStorage.removeItem(SIGNED_OUT_KEY);
  const url = new URL(location.href);
  if (isCallback(url)) {
    // The code and state leave the address bar (and history) whatever happens next.
    history.replaceState(null, "", url.pathname);
    try {
      const returnTo = await session.completeSignIn(url.href);
      if (returnTo) history.replaceState(null, "", returnTo);
    } catch (error) {
      return { signedIn: false, signIn, problem: describeSignInProblem(error, login) };
    }
  } else {
    const resumed = await session.resume();
    if (!resumed.resumed) return { signedIn: false, signIn, notice: signedOut ? "You signed out." : resumed.notice };
  }
  session.activate();
  return { signedIn: true };
}

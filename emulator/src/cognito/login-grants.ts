import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { LOGIN_PATH, LoginKeys } from "./login-token";

export const DEFAULT_LOGIN_TOKEN_LIFETIME_SECONDS = 3600;
export const MAX_LOGIN_TOKEN_LIFETIME_SECONDS = 86_400;
/** Authorization codes live briefly (RFC 6749 recommends at most 10 minutes); 0 makes every code expired, for tests. */
export const DEFAULT_LOGIN_CODE_LIFETIME_SECONDS = 60;
export const MAX_LOGIN_CODE_LIFETIME_SECONDS = 600;
/** As Cognito's default refresh-token validity. */
const REFRESH_TOKEN_LIFETIME_SECONDS = 30 * 86_400;
/** Codes and refresh tokens kept at most; the oldest go first, so a client in a loop cannot grow memory. */
const MAX_GRANTS = 10_000;

/** One person's sign-in, as approved on the sign-in page. */
export interface SignIn {
  clientId: string;
  redirectUri: string;
  scope: string;
  nonce?: string;
  codeChallenge: string;
  sub: string;
  email?: string;
  /** Epoch seconds; kept in renewed id tokens, as OpenID Connect asks. */
  authTime: number;
  /** Session id: sign-out ends every refresh token of the session. */
  sid: string;
}

interface Code {
  signIn: SignIn;
  expiresAt: number;
  /** A second use is refused and revokes what the first one gave (RFC 6749 4.1.2). */
  used: boolean;
  refreshToken?: string;
}

interface RefreshGrant {
  signIn: SignIn;
  expiresAt: number;
}

/** A token endpoint refusal: `error` is OAuth's code (RFC 6749 5.2). */
export class TokenError extends Error {
  constructor(
    readonly error: "invalid_request" | "invalid_grant" | "unsupported_grant_type",
    description: string,
  ) {
    super(description);
  }
}

export interface TokenResponse {
  access_token: string;
  id_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token?: string;
  scope: string;
}

const opaque = () => randomBytes(32).toString("base64url");
const nowSeconds = () => Math.floor(Date.now() / 1000);

function boundedSet<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  if (map.size > MAX_GRANTS) map.delete(map.keys().next().value!);
}

function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The local login provider's memory: authorization codes (single use, short-lived, bound to the client,
 * redirect URI and PKCE challenge) and refresh tokens, plus the settings tests change through the control
 * API. Tokens are judged on real time, as browsers and Cognito judge them, not on the simulated clock.
 */
export class TestLoginProvider {
  readonly keys = new LoginKeys();
  private readonly codes = new Map<string, Code>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();

  constructor(
    public tokenLifetimeSeconds = DEFAULT_LOGIN_TOKEN_LIFETIME_SECONDS,
    public codeLifetimeSeconds = DEFAULT_LOGIN_CODE_LIFETIME_SECONDS,
  ) {}

  issueCode(signIn: SignIn): string {
    const now = Date.now();
    for (const [code, entry] of this.codes) if (entry.expiresAt + 600_000 < now) this.codes.delete(code);
    const code = opaque();
    boundedSet(this.codes, code, { signIn, expiresAt: now + this.codeLifetimeSeconds * 1000, used: false });
    return code;
  }

  /** The token endpoint's `authorization_code` grant: the sign-in the code stands for, once. */
  redeemCode(code: string, request: { clientId: string; redirectUri: string; codeVerifier: string }): SignIn {
    const entry = this.codes.get(code);
    if (!entry) throw new TokenError("invalid_grant", "The authorization code is not known to this provider.");
    if (entry.used) {
      if (entry.refreshToken) this.refreshTokens.delete(entry.refreshToken);
      throw new TokenError("invalid_grant", "The authorization code was already used; the tokens it gave are revoked.");
    }
    if (Date.now() >= entry.expiresAt) throw new TokenError("invalid_grant", `The authorization code expired (codes last ${this.codeLifetimeSeconds} s).`);
    const { signIn } = entry;
    if (request.clientId !== signIn.clientId) throw new TokenError("invalid_grant", "The authorization code was issued to another client_id.");
    if (request.redirectUri !== signIn.redirectUri) throw new TokenError("invalid_grant", "redirect_uri differs from the one the code was issued for.");
    const challenge = createHash("sha256").update(request.codeVerifier).digest("base64url");
    if (!sameText(challenge, signIn.codeChallenge)) throw new TokenError("invalid_grant", "code_verifier does not match the code_challenge (PKCE).");
    entry.used = true;
    return signIn;
  }

  /** The `refresh_token` grant. Refresh tokens are not rotated, as with Cognito by default. */
  redeemRefreshToken(refreshToken: string, clientId: string): SignIn {
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant || Date.now() >= grant.expiresAt) throw new TokenError("invalid_grant", "The refresh token is not valid: expired, revoked or signed out.");
    if (grant.signIn.clientId !== clientId) throw new TokenError("invalid_grant", "The refresh token was issued to another client_id.");
    return grant.signIn;
  }

  /** Tokens for a sign-in; a new refresh token only when a code is redeemed. */
  async tokens(signIn: SignIn, issuer: string, fromCode?: string): Promise<TokenResponse> {
    const iat = nowSeconds();
    const exp = iat + this.tokenLifetimeSeconds;
    const common = { iss: issuer, sub: signIn.sub, iat, exp, "cognito:username": signIn.sub };
    const id_token = await this.keys.sign({
      ...common,
      aud: signIn.clientId,
      token_use: "id",
      auth_time: signIn.authTime,
      sid: signIn.sid,
      // The nonce belongs to the authentication request; a renewed token carries none (OpenID Connect 12.2).
      ...(fromCode !== undefined && signIn.nonce !== undefined && { nonce: signIn.nonce }),
      ...(signIn.email && { email: signIn.email, email_verified: true }),
    });
    const access_token = await this.keys.sign({ ...common, client_id: signIn.clientId, token_use: "access", scope: signIn.scope, jti: randomUUID() });
    const response: TokenResponse = { access_token, id_token, token_type: "Bearer", expires_in: this.tokenLifetimeSeconds, scope: signIn.scope };
    if (fromCode !== undefined) {
      const refreshToken = opaque();
      boundedSet(this.refreshTokens, refreshToken, { signIn, expiresAt: Date.now() + REFRESH_TOKEN_LIFETIME_SECONDS * 1000 });
      const code = this.codes.get(fromCode);
      if (code) code.refreshToken = refreshToken;
      response.refresh_token = refreshToken;
    }
    return response;
  }

  /** RFC 7009: unknown tokens are not an error. */
  revoke(token: string, clientId: string | undefined): void {
    const grant = this.refreshTokens.get(token);
    if (grant && (clientId === undefined || grant.signIn.clientId === clientId)) this.refreshTokens.delete(token);
  }

  /** Sign-out: every refresh token of the session stops working. */
  endSession(sid: string): number {
    let ended = 0;
    for (const [token, grant] of this.refreshTokens) {
      if (grant.signIn.sid === sid) {
        this.refreshTokens.delete(token);
        ended++;
      }
    }
    return ended;
  }

  /** For tests of a provider that refuses renewal: every refresh token stops working. */
  revokeAllSessions(): number {
    const count = this.refreshTokens.size;
    this.refreshTokens.clear();
    return count;
  }

  /** An id token as the token endpoint would issue it, for tests that call Cognito Identity directly. */
  mintIdToken(claims: { sub: string; email?: string; exp?: number }, issuer = `http://127.0.0.1${LOGIN_PATH}`): Promise<string> {
    const iat = nowSeconds();
    return this.keys.sign({
      iss: issuer,
      aud: "tests",
      token_use: "id",
      iat,
      exp: iat + this.tokenLifetimeSeconds,
      ...claims,
      ...(claims.email && { email_verified: true }),
    });
  }
}

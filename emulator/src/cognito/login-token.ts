/**
 * Tokens of the local test login provider: unsigned JWTs (`alg: none`), so tests and the demo can
 * mint them without a user pool. Only the claims matter: `sub` (required), `email`, `exp` (seconds).
 */
export interface LoginClaims {
  sub: string;
  email?: string;
  /** Expiry in epoch seconds; judged against real wall time. */
  exp?: number;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Other claims (iss, aud, nonce, ...) are carried as given. */
export function makeTestLoginToken(claims: LoginClaims & Record<string, unknown>): string {
  return `${base64url({ alg: "none", typ: "JWT" })}.${base64url(claims)}.`;
}

/** The claims of a valid, unexpired token, or undefined. */
export function readTestLoginToken(token: string, now = Date.now()): LoginClaims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as Partial<LoginClaims>;
    if (typeof claims.sub !== "string" || claims.sub === "") return undefined;
    if (claims.exp !== undefined && (typeof claims.exp !== "number" || claims.exp * 1000 <= now)) return undefined;
    return { sub: claims.sub, email: typeof claims.email === "string" ? claims.email : undefined, exp: claims.exp };
  } catch {
    return undefined;
  }
}

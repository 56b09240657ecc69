/**
 * When a sign-in's id token is renewed, and whether it is still worth handing to Cognito. Times in ms since
 * the epoch. Renewal starts a quarter of the token's lifetime before it runs out, at most a minute before
 * (a 1 h token renews at 59 min, a 20 s one at 15 s), so short test lifetimes renew at sensible times too.
 */
export interface TokenTimes {
  issuedAt: number;
  expiresAt: number;
}

const MAX_LEAD_MS = 60_000;
const MAX_MARGIN_MS = 5_000;
const MAX_RETRY_MS = 30_000;

/** From a token's `iat` and `exp` claims (seconds); a token without `iat` counts as issued now. */
export function tokenTimes(claims: { iat?: unknown; exp?: unknown }, now: number): TokenTimes {
  const expiresAt = typeof claims.exp === "number" ? claims.exp * 1000 : 0;
  const issuedAt = typeof claims.iat === "number" ? Math.min(claims.iat * 1000, expiresAt) : Math.min(now, expiresAt);
  return { issuedAt, expiresAt };
}

const lifetime = ({ issuedAt, expiresAt }: TokenTimes) => Math.max(0, expiresAt - issuedAt);

/** Milliseconds from `now` until the token should be renewed (0: now). */
export function renewalDelay(times: TokenTimes, now: number): number {
  const lead = Math.min(MAX_LEAD_MS, lifetime(times) / 4);
  return Math.max(0, times.expiresAt - lead - now);
}

/** Still good to send: not within a tenth of its lifetime (at most 5 s) of running out, so it cannot expire on the way. */
export function isUsable(times: TokenTimes, now: number): boolean {
  return now < times.expiresAt - Math.min(MAX_MARGIN_MS, lifetime(times) / 10);
}

/** After the n-th renewal in a row that failed for a reason that may pass (provider unreachable): 2, 4, 8, 16, then every 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.max(1, failures));
}

import { randomUUID } from "node:crypto";
import { createLocalJWKSet, errors, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK, type JWTPayload } from "jose";

/**
 * The local login provider's tokens: JWTs signed with RS256 by a key made for this server (on first use:
 * a 2048-bit key takes ~100 ms, which servers that never sign anybody in should not pay), published as a
 * JWKS so clients can check signatures, and checked again by the emulator's Cognito Identity, as Cognito
 * checks a provider's tokens against its keys.
 */
export const LOGIN_PATH = "/_emulator/oauth2";

export interface IdClaims {
  sub: string;
  email?: string;
  /** Expiry in epoch seconds; judged against real wall time, as browsers and Cognito judge it. */
  exp?: number;
}

interface SigningKey {
  privateKey: CryptoKey;
  jwk: JWK & { kid: string };
}

/** Only a token whose issuer is this provider's path on some local address is one of ours. */
function isOurIssuer(iss: unknown): boolean {
  if (typeof iss !== "string") return false;
  try {
    return new URL(iss).pathname === LOGIN_PATH;
  } catch {
    return false;
  }
}

export class LoginKeys {
  private key?: Promise<SigningKey>;

  private signingKey(): Promise<SigningKey> {
    this.key ??= (async () => {
      const { privateKey, publicKey } = await generateKeyPair("RS256");
      return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: randomUUID(), alg: "RS256", use: "sig" } };
    })();
    return this.key;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [(await this.signingKey()).jwk] };
  }

  async sign(claims: JWTPayload): Promise<string> {
    const { privateKey, jwk } = await this.signingKey();
    return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: jwk.kid, typ: "JWT" }).sign(privateKey);
  }

  /**
   * The claims of an id token this provider signed, or why it is refused (in Cognito's words where it has
   * them). `ignoreExpiry` is for a sign-out's `id_token_hint`, which may be old.
   */
  async verifyIdToken(token: string, { ignoreExpiry = false } = {}): Promise<IdClaims & JWTPayload & { sid?: string } | { problem: string }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, createLocalJWKSet(await this.jwks()), {
        algorithms: ["RS256"],
        ...(ignoreExpiry && { currentDate: new Date(0) }),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { problem: "Token expired." };
      if (error instanceof errors.JOSEError) return { problem: `Couldn't verify signed token (${error.code}).` };
      throw error;
    }
    if (!isOurIssuer(payload.iss)) return { problem: `Issuer ${String(payload.iss)} is not ${LOGIN_PATH} on this emulator.` };
    if (payload.token_use !== "id") return { problem: "Token is not an id token." };
    if (typeof payload.sub !== "string" || payload.sub === "") return { problem: "Token has no subject." };
    return { ...payload, sub: payload.sub, email: typeof payload.email === "string" ? payload.email : undefined, sid: typeof payload.sid === "string" ? payload.sid : undefined };
  }
}

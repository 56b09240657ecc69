import { describe, expect, it } from "vitest";
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { ErrorResponse, ErrorTimeout } from "oidc-client-ts";
import { describeSignInProblem, SignInProblem } from "./sign-in-problem";

const context = { authority: "https://login.example.com/tenant", clientId: "dashboard" };
const describeIt = (error: unknown) => describeSignInProblem(error, context);

/** What jwtVerify throws for a token, so the words are checked against the library's real errors. */
const keyPairs = Promise.all([generateKeyPair("RS256"), generateKeyPair("RS256")]);

async function verificationError(claims: Record<string, unknown>, { otherKey = false } = {}): Promise<unknown> {
  const [signer, other] = await keyPairs;
  const published = otherKey ? other : signer;
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(published.publicKey)), alg: "RS256" }] });
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ iss: context.authority, aud: "dashboard", sub: "alice", iat: now, exp: now + 60, ...claims }).setProtectedHeader({ alg: "RS256" }).sign(signer.privateKey);
  return jwtVerify(token, keys, { issuer: context.authority, audience: "dashboard" }).then(() => undefined, (error: unknown) => error);
}

describe("sign-in problems in words", () => {
  it("says a token that fails verification was not used, and why", async () => {
    expect(describeIt(await verificationError({}, { otherKey: true }))).toBe(
      "The id token's signature does not match the keys https://login.example.com publishes: it was altered on the way, or not issued by the provider. It was not used.",
    );
    expect(describeIt(await verificationError({ iss: "https://evil.example.com" }))).toBe(
      "The id token was issued by https://evil.example.com, not by https://login.example.com/tenant. It was not used.",
    );
    expect(describeIt(await verificationError({ aud: "another-app" }))).toBe(
      "The id token was issued for another application than this dashboard (client dashboard). It was not used.",
    );
    expect(describeIt(await verificationError({ exp: Math.floor(Date.now() / 1000) - 600 }))).toMatch(/^The id token had already expired when it arrived/);
  });

  it("turns the library's state and nonce checks into what happened", () => {
    expect(describeIt(new Error("No matching state found in storage"))).toMatch(/^This sign-in answer does not belong to a sign-in started in this tab, or was already used/);
    expect(describeIt(new Error("nonce in id_token does not match nonce in client storage"))).toMatch(/nonce does not match/);
  });

  it("quotes the provider's refusals without doubling their punctuation", () => {
    expect(describeIt(new ErrorResponse({ error: "invalid_grant", error_description: "The authorization code expired." }))).toBe(
      "The provider refused the sign-in (invalid_grant: The authorization code expired). Sign-in answers are single-use and expire within minutes: sign in again.",
    );
    expect(describeIt(new ErrorResponse({ error: "access_denied", error_description: "The user cancelled the sign-in." }))).toBe(
      "The sign-in was cancelled or refused by the provider (access_denied: The user cancelled the sign-in).",
    );
    expect(describeIt(new ErrorResponse({ error: "server_error" }))).toBe("The provider answered with an error (server_error).");
  });

  it("names the provider that cannot be reached", () => {
    expect(describeIt(new TypeError("Failed to fetch"))).toBe(
      "The sign-in provider at https://login.example.com could not be reached (Failed to fetch). Check the connection, or try again later.",
    );
    expect(describeIt(new ErrorTimeout("Network timed out"))).toMatch(/^The sign-in provider at https:\/\/login\.example\.com did not answer in time/);
    expect(describeIt(new SignInProblem("Add it to config.json."))).toBe("Add it to config.json.");
  });
});

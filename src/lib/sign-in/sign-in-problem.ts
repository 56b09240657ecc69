import { errors } from "jose";
import { ErrorResponse, ErrorTimeout } from "oidc-client-ts";

/** A sign-in failure in words for the sign-in page: what happened, and that nothing was signed in. */
export class SignInProblem extends Error {
  override name = "SignInProblem";
}

/** `invalid_grant: The code expired`, as the provider said it, for inside parentheses. */
export function oauthError(error: ErrorResponse): string {
  const description = error.error_description?.replace(/\.$/, "");
  return description ? `${error.error}: ${description}` : (error.error ?? "error");
}

export interface ProblemContext {
  /** The provider's issuer, as config.json names it. */
  authority: string;
  clientId: string;
}

/**
 * Every way a sign-in fails, in words a person can act on: the library's own messages are for developers
 * ("No matching state found in storage"), and a token that does not verify must say it was not used.
 */
export function describeSignInProblem(error: unknown, { authority, clientId }: ProblemContext): string {
  const origin = new URL(authority).origin;
  if (error instanceof SignInProblem) return error.message;
  if (error instanceof ErrorResponse) {
    if (error.error === "access_denied") return `The sign-in was cancelled or refused by the provider (${oauthError(error)}).`;
    if (error.error === "invalid_grant") {
      return `The provider refused the sign-in (${oauthError(error)}). Sign-in answers are single-use and expire within minutes: sign in again.`;
    }
    return `The provider answered with an error (${oauthError(error)}).`;
  }
  if (error instanceof ErrorTimeout) return `The sign-in provider at ${origin} did not answer in time. Try again in a moment.`;
  if (error instanceof TypeError) return `The sign-in provider at ${origin} could not be reached (${error.message}). Check the connection, or try again later.`;
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return `The id token's signature does not match the keys ${origin} publishes: it was altered on the way, or not issued by the provider. It was not used.`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) return `The id token was signed with a key ${origin} does not publish. It was not used.`;
  if (error instanceof errors.JWTExpired) return "The id token had already expired when it arrived (is this computer's clock right?). It was not used.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return `The id token was issued by ${String(error.payload.iss)}, not by ${authority}. It was not used.`;
    if (error.claim === "aud") return `The id token was issued for another application than this dashboard (client ${clientId}). It was not used.`;
    return `The id token's ${error.claim} claim is not acceptable (${error.reason}). It was not used.`;
  }
  if (error instanceof errors.JOSEError) return `The id token could not be verified (${error.message}). It was not used.`;
  const message = error instanceof Error ? error.message : String(error);
  if (/No matching state found|No state in response/.test(message)) {
    return "This sign-in answer does not belong to a sign-in started in this tab, or was already used, so it was refused. Sign in again.";
  }
  if (/nonce in id_token does not match/.test(message)) return "The id token was not issued for this sign-in (its nonce does not match). It was not used.";
  if (/sub in id_token does not match/.test(message)) return "The renewed id token names another person than the one signed in. It was not used.";
  return message;
}

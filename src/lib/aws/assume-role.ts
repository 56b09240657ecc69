import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { SourceConfig } from "../../config/sources";
import { CredentialsError, isStaleCredentialError, type CredentialProvider } from "./credentials";

type AssumeRole = Extract<SourceConfig["credentials"], { type: "assumeRole" }>;

/**
 * Credentials of a role in another account, from STS AssumeRole called with the base source's credentials
 * (`base`: its `sharedCredentials`, so renewing them here renews them for the base source too). The SDK's
 * provider renews the role's credentials before they expire; STS itself loads lazily, only when a source needs it.
 *
 * Keys can die before they expire (revoked, or unknown to an endpoint that restarted), the base's as well as the
 * role's, and re-assuming with dead base credentials only gets STS's ExpiredToken. So a forced refresh (the
 * role's own credentials were refused: `refreshOnStaleCredentials`) renews the base credentials first, then
 * assumes the role again; and when STS refuses the base credentials while renewing the role's, they are renewed
 * and the role assumed once more. Backoff between refreshes that do not help is the caller's (`refreshOnStaleCredentials`).
 */
export function assumedRoleCredentials(source: SourceConfig & { credentials: AssumeRole }, base: CredentialProvider): CredentialProvider {
  const { roleArn, sessionName, externalId } = source.credentials;
  const assume = fromTemporaryCredentials({
    params: { RoleArn: roleArn, RoleSessionName: sessionName, ExternalId: externalId, DurationSeconds: 3600 },
    masterCredentials: base,
    clientConfig: { region: source.region, endpoint: source.endpoint },
  });
  const assumeWithFreshBase: typeof assume = async (properties) => {
    await base({ forceRefresh: true });
    return assume(properties);
  };
  return async (properties) => {
    try {
      if (properties?.forceRefresh) return await assumeWithFreshBase(properties);
      try {
        return await assume(properties);
      } catch (error) {
        if (!isStaleCredentialError(error)) throw error;
        return await assumeWithFreshBase(properties);
      }
    } catch (error) {
      // The base source's own credential failure already says what is wrong.
      if (error instanceof CredentialsError) throw error;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new CredentialsError(`Could not assume ${roleArn} for ${source.label}. ${reason}`, { cause: error });
    }
  };
}

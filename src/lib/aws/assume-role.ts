import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { CodePipelineClientConfig } from "@aws-sdk/client-codepipeline";
import type { SourceConfig } from "../../config/sources";
import { CredentialsError } from "./credentials";

type CredentialsOption = NonNullable<CodePipelineClientConfig["credentials"]>;
type AssumeRole = Extract<SourceConfig["credentials"], { type: "assumeRole" }>;

/**
 * Credentials of a role in another account, from STS AssumeRole called with the base source's credentials.
 * The SDK's provider renews them before they expire; STS itself loads lazily, only when a source needs it.
 */
export function assumedRoleCredentials(source: SourceConfig & { credentials: AssumeRole }, base: CredentialsOption): CredentialsOption {
  const { roleArn, sessionName, externalId } = source.credentials;
  const provider = fromTemporaryCredentials({
    params: { RoleArn: roleArn, RoleSessionName: sessionName, ExternalId: externalId, DurationSeconds: 3600 },
    masterCredentials: base,
    clientConfig: { region: source.region, endpoint: source.endpoint },
  });
  return async (properties) => {
    try {
      return await provider(properties);
    } catch (error) {
      // The base source's own credential failure already says what is wrong.
      if (error instanceof CredentialsError) throw error;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new CredentialsError(`Could not assume ${roleArn} for ${source.label}. ${reason}`);
    }
  };
}

import { fromCognitoIdentityPool } from "@aws-sdk/credential-provider-cognito-identity";
import type { CodePipelineClientConfig } from "@aws-sdk/client-codepipeline";
import type { DashboardConfig } from "../../config/schema";
import { storedIdToken } from "./id-token";

/**
 * The SDK memoizes what the provider returns and calls it again within five minutes of `expiration`, so
 * identity-pool credentials renew in a long-lived tab without a reload.
 */
export function credentialProvider(
  config: Pick<DashboardConfig, "region" | "endpoint" | "credentials">,
): NonNullable<CodePipelineClientConfig["credentials"]> {
  const credentials = config.credentials;
  if (credentials.type === "static") {
    return { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey };
  }
  const login = credentials.login;
  return fromCognitoIdentityPool({
    identityPoolId: credentials.identityPoolId,
    // A local endpoint answers Cognito Identity too, so the real provider path runs against the emulator.
    clientConfig: { region: config.region, endpoint: config.endpoint },
    // The emulator forgets identities when it restarts; a cached identity id would then fail once for nothing.
    cache: config.endpoint ? memoryStorage() : undefined,
    logins: login
      ? {
          [login.provider]: async () => {
            const token = storedIdToken();
            if (!token) throw new Error("The sign-in has expired; sign in again.");
            return token;
          },
        }
      : undefined,
  });
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

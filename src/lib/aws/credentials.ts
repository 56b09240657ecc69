import { fromCognitoIdentityPool } from "@aws-sdk/credential-provider-cognito-identity";
import type { CodePipelineClientConfig } from "@aws-sdk/client-codepipeline";
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from "@smithy/core";
import type { DashboardConfig } from "../../config/schema";
import { currentIdToken, SignInExpiredError } from "./id-token";

type CredentialsOption = NonNullable<CodePipelineClientConfig["credentials"]>;

/**
 * Getting credentials failed (the identity pool refused, the sign-in expired, Cognito unreachable). Named
 * apart from CodePipeline's errors so the screen says which of the two is broken.
 */
export class CredentialsError extends Error {
  override name = "CredentialsError";
}

/**
 * The SDK memoizes what the provider returns and calls it again within five minutes of `expiration`, so
 * identity-pool credentials renew in a long-lived tab without a reload. Credentials that die early (revoked,
 * or unknown after a restart of the endpoint) are handled by `refreshOnStaleCredentials`.
 */
export function credentialProvider(config: Pick<DashboardConfig, "region" | "endpoint" | "credentials">): CredentialsOption {
  const credentials = config.credentials;
  if (credentials.type === "static") {
    return { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey };
  }
  const login = credentials.login;
  const provider = fromCognitoIdentityPool({
    identityPoolId: credentials.identityPoolId,
    // A local endpoint answers Cognito Identity too, so the real provider path runs against the emulator.
    // An identity pool lives in one region, named in its id; a source in another region still uses it there.
    clientConfig: { region: credentials.identityPoolId.split(":")[0], endpoint: config.endpoint },
    // The emulator forgets identities when it restarts; a cached identity id would then fail once for nothing.
    cache: config.endpoint ? memoryStorage() : undefined,
    // A function, which the SDK calls at every credential fetch: after a renewal it hands Cognito the new id
    // token. With logins the SDK keeps the identity id in memory only, so signing out (which leaves the page)
    // forgets it along with the credentials.
    logins: login ? { [login.provider]: currentIdToken } : undefined,
  });
  const poolId = credentials.identityPoolId;
  return async (properties) => {
    try {
      return await provider(properties);
    } catch (error) {
      throw toCredentialsError(error, poolId);
    }
  };
}

export function toCredentialsError(error: unknown, poolId: string): Error {
  if (error instanceof SignInExpiredError) return error;
  const cause = error instanceof Error ? error : new Error(String(error));
  const reason = cause.name && cause.name !== "Error" ? `${cause.name}: ${cause.message}` : cause.message;
  return new CredentialsError(`Could not get AWS credentials from the identity pool ${poolId}. ${reason}`, { cause });
}

/**
 * One set of credentials for every client that signs with them: a source's own CodePipeline client and the STS
 * clients of the roles assumed from it. The SDK's own memo (renewed within five minutes of `expiration`, fetched
 * again on `forceRefresh`, concurrent fetches shared), marked `memoized` so each client uses it as it is instead
 * of keeping a copy of its own: when one of them renews the credentials, the others sign with the new ones.
 */
export function sharedCredentials(provider: CredentialsOption): CredentialProvider {
  const shared = memoizeIdentityProvider(provider, isIdentityExpired, doesIdentityRequireRefresh) as CredentialProvider & { memoized?: boolean };
  shared.memoized = true;
  return shared;
}

export type CredentialProvider = Extract<CredentialsOption, (...args: never[]) => unknown>;

/**
 * Answers meaning the signing credentials died before their stated expiry (revoked, or unknown after a restart
 * of the endpoint): fetching new ones fixes them. CodePipeline names them `…Exception`; STS, answering in its
 * Query protocol, `ExpiredToken` and `InvalidClientTokenId`.
 */
const STALE_CREDENTIAL_ERRORS = new Set(["ExpiredTokenException", "UnrecognizedClientException", "ExpiredToken", "InvalidClientTokenId"]);

export function isStaleCredentialError(error: unknown): boolean {
  return error instanceof Error && STALE_CREDENTIAL_ERRORS.has(error.name);
}

/** Waits between refreshes that did not help: doubling from 2 s, at most a minute. */
export function refreshBackoffMs(futile: number): number {
  return futile <= 0 ? 0 : Math.min(60_000, 2_000 * 2 ** (futile - 1));
}

/**
 * Runs a call; if it was refused for stale credentials, forces one credential fetch and runs it once more.
 * The refused call never reached CodePipeline's logic, so running it again cannot act twice. Calls that fail
 * together share one fetch, and a call that was sent before the last fetch finished just runs again.
 * A refresh that did not help (it failed, or the fresh credentials were refused too) is not tried again at
 * once: refusals within `refreshBackoffMs` of it report its outcome, so credentials that cannot be renewed
 * cost a fetch every so often, not one per poll. Any accepted call ends the backoff.
 */
export function refreshOnStaleCredentials(refresh: () => Promise<unknown>, now: () => number = Date.now) {
  let generation = 0;
  let refreshing: Promise<unknown> | undefined;
  let futile = 0;
  let judged = -1;
  let retryAt = 0;
  let lastFailure: unknown;
  /** The refresh of this generation did not help: once per generation, however many calls found out. */
  const unhelpful = (error: unknown) => {
    if (judged === generation) return;
    judged = generation;
    futile++;
    retryAt = now() + refreshBackoffMs(futile);
    lastFailure = error;
  };
  const accepted = <T>(result: T) => {
    futile = 0;
    retryAt = 0;
    return result;
  };
  return async <T>(run: () => Promise<T>): Promise<T> => {
    const startedAt = generation;
    try {
      return accepted(await run());
    } catch (error) {
      if (!isStaleCredentialError(error)) throw error;
      if (generation === startedAt) {
        if (!refreshing && now() < retryAt) throw lastFailure;
        refreshing ??= refresh()
          .catch((refreshError: unknown) => {
            unhelpful(refreshError);
            throw refreshError;
          })
          .finally(() => {
            generation++;
            refreshing = undefined;
          });
        await refreshing;
      }
      try {
        return accepted(await run());
      } catch (again) {
        if (isStaleCredentialError(again)) unhelpful(again);
        throw again;
      }
    }
  };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

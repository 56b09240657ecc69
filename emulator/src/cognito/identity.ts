import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { KeyStore } from "../auth/keys";
import {
  AwsError,
  CognitoResourceNotFoundException,
  InvalidParameterException,
  NotAuthorizedException,
  SerializationException,
  UnknownOperationException,
} from "../errors";
import { AWS_JSON_CONTENT_TYPE, hasContentType, sendAwsError, sendAwsResult } from "../protocol/wire";
import type { LoginKeys } from "./login-token";
import { TEST_LOGIN_PROVIDER, type IdentityPoolConfig } from "./pools";

export const COGNITO_TARGET_PREFIX = "AWSCognitoIdentityService";

interface Identity {
  id: string;
  pool: IdentityPoolConfig;
  /** Subject of the login token for authenticated identities. */
  subject?: string;
}

type Logins = Record<string, string>;

function readLogins(value: unknown): Logins | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value) || Object.values(value).some((v) => typeof v !== "string")) {
    throw new InvalidParameterException("Logins must be a map of provider name to token.");
  }
  return Object.keys(value).length > 0 ? (value as Logins) : undefined;
}

function requireString(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  if (typeof value !== "string" || value === "") {
    throw new InvalidParameterException(`1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

/**
 * The two Cognito Identity calls `fromCognitoIdentityPool` makes (GetId, GetCredentialsForIdentity),
 * issuing temporary keys into the same key store SigV4 verification reads.
 */
export class IdentityService {
  private readonly pools: Map<string, IdentityPoolConfig>;
  private readonly identities = new Map<string, Identity>();
  /** `<poolId> <subject>` → identity id, so the same user keeps the same identity. */
  private readonly bySubject = new Map<string, string>();

  constructor(
    pools: IdentityPoolConfig[],
    private readonly keys: KeyStore,
    /** The local login provider's keys: its id tokens are the only logins accepted. */
    private readonly loginKeys: LoginKeys,
  ) {
    this.pools = new Map(pools.map((pool) => [pool.id, pool]));
  }

  async call(operation: string, input: Record<string, unknown>): Promise<unknown> {
    switch (operation) {
      case "GetId":
        return this.getId(input);
      case "GetCredentialsForIdentity":
        return this.getCredentialsForIdentity(input);
      default:
        throw new UnknownOperationException(`Unknown operation ${COGNITO_TARGET_PREFIX}.${operation}`);
    }
  }

  /**
   * The subject of valid logins, or undefined without logins; throws NotAuthorized for bad ones. Like
   * Cognito, the token's signature is checked against the provider's keys, and its expiry.
   */
  private async subjectOf(logins: Logins | undefined): Promise<string | undefined> {
    if (!logins) return undefined;
    const token = logins[TEST_LOGIN_PROVIDER];
    if (token === undefined) throw new NotAuthorizedException(`Invalid login token. Only ${TEST_LOGIN_PROVIDER} id tokens are accepted.`);
    const claims = await this.loginKeys.verifyIdToken(token);
    if ("problem" in claims) throw new NotAuthorizedException(`Invalid login token. ${claims.problem}`);
    return claims.sub;
  }

  private async getId(input: Record<string, unknown>): Promise<{ IdentityId: string }> {
    const poolId = requireString(input, "IdentityPoolId");
    const pool = this.pools.get(poolId);
    if (!pool) throw new CognitoResourceNotFoundException(`IdentityPool '${poolId}' not found.`);
    const subject = await this.subjectOf(readLogins(input.Logins));
    if (subject === undefined && !pool.allowUnauthenticated) {
      throw new NotAuthorizedException("Unauthenticated access is not supported for this identity pool.");
    }
    const subjectKey = `${pool.id} ${subject}`;
    const known = subject === undefined ? undefined : this.bySubject.get(subjectKey);
    if (known) return { IdentityId: known };
    const region = pool.id.split(":")[0];
    const identity: Identity = { id: `${region}:${randomUUID()}`, pool, subject };
    this.identities.set(identity.id, identity);
    if (subject !== undefined) this.bySubject.set(subjectKey, identity.id);
    return { IdentityId: identity.id };
  }

  private async getCredentialsForIdentity(input: Record<string, unknown>) {
    const identityId = requireString(input, "IdentityId");
    const identity = this.identities.get(identityId);
    if (!identity) throw new CognitoResourceNotFoundException(`Identity '${identityId}' not found.`);
    const subject = await this.subjectOf(readLogins(input.Logins));
    if (identity.subject !== subject) {
      throw new NotAuthorizedException("Logins don't match. Please include at least one valid login for this identity or identity pool.");
    }
    const { pool } = identity;
    // Real Cognito names every session CognitoIdentityCredentials; the emulator puts the login's
    // subject there instead, so who approved or stopped something can be shown and tested.
    const sessionName = subject ?? "CognitoIdentityCredentials";
    const key = this.keys.issueTemporary({
      accountId: pool.accountId,
      readOnly: pool.readOnly,
      arn: `arn:aws:sts::${pool.accountId}:assumed-role/${pool.roleName}/${sessionName}`,
    });
    return {
      IdentityId: identity.id,
      Credentials: {
        AccessKeyId: key.accessKeyId,
        SecretKey: key.secretAccessKey,
        SessionToken: key.sessionToken,
        Expiration: key.expiresAt,
      },
    };
  }
}

/** One Cognito Identity call (AWS JSON 1.1, unsigned, as Cognito takes these two). Never throws an AwsError. */
export async function handleCognito(req: IncomingMessage, res: ServerResponse, operation: string, body: string, identity: IdentityService): Promise<void> {
  const requestId = randomUUID();
  try {
    if (!hasContentType(req.headers["content-type"], AWS_JSON_CONTENT_TYPE)) throw new SerializationException(`Expected Content-Type ${AWS_JSON_CONTENT_TYPE}.`);
    let input: unknown;
    try {
      input = body.trim() === "" ? {} : JSON.parse(body);
    } catch {
      throw new SerializationException("Unable to parse the request body as JSON.");
    }
    if (typeof input !== "object" || input === null || Array.isArray(input)) throw new SerializationException("The request body must be a JSON object.");
    sendAwsResult(req, res, requestId, await identity.call(operation, input as Record<string, unknown>));
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    sendAwsError(req, res, requestId, error);
  }
}

import { randomBytes } from "node:crypto";
import { DEFAULT_ACCOUNT_ID } from "../scenario/accounts";

/** One access key the emulator accepts. */
export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  readOnly: boolean;
  /** The principal ARN shown in AccessDenied messages and handed to handlers as `caller.arn`. */
  arn: string;
  /** Temporary keys only (Cognito-issued): must be sent as `x-amz-security-token`. */
  sessionToken?: string;
  /** Temporary keys only; judged against real wall time, as the SDK decides refreshes on real time. */
  expiresAt?: Date;
}

export type StaticKey = Omit<AccessKey, "sessionToken" | "expiresAt">;

/** `test`/`test` is what LocalStack and most local tooling use; `readonly` exercises AccessDenied paths. */
export const BUILT_IN_KEYS: StaticKey[] = [
  {
    accessKeyId: "test",
    secretAccessKey: "test",
    accountId: DEFAULT_ACCOUNT_ID,
    readOnly: false,
    arn: `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:root`,
  },
  {
    accessKeyId: "readonly",
    secretAccessKey: "readonly",
    accountId: DEFAULT_ACCOUNT_ID,
    readOnly: true,
    arn: `arn:aws:sts::${DEFAULT_ACCOUNT_ID}:assumed-role/CodePipelineDashboardReadOnly/readonly`,
  },
];

export interface TemporaryKeyRequest {
  accountId: string;
  readOnly: boolean;
  arn: string;
}

export class KeyStore {
  private readonly keys = new Map<string, AccessKey>();
  /** Lifetime of keys issued from now on (POST /_emulator/credentials changes it). */
  lifetimeSeconds: number;

  constructor(staticKeys: StaticKey[], lifetimeSeconds: number) {
    for (const key of staticKeys) this.keys.set(key.accessKeyId, { ...key });
    this.lifetimeSeconds = lifetimeSeconds;
  }

  find(accessKeyId: string): AccessKey | undefined {
    return this.keys.get(accessKeyId);
  }

  /** Temporary credentials as STS would issue them: `ASIA…` id, 40-char secret, opaque session token. */
  issueTemporary(request: TemporaryKeyRequest, now = new Date(), lifetimeSeconds = this.lifetimeSeconds): AccessKey {
    const key: AccessKey = {
      ...request,
      accessKeyId: `ASIA${randomBytes(8).toString("hex").toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString("base64"),
      sessionToken: randomBytes(96).toString("base64"),
      expiresAt: new Date(now.getTime() + lifetimeSeconds * 1000),
    };
    this.keys.set(key.accessKeyId, key);
    return key;
  }

  /** Expire every issued temporary key now; static keys are untouched. Returns how many were expired. */
  revokeAllTemporary(now = new Date()): number {
    let count = 0;
    for (const key of this.keys.values()) {
      if (key.expiresAt && key.expiresAt > now) {
        key.expiresAt = now;
        count++;
      }
    }
    return count;
  }
}

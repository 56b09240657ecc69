import { randomBytes } from "node:crypto";
import { DEFAULT_ACCOUNT_ID } from "../scenario/accounts";

/** One access key the emulator accepts. */
export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  readOnly: boolean;
  /** IAM actions this principal lacks (`logs:*`, `codebuild:BatchGetBuilds`; see permissions.ts): AccessDeniedException. */
  deny?: string[];
  /** The principal ARN shown in AccessDenied messages and handed to handlers as `caller.arn`. */
  arn: string;
  /** Temporary keys only (Cognito-issued): must be sent as `x-amz-security-token`. */
  sessionToken?: string;
  /** Temporary keys only; judged against real wall time, as the SDK decides refreshes on real time. */
  expiresAt?: Date;
}

export type StaticKey = Omit<AccessKey, "sessionToken" | "expiresAt">;

/**
 * `test`/`test` is what LocalStack and most local tooling use; `readonly` exercises AccessDenied paths;
 * `pipelines-only` reads pipelines but may not read builds or logs (CodeBuild and CloudWatch Logs
 * answer it AccessDeniedException), as a dashboard role without the issue-18 permissions.
 */
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
  {
    accessKeyId: "pipelines-only",
    secretAccessKey: "pipelines-only",
    accountId: DEFAULT_ACCOUNT_ID,
    readOnly: true,
    deny: ["codebuild:*", "logs:*"],
    arn: `arn:aws:sts::${DEFAULT_ACCOUNT_ID}:assumed-role/CodePipelineDashboardPipelinesOnly/pipelines-only`,
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

  /** Replace what a key lacks (POST /_emulator/permissions); false when there is no such key. */
  setDeny(accessKeyId: string, deny: string[]): boolean {
    const key = this.keys.get(accessKeyId);
    if (!key) return false;
    key.deny = deny.length > 0 ? [...deny] : undefined;
    return true;
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

import { DEFAULT_ACCOUNT_ID, SECOND_ACCOUNT_ID } from "../scenario/accounts";

/** An IAM role that STS AssumeRole can hand out, with the accounts its trust policy names. */
export interface RoleConfig {
  accountId: string;
  name: string;
  /** Read-only roles get AccessDenied on mutating CodePipeline calls. */
  readOnly: boolean;
  /** Accounts whose principals may assume the role (its own account always may). */
  trustedAccounts: string[];
  /** Longest session AssumeRole grants (IAM's MaxSessionDuration, default 3600 s). */
  maxSessionSeconds?: number;
}

/** The second account ("prod") trusts the default account's principals. */
export const BUILT_IN_ROLES: RoleConfig[] = [
  { accountId: SECOND_ACCOUNT_ID, name: "CodePipelineDashboardOperator", readOnly: false, trustedAccounts: [DEFAULT_ACCOUNT_ID] },
  { accountId: SECOND_ACCOUNT_ID, name: "CodePipelineDashboardReadOnly", readOnly: true, trustedAccounts: [DEFAULT_ACCOUNT_ID] },
  { accountId: DEFAULT_ACCOUNT_ID, name: "CodePipelineDashboardReadOnly", readOnly: true, trustedAccounts: [] },
];

export function roleArn(role: Pick<RoleConfig, "accountId" | "name">): string {
  return `arn:aws:iam::${role.accountId}:role/${role.name}`;
}

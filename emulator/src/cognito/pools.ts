import { DEFAULT_ACCOUNT_ID } from "../scenario/accounts";

export interface IdentityPoolConfig {
  /** `<region>:<uuid>`, as Cognito spells pool ids. */
  id: string;
  accountId: string;
  /** Role the pool's identities assume; read-only roles get AccessDenied on mutating calls. */
  roleName: string;
  readOnly: boolean;
  allowUnauthenticated: boolean;
}

export const OPERATOR_POOL_ID = "us-east-1:0000aaaa-0000-4000-8000-000000000001";
export const READ_ONLY_POOL_ID = "us-east-1:0000aaaa-0000-4000-8000-000000000002";

export const BUILT_IN_POOLS: IdentityPoolConfig[] = [
  {
    id: OPERATOR_POOL_ID,
    accountId: DEFAULT_ACCOUNT_ID,
    roleName: "CodePipelineDashboardOperator",
    readOnly: false,
    allowUnauthenticated: true,
  },
  {
    id: READ_ONLY_POOL_ID,
    accountId: DEFAULT_ACCOUNT_ID,
    roleName: "CodePipelineDashboardReadOnly",
    readOnly: true,
    allowUnauthenticated: true,
  },
];

/** The local OpenID Connect provider's name in `logins` (its id tokens: cognito/login*.ts, or `mintIdToken` in tests). */
export const TEST_LOGIN_PROVIDER = "login.emulator.local";

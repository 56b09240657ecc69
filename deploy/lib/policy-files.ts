import { roleArn, roleNames } from "./names";
import { assumeRolePolicy, crossAccountTrustPolicy, identityPoolTrustPolicy, operatorPolicy, pipelineArns, readOnlyPolicy, type PolicyDocument } from "./permissions";

/**
 * deploy/*.json for people who create the roles by hand, from the same functions as the stacks, with
 * example ids to replace: the dashboard's account 111122223333 in us-east-1, other accounts 222222222222
 * and 333333333333, the stacks' role names.
 */
export function policyFiles(): Record<string, PolicyDocument> {
  const here = [{ partition: "aws", account: "111122223333", region: "us-east-1" }];
  const every = pipelineArns(["*"], here);
  const names = roleNames("CodePipelineDashboard");
  return {
    "iam-policy-read-only.json": readOnlyPolicy({ read: every }),
    "iam-policy-operator.json": operatorPolicy({ read: every, operate: every }),
    "iam-policy-assume-role.json": assumeRolePolicy(["222222222222", "333333333333"].map((account) => roleArn("aws", account, names.crossAccountReadOnly))),
    "trust-policy-identity-pool.json": identityPoolTrustPolicy("us-east-1:00000000-0000-0000-0000-000000000000", "authenticated"),
    "trust-policy-cross-account.json": crossAccountTrustPolicy(
      [names.readOnly, names.operator].map((name) => roleArn("aws", "111122223333", name)),
      "codepipeline-dashboard",
    ),
  };
}

export const policyFileText = (document: PolicyDocument) => `${JSON.stringify(document, null, 2)}\n`;

/** Names of what the stacks create, shared by the dashboard's stack and the other accounts' (which must name each other's roles). */

export function roleNames(name: string) {
  return {
    /** In the dashboard's account, handed out by the identity pool. */
    readOnly: `${name}-ReadOnly`,
    operator: `${name}-Operator`,
    /** In every other account, assumed by the roles above. */
    crossAccountReadOnly: `${name}-CrossAccountReadOnly`,
    crossAccountOperator: `${name}-CrossAccountOperator`,
  };
}

/** The ARN partition of a region, so ARNs can be written out as text (config.json names roles in other accounts). */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

export function roleArn(partition: string, account: string, roleName: string): string {
  return `arn:${partition}:iam::${account}:role/${roleName}`;
}

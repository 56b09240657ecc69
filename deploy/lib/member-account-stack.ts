import { Aws, CfnOutput, CliCredentialsStackSynthesizer, Stack, type StackProps } from "aws-cdk-lib/core";
import * as iam from "aws-cdk-lib/aws-iam";
import type { Construct } from "constructs";
import { partitionOf, roleArn, roleNames } from "./names";
import { memberForwarding } from "./live-updates";
import { crossAccountTrustPolicy, operatorPolicy, pipelineArns, readOnlyPolicy, type Place } from "./permissions";
import { memberAccounts, type Access, type DeploySettings } from "./settings";

export interface MemberAccountStackProps extends Omit<StackProps, "env" | "synthesizer"> {
  settings: DeploySettings;
  access: Access;
}

/**
 * The dashboard's role(s) in another account: a plain CloudFormation template, the same for every such
 * account (the account id is the template's own), so it also serves as a StackSet template. No CDK
 * bootstrap in those accounts: no assets, no bootstrap version rule, the deployer's own credentials
 * (CliCredentialsStackSynthesizer; BootstraplessSynthesizer would still name the bootstrap's deploy role).
 *
 * The read-only role trusts both dashboard roles (everyone may watch); with `operator` access an operator
 * role is added that trusts only the dashboard's operator role. Both require the external id.
 */
export class MemberAccountStack extends Stack {
  constructor(scope: Construct, id: string, { settings, access, ...props }: MemberAccountStackProps) {
    super(scope, id, {
      description: `CodePipeline Dashboard: the ${access} role(s) trusted by the dashboard in account ${settings.account}`,
      synthesizer: new CliCredentialsStackSynthesizer(),
      analyticsReporting: false,
      ...props,
    });
    const names = roleNames(settings.name);
    const partition = partitionOf(settings.region);
    const dashboardRole = (roleName: string) => roleArn(partition, settings.account, roleName);
    // The regions of the sources in the accounts this template is for.
    const accounts = memberAccounts(settings);
    const regions = [...new Set(settings.sources.filter((source) => source.account && accounts.get(source.account) === access).map((source) => source.region))];
    const places: Place[] = regions.map((region) => ({ partition, account: Aws.ACCOUNT_ID, region }));
    const read = pipelineArns(["*"], places);

    const readers = [dashboardRole(names.readOnly), ...(settings.signIn.mode === "guest" ? [] : [dashboardRole(names.operator)])];
    const readOnly = new iam.CfnRole(this, "ReadOnlyRole", {
      roleName: names.crossAccountReadOnly,
      description: "CodePipeline Dashboard (another account): watch pipelines",
      assumeRolePolicyDocument: crossAccountTrustPolicy(readers, settings.externalId),
      policies: [{ policyName: "codepipeline-read-only", policyDocument: readOnlyPolicy({ read }) }],
    });
    new CfnOutput(this, "ReadOnlyRoleArn", { value: readOnly.attrArn });
    // Live updates: this account's CodePipeline events go to the dashboard account's bus, in every region
    // this template is deployed to (one StackSet instance per region with sources).
    if (settings.liveUpdates) memberForwarding(this, { partition, account: settings.account, region: settings.region });

    if (access === "operator") {
      const operator = new iam.CfnRole(this, "OperatorRole", {
        roleName: names.crossAccountOperator,
        description: "CodePipeline Dashboard (another account): approve, start, stop, retry, roll back",
        assumeRolePolicyDocument: crossAccountTrustPolicy([dashboardRole(names.operator)], settings.externalId),
        policies: [{ policyName: "codepipeline-operator", policyDocument: operatorPolicy({ read, operate: pipelineArns(settings.operatorPipelines, places) }) }],
      });
      new CfnOutput(this, "OperatorRoleArn", { value: operator.attrArn });
    }
  }
}

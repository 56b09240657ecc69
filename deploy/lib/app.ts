import { App, Stage } from "aws-cdk-lib/core";
import { DashboardStack } from "./dashboard-stack";
import { MemberAccountStack } from "./member-account-stack";
import { memberStackName } from "./names";
import { memberAccounts, readSettings } from "./settings";

/**
 * The CDK app: the dashboard's stack, and for other accounts the templates of their roles. Those live in a
 * stage of their own, so a plain `cdk deploy` (in the dashboard's account) deploys only the dashboard;
 * they are deployed by name with the other account's credentials, or as StackSets from cdk.out.
 */
/** `cdk deploy 'OtherAccounts/*'`; templates in cdk.out/assembly-OtherAccounts/. */
export const OTHER_ACCOUNTS_STAGE = "OtherAccounts";

export function buildApp(app: App, env: Record<string, string | undefined> = process.env) {
  const settings = readSettings(app.node.getAllContext(), env);
  const dashboard = new DashboardStack(app, settings.name, { settings, env: { account: settings.account, region: settings.region } });
  const levels = new Set(memberAccounts(settings).values());
  const members = levels.size ? new Stage(app, OTHER_ACCOUNTS_STAGE) : undefined;
  const memberStacks = [...levels].map(
    (access) => new MemberAccountStack(members!, access === "operator" ? "Operator" : "ReadOnly", { settings, access, stackName: memberStackName(settings.name, access) }),
  );
  return { settings, dashboard, memberStacks };
}

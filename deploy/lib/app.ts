import { App, Stage } from "aws-cdk-lib/core";
import { DashboardStack } from "./dashboard-stack";
import { MemberAccountStack } from "./member-account-stack";
import { memberAccounts, readSettings } from "./settings";

/** `cdk deploy 'OtherAccounts/*'`; their templates are in cdk.out/assembly-OtherAccounts/. */
export const OTHER_ACCOUNTS_STAGE = "OtherAccounts";

/**
 * The CDK app: the dashboard's stack, and for other accounts the templates of their roles. Those live in a
 * stage of their own, so a plain `cdk deploy` (in the dashboard's account) deploys only the dashboard;
 * they are deployed by name with the other account's credentials, or as StackSets from cdk.out.
 */
export function buildApp(app: App, env: Record<string, string | undefined> = process.env) {
  const settings = readSettings(app.node.getAllContext(), env);
  const dashboard = new DashboardStack(app, settings.name, { settings, env: { account: settings.account, region: settings.region } });
  const levels = [...new Set(memberAccounts(settings).values())];
  const stage = levels.length ? new Stage(app, OTHER_ACCOUNTS_STAGE) : undefined;
  const memberStacks = levels.map((access) => {
    const id = access === "operator" ? "Operator" : "ReadOnly";
    return new MemberAccountStack(stage!, id, { settings, access, stackName: `${settings.name}-Member${id}` });
  });
  return { settings, dashboard, memberStacks };
}

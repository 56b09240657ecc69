import { Stage } from "aws-cdk-lib/core";
import { describe, expect, it } from "vitest";
import { ACCOUNT, allowedActions, allows, FAKE, roles, synth } from "./test-support";

const sources = [
  { id: "prod", label: "Prod", account: "222222222222", region: "us-east-1", access: "operator" },
  { id: "prod-eu", label: "Prod", account: "222222222222", region: "eu-west-1" },
  { id: "staging", label: "Staging", account: "333333333333", region: "eu-central-1" },
];
const { memberStacks, memberTemplates } = synth({ sources: JSON.stringify(sources), operatorPipelines: "web", externalId: "team-dashboard-7f3a" });
const template = (access: string) => memberTemplates.find((member) => member.stackName.endsWith(access))!.template;
const rolesOf = (access: string) => roles(template(access));
const dashboardRole = (name: string) => `arn:aws:iam::${ACCOUNT}:role/CodePipelineDashboard-${name}`;
/** ARNs in the account the template is deployed to (its AWS::AccountId). */
const here = (region: string, rest: string) => `arn:aws:codepipeline:${region}:${FAKE.memberAccount}:${rest}`;

describe("the other accounts' stacks", () => {
  it("are one read-only and one operator template, named for StackSets, with no CDK bootstrap requirements", () => {
    expect(memberStacks.map((stack) => stack.stackName)).toEqual(["CodePipelineDashboard-MemberOperator", "CodePipelineDashboard-MemberReadOnly"]);
    for (const access of ["ReadOnly", "Operator"]) {
      const json = template(access).toJSON();
      expect(json.Parameters).toBeUndefined();
      expect(json.Rules).toBeUndefined();
      expect(Object.values(json.Resources).map((resource) => (resource as { Type: string }).Type)).toEqual(
        access === "Operator" ? ["AWS::IAM::Role", "AWS::IAM::Role"] : ["AWS::IAM::Role"],
      );
    }
    // Deployed with the deployer's own credentials: no CDK roles to assume, no bootstrap version, no assets.
    for (const stack of memberStacks) {
      const artifact = Stage.of(stack)!.synth().getStackArtifact(stack.artifactId);
      expect(artifact.assumeRoleArn).toBeUndefined();
      expect(artifact.cloudFormationExecutionRoleArn).toBeUndefined();
      expect(artifact.requiresBootstrapStackVersion).toBeUndefined();
      expect(artifact.assets).toEqual([]);
    }
  });

  it("trust only the dashboard's roles, and only with the external id", () => {
    const trust = (access: string, name: string) => rolesOf(access).find((role) => role.name === `CodePipelineDashboard-${name}`)!.trust.Statement;
    const trusted = (principals: string[]) => [
      { Effect: "Allow", Principal: { AWS: principals }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "team-dashboard-7f3a" } } },
    ];
    expect(trust("ReadOnly", "CrossAccountReadOnly")).toEqual(trusted([dashboardRole("ReadOnly"), dashboardRole("Operator")]));
    expect(trust("Operator", "CrossAccountReadOnly")).toEqual(trusted([dashboardRole("ReadOnly"), dashboardRole("Operator")]));
    expect(trust("Operator", "CrossAccountOperator")).toEqual(trusted([dashboardRole("Operator")]));
  });

  it("read-only: reads the account's pipelines in the sources' regions, changes nothing", () => {
    for (const access of ["ReadOnly", "Operator"]) {
      const role = rolesOf(access).find((candidate) => candidate.name.endsWith("CrossAccountReadOnly"))!;
      // Reads only: CodePipeline's, and the action details' build and log reads.
      expect(allowedActions(role.policy).filter((action) => !/^codepipeline:(Get|List)/.test(action))).toEqual(["codebuild:BatchGetBuilds", "logs:GetLogEvents"]);
      expect(allows(role.policy, "codepipeline:GetPipelineState", here(access === "Operator" ? "eu-west-1" : "eu-central-1", "web"), role.resources)).toBe(true);
    }
  });

  it("operator: approves only in the pipelines given, in this account", () => {
    const role = rolesOf("Operator").find((candidate) => candidate.name.endsWith("CrossAccountOperator"))!;
    const can = (action: string, arn: string) => allows(role.policy, `codepipeline:${action}`, arn, role.resources);
    expect(can("PutApprovalResult", here("us-east-1", "web/Prod/Approve"))).toBe(true);
    expect(can("PutApprovalResult", here("eu-west-1", "web/Prod/Approve"))).toBe(true);
    expect(can("PutApprovalResult", here("us-east-1", "webshop/Prod/Approve"))).toBe(false);
    expect(can("PutApprovalResult", here("us-east-1", "api/Prod/Approve"))).toBe(false);
    expect(can("PutApprovalResult", `arn:aws:codepipeline:us-east-1:999999999999:web/Prod/Approve`)).toBe(false);
    expect(allowedActions(role.policy).filter((action) => action.includes("*"))).toEqual([]);
  });
});

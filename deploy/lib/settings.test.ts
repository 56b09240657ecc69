import { describe, expect, it } from "vitest";
import { memberAccounts, readSettings } from "./settings";

const base = { account: "111122223333", region: "eu-west-1" };
const read = (context: Record<string, unknown>, env: Record<string, string> = {}) => readSettings(context, env);

describe("readSettings", () => {
  it("defaults to Cognito sign-in with an approvers group, every pipeline for operators, no other sources", () => {
    expect(read(base)).toMatchObject({
      name: "CodePipelineDashboard",
      account: "111122223333",
      region: "eu-west-1",
      signIn: { mode: "cognito", domainPrefix: "codepipelinedashboard-111122223333", approverGroup: "approvers" },
      operatorPipelines: ["*"],
      sources: [],
      externalId: "codepipeline-dashboard",
    });
  });

  it("takes account and region from the AWS profile the CLI uses when not given", () => {
    expect(read({}, { CDK_DEFAULT_ACCOUNT: "444455556666", CDK_DEFAULT_REGION: "us-west-2" })).toMatchObject({ account: "444455556666", region: "us-west-2" });
    expect(() => read({})).toThrow(/account is unknown: pass --context account=[\s\S]*region is unknown: pass --context region=/);
  });

  it("reads --context strings: sources as JSON, operator pipelines as a list", () => {
    const settings = read({
      ...base,
      sources: '[{"id":"prod","label":"Prod","account":"222222222222","region":"us-east-1","access":"operator"},{"id":"eu","region":"eu-central-1"}]',
      operatorPipelines: " web , deploy-*,arn:aws:codepipeline:us-east-1:222222222222:api",
    });
    expect(settings.sources).toEqual([
      { id: "prod", label: "Prod", account: "222222222222", region: "us-east-1", access: "operator" },
      { id: "eu", label: "eu", account: undefined, region: "eu-central-1", access: "read-only" },
    ]);
    expect(settings.operatorPipelines).toEqual(["web", "deploy-*", "arn:aws:codepipeline:us-east-1:222222222222:api"]);
    expect([...memberAccounts(settings)]).toEqual([["222222222222", "operator"]]);
  });

  it("takes a source in the dashboard's own account as this account, reached through the identity pool", () => {
    expect(read({ ...base, sources: [{ id: "us", account: "111122223333", region: "us-east-1" }] }).sources[0].account).toBeUndefined();
  });

  it("names every problem at once, with the key, instead of deploying defaults", () => {
    const attempt = () =>
      read({ ...base, signin: "guest", signIn: "oidc", operatorPipelines: "web,,bad name", sources: "[{id: prod}]", region: "Ireland", "@aws-cdk/core:flag": true });
    expect(attempt).toThrow(/unknown context key "signin"; known keys: name, account, region, signIn/);
    expect(attempt).toThrow(/region looks like eu-west-1/);
    expect(attempt).toThrow(/operatorPipelines are \*, pipeline names, name prefixes ending in \* or pipeline ARNs/);
    expect(attempt).toThrow(/sources is JSON, e\.g\./);
    expect(attempt).toThrow(/See README.md, "Running it against real AWS"/);
  });

  it("needs the issuer and client for an OpenID Connect provider, an https issuer", () => {
    expect(() => read({ ...base, signIn: "oidc" })).toThrow(/needs --context oidcIssuer=[\s\S]*needs --context oidcClientId=/);
    expect(() => read({ ...base, signIn: "oidc", oidcIssuer: "http://login.example.com", oidcClientId: "x" })).toThrow(/oidcIssuer is the provider's https issuer URL/);
    expect(read({ ...base, signIn: "oidc", oidcIssuer: "https://login.example.com", oidcClientId: "x" }).signIn).toEqual({
      mode: "oidc",
      issuer: "https://login.example.com",
      clientId: "x",
      providerArn: undefined,
      approverClaim: "groups",
      approverGroup: "approvers",
    });
  });

  it("refuses an operator source in guest mode, duplicate ids, and operator access in the dashboard's own account", () => {
    const prod = { id: "prod", account: "222222222222", region: "us-east-1", access: "operator" };
    expect(() => read({ ...base, signIn: "guest", sources: [prod] })).toThrow(/signIn=guest has no signed-in operators/);
    expect(() => read({ ...base, sources: [prod, { ...prod, access: "read-only" }] })).toThrow(/sources\[1\]\.id "prod" is used twice/);
    expect(() => read({ ...base, sources: [{ id: "default", region: "us-east-1" }] })).toThrow(/reserved "default"/);
    expect(() => read({ ...base, sources: [{ id: "us", region: "us-east-1", access: "operator" }] })).toThrow(/in the dashboard's account: its access follows/);
  });

  it("keeps Cognito's reserved words out of the sign-in domain", () => {
    expect(() => read({ ...base, domainPrefix: "my-cognito-login" })).toThrow(/domainPrefix may not contain "aws", "amazon" or "cognito"/);
    expect(read({ ...base, domainPrefix: "acme-pipelines" }).signIn).toMatchObject({ domainPrefix: "acme-pipelines" });
  });
});

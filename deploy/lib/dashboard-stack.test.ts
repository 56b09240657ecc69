import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema";
import { ACCOUNT, allowedActions, allows, deployedConfig, FAKE, REGION, roles, synth } from "./test-support";

const PROD = { id: "prod", label: "Prod", account: "222222222222", region: "us-east-1", access: "operator" };
const STAGING = { id: "staging", label: "Staging", account: "333333333333", region: "eu-central-1" };
const DEV_US = { id: "dev-us", label: "Dev", region: "us-west-2" };

const cognito = synth({ sources: JSON.stringify([PROD, STAGING, DEV_US]), operatorPipelines: "web,deploy-*", label: "Dev" });
const oidc = synth({ signIn: "oidc", oidcIssuer: "https://login.example.com/tenant/v2.0", oidcClientId: "dashboard-client", approverClaim: "roles", approverGroup: "release-approvers" });
const guest = synth({ signIn: "guest" });

const resourcesOf = (type: string, { template } = cognito) => Object.values(template.findResources(type));
const only = (type: string, stack = cognito) => {
  const found = resourcesOf(type, stack);
  expect(found).toHaveLength(1);
  return found[0].Properties;
};
const role = (name: string, stack = cognito) => {
  const found = roles(stack.template).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no role ${name}`);
  return found;
};
const pipeline = (name: string, region = REGION, account = ACCOUNT) => `arn:aws:codepipeline:${region}:${account}:${name}`;
const connectSrc = (stack = cognito): string[] => {
  const csp: string = only("AWS::CloudFront::ResponseHeadersPolicy", stack).ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
  return csp.split("; ").find((directive) => directive.startsWith("connect-src "))!.split(" ").slice(1);
};

describe("the site", () => {
  it("keeps the bucket private: all public access blocked, TLS only, no website hosting", () => {
    const bucket = only("AWS::S3::Bucket");
    expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.WebsiteConfiguration).toBeUndefined();
    const statements = only("AWS::S3::BucketPolicy").PolicyDocument.Statement as { Effect: string; Principal: unknown; Condition?: unknown; Action: unknown }[];
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Action: "s3:*", Principal: { AWS: "*" }, Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
    // Nothing is allowed to everyone: reads to this distribution only (origin access control), and the
    // clean-up on `cdk destroy` to its own role.
    const allowed = statements.filter((statement) => statement.Effect === "Allow");
    expect(allowed.map((statement) => statement.Principal)).toEqual([
      { AWS: { "Fn::GetAtt": [expect.stringMatching(/^CustomS3AutoDeleteObjects/), "Arn"] } },
      { Service: "cloudfront.amazonaws.com" },
    ]);
    expect(allowed[1].Condition).toEqual({ StringEquals: { "AWS:SourceArn": expect.anything() } });
  });

  it("serves it through CloudFront with origin access control, HTTPS only, index.html at the root", () => {
    const config = only("AWS::CloudFront::Distribution").DistributionConfig;
    expect(only("AWS::CloudFront::OriginAccessControl").OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: "s3", SigningBehavior: "always" });
    expect(config.Origins[0].OriginAccessControlId).toBeDefined();
    expect(config.DefaultRootObject).toBe("index.html");
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) expect(behavior.ViewerProtocolPolicy).toBe("redirect-to-https");
  });

  it("caches hashed assets for long and index.html and config.json not at all", () => {
    const config = only("AWS::CloudFront::Distribution").DistributionConfig;
    const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    const CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe(CACHING_DISABLED);
    expect(config.CacheBehaviors).toEqual([expect.objectContaining({ PathPattern: "assets/*", CachePolicyId: CACHING_OPTIMIZED })]);
    const uploads = resourcesOf("Custom::CDKBucketDeployment").map((resource) => resource.Properties);
    expect(uploads).toContainEqual(
      expect.objectContaining({ DestinationBucketKeyPrefix: "assets/", SystemMetadata: { "cache-control": "public, max-age=31536000, immutable" }, Prune: false }),
    );
    expect(uploads).toContainEqual(expect.objectContaining({ SystemMetadata: { "cache-control": "no-cache" } }));
  });

  it("serves index.html for app routes, pipeline names with dots included, and the build's own files as they are", () => {
    const { FunctionCode, FunctionConfig } = only("AWS::CloudFront::Function");
    expect(FunctionConfig.Runtime).toBe("cloudfront-js-2.0");
    const handler = new Function(`${FunctionCode}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
    const served = (uri: string) => handler({ request: { uri } }).uri;
    expect(served("/")).toBe("/index.html");
    expect(served("/pipelines/web")).toBe("/index.html");
    expect(served("/sources/prod/pipelines/api.v2/executions/5d1c7b0e")).toBe("/index.html");
    expect(served("/pipelines/web/approvals/Prod.eu/Approve")).toBe("/index.html");
    expect(served("/config.json")).toBe("/config.json");
    expect(served("/favicon.svg")).toBe("/favicon.svg");
    expect(served("/index.html")).toBe("/index.html");
    // The function runs on the default behaviour only: assets/* misses stay misses (404, not the app).
    const config = only("AWS::CloudFront::Distribution").DistributionConfig;
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: "viewer-request" })]);
    expect(config.CacheBehaviors[0].FunctionAssociations).toBeUndefined();
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it("sends the CSP of headerPolicy(config) with frame-ancestors 'none', HSTS, nosniff and no referrer, on every behaviour", () => {
    const headers = only("AWS::CloudFront::ResponseHeadersPolicy").ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp: string = headers.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(headers.ContentSecurityPolicy.Override).toBe(true);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: "no-referrer", Override: true });
    const config = only("AWS::CloudFront::Distribution").DistributionConfig;
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) expect(behavior.ResponseHeadersPolicyId).toBeDefined();
  });

  it("lets the CSP connect to exactly where config.json sends requests: every source's region (CodePipeline, CodeBuild, Logs), STS for other accounts, Cognito Identity, sign-in", () => {
    const connect = connectSrc(cognito);
    expect(connect.sort()).toEqual(
      [
        "'self'",
        `https://cognito-identity.${REGION}.amazonaws.com`,
        // The user pool's issuer (discovery, keys) and its sign-in domain (tokens, revocation).
        `https://cognito-idp.${REGION}.amazonaws.com`,
        `https://codepipelinedashboard-${ACCOUNT}.auth.${REGION}.amazoncognito.com`,
        ...[REGION, "us-east-1", "eu-central-1", "us-west-2"].flatMap((region) => ["codepipeline", "codebuild", "logs"].map((service) => `https://${service}.${region}.amazonaws.com`)),
        "https://sts.us-east-1.amazonaws.com",
        "https://sts.eu-central-1.amazonaws.com",
      ].sort(),
    );
  });

  it("lets the CSP reach an OpenID Connect provider's issuer, and nothing of sign-in for guests", () => {
    expect(connectSrc(oidc)).toContain("https://login.example.com");
    expect(connectSrc(guest).filter((origin) => !origin.includes(".amazonaws.com"))).toEqual(["'self'"]);
  });

  it("prints the URL to open", () => {
    const outputs = cognito.template.findOutputs("DashboardUrl");
    expect(outputs.DashboardUrl.Value).toEqual({ "Fn::Join": ["", ["https://", { "Fn::GetAtt": [expect.stringMatching(/^Cdn/), "DomainName"] }, "/"]] });
  });
});

describe("the generated config.json", () => {
  const config = deployedConfig(cognito.app, cognito.template);

  it("names the stack's identity pool, region, sign-in and sources, and passes the app's schema, login block included", () => {
    const domain = `https://codepipelinedashboard-${ACCOUNT}.auth.${REGION}.amazoncognito.com`;
    expect(config.credentials).toEqual({
      type: "cognito",
      identityPoolId: FAKE.identityPoolId,
      login: {
        provider: `cognito-idp.${REGION}.amazonaws.com/${FAKE.userPoolId}`,
        authority: `https://cognito-idp.${REGION}.amazonaws.com/${FAKE.userPoolId}`,
        clientId: FAKE.clientId,
        scope: "openid email profile",
        // The managed login domain: tokens, revocation and sign-out, which the issuer's discovery cannot place in the CSP in advance.
        metadata: { token_endpoint: `${domain}/oauth2/token`, revocation_endpoint: `${domain}/oauth2/revoke`, end_session_endpoint: `${domain}/logout` },
      },
    });
    const parsed = v.safeParse(configSchema, config);
    expect(parsed.issues).toBeUndefined();
    expect(parsed.output).toMatchObject({ region: REGION, label: "Dev", readOnly: false });
    expect(v.safeParse(configSchema, deployedConfig(oidc.app, oidc.template)).issues).toBeUndefined();
    expect(v.safeParse(configSchema, deployedConfig(guest.app, guest.template)).issues).toBeUndefined();
  });

  it("reaches other accounts through their read-only role with the external id, and this account's other regions through the same pool", () => {
    expect(config.sources).toEqual([
      {
        id: "prod",
        label: "Prod",
        region: "us-east-1",
        credentials: { type: "assumeRole", roleArn: "arn:aws:iam::222222222222:role/CodePipelineDashboard-CrossAccountReadOnly", externalId: "codepipeline-dashboard" },
        readOnly: true,
      },
      {
        id: "staging",
        label: "Staging",
        region: "eu-central-1",
        credentials: { type: "assumeRole", roleArn: "arn:aws:iam::333333333333:role/CodePipelineDashboard-CrossAccountReadOnly", externalId: "codepipeline-dashboard" },
        readOnly: true,
      },
      { id: "dev-us", label: "Dev", region: "us-west-2", credentials: config.credentials },
    ]);
  });

  it("with an OpenID Connect provider, names its issuer as authority and login key", () => {
    expect((deployedConfig(oidc.app, oidc.template).credentials as { login: unknown }).login).toEqual({
      provider: "login.example.com/tenant/v2.0",
      authority: "https://login.example.com/tenant/v2.0",
      clientId: "dashboard-client",
      scope: "openid email profile",
    });
  });

  it("for guests, has no login and hides the controls", () => {
    const config = deployedConfig(guest.app, guest.template);
    expect(config).toEqual({ region: REGION, readOnly: true, credentials: { type: "cognito", identityPoolId: FAKE.identityPoolId }, sources: [] });
  });
});

describe("sign-in", () => {
  it("with Cognito: a user pool invited by admins, its managed login, and a public client for the code flow with PKCE back to the site", () => {
    expect(only("AWS::Cognito::UserPool")).toMatchObject({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: true }, UserPoolTier: "ESSENTIALS" });
    const client = only("AWS::Cognito::UserPoolClient");
    expect(client).toMatchObject({
      AllowedOAuthFlows: ["code"],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ["openid", "email", "profile"],
      SupportedIdentityProviders: ["COGNITO"],
      GenerateSecret: false,
    });
    const appUrl = { "Fn::Join": ["", ["https://", { "Fn::GetAtt": [expect.stringMatching(/^Cdn/), "DomainName"] }, "/"]] };
    expect(client.CallbackURLs).toEqual([appUrl]);
    expect(client.LogoutURLs).toEqual([appUrl]);
    expect(only("AWS::Cognito::UserPoolDomain")).toMatchObject({ Domain: `codepipelinedashboard-${ACCOUNT}`, ManagedLoginVersion: 2 });
    expect(only("AWS::Cognito::ManagedLoginBranding")).toMatchObject({ UseCognitoProvidedValues: true });
    expect(only("AWS::Cognito::UserPoolGroup")).toMatchObject({ GroupName: "approvers" });
  });

  it("with Cognito: the identity pool takes that client's tokens, checked server-side; no guests, no classic flow", () => {
    expect(only("AWS::Cognito::IdentityPool")).toEqual({
      IdentityPoolName: "CodePipelineDashboard",
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
      CognitoIdentityProviders: [{ ProviderName: { "Fn::GetAtt": [expect.any(String), "ProviderName"] }, ClientId: { Ref: expect.any(String) }, ServerSideTokenCheck: true }],
    });
  });

  it("with an existing OpenID Connect provider: an IAM OIDC provider for its issuer and client, no user pool, no guests", () => {
    expect(resourcesOf("AWS::Cognito::UserPool", oidc)).toHaveLength(0);
    expect(only("AWS::IAM::OIDCProvider", oidc)).toEqual({ Url: "https://login.example.com/tenant/v2.0", ClientIdList: ["dashboard-client"] });
    expect(only("AWS::Cognito::IdentityPool", oidc)).toMatchObject({
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
      OpenIdConnectProviderARNs: [{ Ref: expect.any(String) }],
    });
    const reused = synth({ signIn: "oidc", oidcIssuer: "https://login.example.com", oidcClientId: "c", oidcProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/login.example.com` });
    expect(resourcesOf("AWS::IAM::OIDCProvider", reused)).toHaveLength(0);
    expect(only("AWS::Cognito::IdentityPool", reused).OpenIdConnectProviderARNs).toEqual([`arn:aws:iam::${ACCOUNT}:oidc-provider/login.example.com`]);
  });

  it("allows guests only when asked: then unauthenticated identities get the read-only role and there is no operator", () => {
    expect(only("AWS::Cognito::IdentityPool", guest)).toEqual({ IdentityPoolName: "CodePipelineDashboard", AllowUnauthenticatedIdentities: true, AllowClassicFlow: false });
    expect(only("AWS::Cognito::IdentityPoolRoleAttachment", guest)).toEqual({ IdentityPoolId: { Ref: "Identities" }, Roles: { unauthenticated: { "Fn::GetAtt": ["ReadOnlyRole", "Arn"] } } });
    expect(roles(guest.template).map((r) => r.name)).not.toContain("CodePipelineDashboard-Operator");
    expect(role("CodePipelineDashboard-ReadOnly", guest).trust.Statement[0].Condition).toEqual({
      StringEquals: { "cognito-identity.amazonaws.com:aud": { Ref: "Identities" } },
      "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "unauthenticated" },
    });
  });
});

describe("the roles", () => {
  it("are handed out by group: the approver group gets the operator role, everyone else the read-only one", () => {
    expect(only("AWS::Cognito::IdentityPoolRoleAttachment")).toEqual({
      IdentityPoolId: { Ref: "Identities" },
      Roles: { authenticated: { "Fn::GetAtt": ["ReadOnlyRole", "Arn"] } },
      RoleMappings: {
        signIn: {
          IdentityProvider: { "Fn::Join": ["", [{ "Fn::GetAtt": [expect.any(String), "ProviderName"] }, ":", { Ref: expect.any(String) }]] },
          Type: "Rules",
          AmbiguousRoleResolution: "AuthenticatedRole",
          RulesConfiguration: { Rules: [{ Claim: "cognito:groups", MatchType: "Contains", Value: "approvers", RoleARN: { "Fn::GetAtt": ["OperatorRole", "Arn"] } }] },
        },
      },
    });
    expect(only("AWS::Cognito::IdentityPoolRoleAttachment", oidc).RoleMappings.signIn).toMatchObject({
      IdentityProvider: "login.example.com/tenant/v2.0",
      RulesConfiguration: { Rules: [{ Claim: "roles", MatchType: "Contains", Value: "release-approvers", RoleARN: { "Fn::GetAtt": ["OperatorRole", "Arn"] } }] },
    });
  });

  it("trust only signed-in identities of this identity pool", () => {
    for (const name of ["CodePipelineDashboard-ReadOnly", "CodePipelineDashboard-Operator"]) {
      expect(role(name).trust.Statement).toEqual([
        {
          Effect: "Allow",
          Principal: { Federated: "cognito-identity.amazonaws.com" },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: { "cognito-identity.amazonaws.com:aud": { Ref: "Identities" } },
            "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
          },
        },
      ]);
    }
  });

  it("name no action with a wildcard, for every role a person can get; the CDK's helper roles are for Lambda only", () => {
    for (const stack of [cognito, oidc, guest]) {
      for (const { name, trust, policy } of roles(stack.template)) {
        const principals = trust.Statement.map((statement) => statement.Principal);
        if (principals.every((principal) => JSON.stringify(principal) === JSON.stringify({ Service: "lambda.amazonaws.com" }))) continue;
        expect(name).toMatch(/^CodePipelineDashboard-(ReadOnly|Operator)$/);
        expect(allowedActions(policy).filter((action) => action.includes("*")), name).toEqual([]);
      }
    }
  });

  it("read-only: reads every pipeline of this account in its regions, and cannot call any mutating CodePipeline action", async () => {
    const { policy } = role("CodePipelineDashboard-ReadOnly");
    const sdk = await import("@aws-sdk/client-codepipeline");
    const operations = Object.keys(sdk).filter((name) => name.endsWith("Command") && name !== "Command").map((name) => name.replace(/Command$/, ""));
    const mutating = operations.filter((operation) => !/^(Get|List)/.test(operation));
    expect(mutating).toContain("PutApprovalResult");
    for (const operation of mutating) {
      for (const arn of [pipeline("web"), pipeline("web/Prod/Approve"), pipeline("*")]) expect(allows(policy, `codepipeline:${operation}`, arn), operation).toBe(false);
    }
    expect(allows(policy, "codepipeline:GetPipelineState", pipeline("anything"))).toBe(true);
    expect(allows(policy, "codepipeline:GetPipelineState", pipeline("anything", "us-west-2"))).toBe(true);
    expect(allows(policy, "codepipeline:GetPipelineState", pipeline("anything", "ap-south-1"))).toBe(false);
    expect(allows(policy, "codepipeline:ListPipelines", "*")).toBe(true);
  });

  it("operator: approves and acts only on the pipelines given", () => {
    const { policy } = role("CodePipelineDashboard-Operator");
    const can = (action: string, arn: string) => allows(policy, `codepipeline:${action}`, arn);
    expect(can("PutApprovalResult", pipeline("web/Prod/Approve"))).toBe(true);
    expect(can("PutApprovalResult", pipeline("deploy-api/Prod/Approve"))).toBe(true);
    expect(can("PutApprovalResult", pipeline("deploy-api/Prod/Approve", "us-west-2"))).toBe(true);
    expect(can("StartPipelineExecution", pipeline("web"))).toBe(true);
    expect(can("DisableStageTransition", pipeline("web/Prod"))).toBe(true);
    // Not given: another pipeline, one whose name merely starts with a given name, another account or region.
    expect(can("PutApprovalResult", pipeline("billing/Prod/Approve"))).toBe(false);
    expect(can("PutApprovalResult", pipeline("webshop/Prod/Approve"))).toBe(false);
    expect(can("StartPipelineExecution", pipeline("webshop"))).toBe(false);
    expect(can("PutApprovalResult", pipeline("web/Prod/Approve", REGION, "999999999999"))).toBe(false);
    expect(can("PutApprovalResult", pipeline("web/Prod/Approve", "ap-south-1"))).toBe(false);
    // Definition changes stay with administrators.
    expect(can("UpdatePipeline", pipeline("web"))).toBe(false);
    expect(can("DeletePipeline", pipeline("web"))).toBe(false);
  });

  it("may assume the other accounts' roles: read-only everyone, operator only the operator", () => {
    const assumable = (name: string) =>
      ["222222222222", "333333333333"].flatMap((account) =>
        ["CrossAccountReadOnly", "CrossAccountOperator"]
          .map((suffix) => `arn:aws:iam::${account}:role/CodePipelineDashboard-${suffix}`)
          .filter((arn) => allows(role(name).policy, "sts:AssumeRole", arn)),
      );
    expect(assumable("CodePipelineDashboard-ReadOnly")).toEqual([
      "arn:aws:iam::222222222222:role/CodePipelineDashboard-CrossAccountReadOnly",
      "arn:aws:iam::333333333333:role/CodePipelineDashboard-CrossAccountReadOnly",
    ]);
    expect(assumable("CodePipelineDashboard-Operator")).toEqual([
      "arn:aws:iam::222222222222:role/CodePipelineDashboard-CrossAccountReadOnly",
      "arn:aws:iam::222222222222:role/CodePipelineDashboard-CrossAccountOperator",
      "arn:aws:iam::333333333333:role/CodePipelineDashboard-CrossAccountReadOnly",
    ]);
    expect(allows(role("CodePipelineDashboard-ReadOnly", guest).policy, "sts:AssumeRole", "arn:aws:iam::222222222222:role/CodePipelineDashboard-CrossAccountReadOnly")).toBe(false);
  });
});

describe("bad settings", () => {
  it("refuses a CSP longer than CloudFront allows, naming the cause", () => {
    const regions = [
      ...["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "mx-central-1", "sa-east-1"],
      ...["eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2"],
      ...["ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2"],
      ...["me-south-1", "me-central-1", "af-south-1", "il-central-1"],
    ];
    const sources = regions.map((region, i) => ({ id: `s${i}`, account: "222222222222", region }));
    expect(() => synth({ sources: JSON.stringify(sources) })).toThrow(/more than CloudFront's 1783: use fewer regions/);
  });

  it("refuses to synthesize without a build", () => {
    expect(() => synth({ dist: "/nonexistent/dist" })).toThrow(/Run `npm run build` first/);
  });
});

it("synthesizes nothing that looks anything up in AWS", () => {
  expect(cognito.app.synth().manifest.missing).toBeUndefined();
});

import { describe, expect, it } from "vitest";
import { BUILD_POLICY, connectPolicy, headerPolicy } from "./csp";
import * as v from "valibot";
import { configSchema } from "./schema";

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));

const pool = { type: "cognito", identityPoolId: "eu-west-1:11111111-2222-3333-4444-555555555555" };
/** A config as the app has it after validation (defaults filled in). */
const config = (raw: object) => v.parse(configSchema, raw);

describe("content security policy", () => {
  it("allows scripts from the app's own origin only: no inline script, no eval", () => {
    expect(directive(BUILD_POLICY, "script-src")).toBe("script-src 'self'");
    expect(BUILD_POLICY).not.toContain("unsafe-eval");
    expect(directive(BUILD_POLICY, "object-src")).toBe("object-src 'none'");
    expect(directive(BUILD_POLICY, "base-uri")).toBe("base-uri 'none'");
  });

  it("narrows connect-src to the region's CodePipeline, CodeBuild, CloudWatch Logs and Cognito Identity on AWS", () => {
    expect(connectPolicy(config({ region: "eu-west-1", credentials: pool }))).toBe(
      "connect-src 'self' https://codepipeline.eu-west-1.amazonaws.com https://codebuild.eu-west-1.amazonaws.com https://logs.eu-west-1.amazonaws.com https://cognito-identity.eu-west-1.amazonaws.com",
    );
  });

  it("adds the configured endpoint's origin, not its path", () => {
    expect(connectPolicy(config({ region: "us-east-1", endpoint: "https://proxy.example.com/codepipeline", credentials: pool }))).toContain(
      " https://proxy.example.com",
    );
    expect(connectPolicy(config({ region: "us-east-1", endpoint: "http://127.0.0.1:4599", credentials: pool })).split(" ")).toContain("http://127.0.0.1:4599");
  });

  it("gives hosts that set headers the narrowed policy with frame-ancestors", () => {
    const policy = headerPolicy(config({ region: "eu-west-1", credentials: pool }));
    expect(directive(policy, "connect-src")).toBe(
      "connect-src 'self' https://codepipeline.eu-west-1.amazonaws.com https://codebuild.eu-west-1.amazonaws.com https://logs.eu-west-1.amazonaws.com https://cognito-identity.eu-west-1.amazonaws.com",
    );
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "script-src")).toBe("script-src 'self'");
  });

  it("opens every source's region (its builds and logs too), and STS where a source assumes a role", () => {
    const policy = connectPolicy(config({
      region: "eu-west-1",
      credentials: pool,
      sources: [
        { id: "prod", label: "Prod", region: "us-east-2", credentials: { type: "assumeRole", roleArn: "arn:aws:iam::222222222222:role/R" } },
      ],
    }));
    expect(policy.split(" ").slice(1)).toEqual([
      "'self'",
      "https://codepipeline.eu-west-1.amazonaws.com",
      "https://codebuild.eu-west-1.amazonaws.com",
      "https://logs.eu-west-1.amazonaws.com",
      "https://cognito-identity.eu-west-1.amazonaws.com",
      "https://codepipeline.us-east-2.amazonaws.com",
      "https://codebuild.us-east-2.amazonaws.com",
      "https://logs.us-east-2.amazonaws.com",
      "https://sts.us-east-2.amazonaws.com",
    ]);
  });

  it("lets sign-in reach the issuer and the endpoints the login block names, but frames nothing", () => {
    const domain = "https://dash-example.auth.eu-west-1.amazoncognito.com";
    const login = {
      provider: "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz",
      authority: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz",
      clientId: "client",
      metadata: { token_endpoint: `${domain}/oauth2/token`, revocation_endpoint: `${domain}/oauth2/revoke`, end_session_endpoint: "https://signout.example.com/logout" },
    };
    const policy = headerPolicy(config({ region: "eu-west-1", credentials: { ...pool, login } }));
    expect(directive(policy, "connect-src")!.split(" ").slice(1)).toEqual([
      "'self'",
      "https://codepipeline.eu-west-1.amazonaws.com",
      "https://codebuild.eu-west-1.amazonaws.com",
      "https://logs.eu-west-1.amazonaws.com",
      "https://cognito-identity.eu-west-1.amazonaws.com",
      "https://cognito-idp.eu-west-1.amazonaws.com",
      domain,
    ]);
    // Sign-out and sign-in are navigations, and renewal uses the refresh token: no frame is ever needed.
    expect(directive(policy, "frame-src")).toBe("frame-src 'none'");
  });
});

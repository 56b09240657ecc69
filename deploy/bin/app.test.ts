import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fakeDist } from "../lib/test-support";

const deployDir = fileURLToPath(new URL("..", import.meta.url));
const cdk = createRequire(import.meta.url).resolve("aws-cdk/bin/cdk");

/** The CLI as an operator runs it, with no AWS credentials, profile or instance metadata to find. */
function cli(args: string[]) {
  const home = mkdtempSync(join(tmpdir(), "cdk-home-"));
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_") && !key.startsWith("CDK_")));
  return spawnSync(process.execPath, [cdk, ...args], {
    cwd: deployDir,
    env: { ...env, HOME: home, AWS_EC2_METADATA_DISABLED: "true", CDK_DISABLE_VERSION_CHECK: "true", AWS_CONFIG_FILE: join(home, "none"), AWS_SHARED_CREDENTIALS_FILE: join(home, "none") },
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe("cdk synth (the CLI, offline)", () => {
  it("writes plain CloudFormation templates: the dashboard's, and the other accounts' for StackSets", () => {
    const out = mkdtempSync(join(tmpdir(), "cdk-out-"));
    const sources = [{ id: "prod", label: "Prod", account: "222222222222", region: "us-east-1", access: "operator" }];
    const result = cli([
      "synth", "--quiet", "--output", out,
      "--context", "account=111122223333", "--context", "region=eu-west-1", "--context", `dist=${fakeDist()}`,
      "--context", `sources=${JSON.stringify(sources)}`,
    ]);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const dashboard = JSON.parse(readFileSync(join(out, "CodePipelineDashboard.template.json"), "utf8"));
    expect(dashboard.Outputs.DashboardUrl).toBeDefined();
    const others = readdirSync(join(out, "assembly-OtherAccounts")).filter((file) => file.endsWith(".template.json"));
    expect(others).toEqual([expect.stringMatching(/^OtherAccountsOperator[0-9A-F]+\.template\.json$/)]);
    const member = JSON.parse(readFileSync(join(out, "assembly-OtherAccounts", others[0]), "utf8"));
    expect(Object.keys(member.Resources)).toEqual(["ReadOnlyRole", "OperatorRole"]);
    expect(member.Parameters).toBeUndefined();
  });

  it("stops on a wrong setting with the operator's message, not a stack trace", () => {
    const result = cli(["synth", "--quiet", "--output", mkdtempSync(join(tmpdir(), "cdk-out-")), "--context", "region=eu-west-1", "--context", "signIn=saml"]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("The deployment's settings are not right:");
    expect(result.stderr).toContain("account is unknown: pass --context account=111122223333 or use an AWS profile");
    expect(result.stderr).toContain('signIn is "cognito", "oidc" or "guest"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

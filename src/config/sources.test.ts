import { describe, expect, it } from "vitest";
import { parseConfig } from "./load-config";
import { resolveSources } from "./sources";

const URL_ = "http://localhost/config.json";
const base = {
  region: "us-east-1",
  endpoint: "http://127.0.0.1:4599",
  credentials: { type: "cognito", identityPoolId: "us-east-1:0000aaaa-0000-4000-8000-000000000001" },
};
const prodRole = "arn:aws:iam::210987654321:role/CodePipelineDashboardOperator";

function parsed(raw: unknown) {
  const result = parseConfig(raw, URL_);
  if (!result.ok) throw new Error(result.problem.details.join("\n"));
  return result.config;
}

function problems(raw: unknown): string[] {
  const result = parseConfig(raw, URL_);
  if (result.ok) throw new Error("expected the config to be refused");
  return result.problem.details;
}

describe("config with sources", () => {
  it("keeps a config without sources working: one default source with the id it always had", () => {
    expect(resolveSources(parsed(base))).toEqual([
      expect.objectContaining({ id: "us-east-1@127.0.0.1:4599", isDefault: true, label: "us-east-1 · 127.0.0.1:4599", region: "us-east-1" }),
    ]);
  });

  it("adds labelled sources that inherit the endpoint, polling and readOnly unless they set their own", () => {
    const sources = resolveSources(
      parsed({
        ...base,
        label: "Dev",
        readOnly: true,
        sources: [
          { id: "prod", label: "Prod", region: "us-east-1", credentials: { type: "assumeRole", roleArn: prodRole } },
          { id: "prod-eu", label: "Prod", region: "eu-west-1", readOnly: false, credentials: { type: "assumeRole", roleArn: prodRole, sessionName: "wall" } },
        ],
      }),
    );
    expect(sources.map((s) => [s.id, s.label, s.isDefault, s.readOnly, s.endpoint])).toEqual([
      ["us-east-1@127.0.0.1:4599", "Dev · us-east-1", true, true, "http://127.0.0.1:4599"],
      ["prod", "Prod · us-east-1", false, true, "http://127.0.0.1:4599"],
      ["prod-eu", "Prod · eu-west-1", false, false, "http://127.0.0.1:4599"],
    ]);
    expect(sources[1].credentials).toEqual({ type: "assumeRole", roleArn: prodRole, from: "default", sessionName: "codepipeline-dashboard" });
    expect(sources[2].polling).toBe(sources[0].polling);
  });

  it("refuses duplicate or reserved ids, bad role ARNs, unknown keys and a `from` that cannot start a role", () => {
    const role = (extra = {}) => ({ type: "assumeRole", roleArn: prodRole, ...extra });
    expect(
      problems({
        ...base,
        sources: [
          { id: "prod", label: "Prod", region: "us-east-1", credentials: role() },
          { id: "prod", label: "Prod 2", region: "us-east-1", credentials: role({ from: "prod" }) },
          { id: "default", label: "X", region: "us-east-1", credentials: role({ from: "nowhere" }) },
        ],
      }),
    ).toEqual([
      'sources.1.id: id "prod" is used twice (or is the reserved "default")',
      'sources.1.credentials.from: from must be "default" or the id of a source with cognito or static credentials',
      'sources.2.id: id "default" is used twice (or is the reserved "default")',
      'sources.2.credentials.from: from must be "default" or the id of a source with cognito or static credentials',
    ]);
    expect(problems({ ...base, sources: [{ id: "Prod EU", label: "P", region: "eu-west-1", credentials: role({ roleArn: "prod" }), colour: "red" }] })).toEqual([
      "sources.0.id: id: lower-case letters, digits and dashes, at most 32",
      "sources.0.credentials.roleArn: roleArn looks like arn:aws:iam::210987654321:role/CodePipelineDashboardReadOnly",
      'sources.0: unknown key "colour"',
    ]);
  });

  it("allows static keys in a source only against a local endpoint", () => {
    const keys = { type: "static", accessKeyId: "test", secretAccessKey: "test" };
    expect(problems({ ...base, sources: [{ id: "aws", label: "A", region: "eu-west-1", endpoint: "https://codepipeline.eu-west-1.amazonaws.com", credentials: keys }] })).toEqual([
      "sources.0.credentials: Static keys are only allowed with a local endpoint.",
    ]);
    expect(resolveSources(parsed({ ...base, sources: [{ id: "local", label: "L", region: "eu-west-1", credentials: keys }] }))[1].credentials).toEqual(keys);
  });
});

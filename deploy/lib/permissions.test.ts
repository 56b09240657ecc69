import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { NOT_GRANTED, OPERATE_ACTIONS, permissionsTable, pipelineArns, READ_ACTIONS, readOnlyPolicy, SERVICE_ACTIONS, withStagesAndActions } from "./permissions";
import { policyFiles, policyFileText } from "./policy-files";

const repo = fileURLToPath(new URL("../../", import.meta.url));

describe("deploy/*.json", () => {
  it.each(Object.keys(policyFiles()))("%s is what deploy/lib/permissions.ts generates (npm run iam-policies -w deploy)", (name) => {
    expect(readFileSync(join(repo, "deploy", name), "utf8")).toBe(policyFileText(policyFiles()[name]));
  });

  it("the README's table of actions per view is the one permissions.ts generates", () => {
    const readme = readFileSync(join(repo, "README.md"), "utf8").replace(/^[ \t]+/gm, "");
    expect(readme).toContain(permissionsTable());
  });
});

/** Every `new XCommand(` of @aws-sdk/client-codepipeline in the app's source. */
function commandsTheAppSends(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
        const text = readFileSync(path, "utf8");
        if (!text.includes("@aws-sdk/client-codepipeline")) continue;
        for (const match of text.matchAll(/new (\w+)Command\(/g)) found.add(match[1]);
      }
    }
  };
  walk(join(repo, "src"));
  return found;
}

describe("the roles' actions", () => {
  it("cover every CodePipeline call the app makes, or say why not", () => {
    const sent = commandsTheAppSends();
    expect(sent.size).toBeGreaterThan(10);
    const uncovered = [...sent].filter((action) => !READ_ACTIONS.includes(action) && !OPERATE_ACTIONS.includes(action) && !(action in NOT_GRANTED));
    expect(uncovered).toEqual([]);
  });

  it("grant nothing the app does not call", () => {
    const sent = commandsTheAppSends();
    expect([...READ_ACTIONS, ...OPERATE_ACTIONS].filter((action) => !sent.has(action))).toEqual([]);
  });

  it("split into reads (Get, List) and the controls", () => {
    expect(READ_ACTIONS.every((action) => /^(Get|List)/.test(action))).toBe(true);
    expect(OPERATE_ACTIONS.some((action) => /^(Get|List)/.test(action))).toBe(false);
  });
});

describe("the action details' reads of CodeBuild and CloudWatch Logs", () => {
  it("are scoped to build projects and the builds' and Commands actions' log groups where the pipelines are", () => {
    const read = pipelineArns(["web-*"], [
      { partition: "aws", account: "111122223333", region: "eu-west-1" },
      { partition: "aws", account: "222222222222", region: "us-east-1" },
    ]);
    const statements = readOnlyPolicy({ read }).Statement;
    expect(statements.find((s) => s.Action.includes("codebuild:BatchGetBuilds"))?.Resource).toEqual([
      "arn:aws:codebuild:eu-west-1:111122223333:project/*",
      "arn:aws:codebuild:us-east-1:222222222222:project/*",
    ]);
    expect(statements.find((s) => s.Action.includes("logs:GetLogEvents"))?.Resource).toEqual([
      "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/codebuild/*:log-stream:*",
      "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/codepipeline/*:log-stream:*",
      "arn:aws:logs:us-east-1:222222222222:log-group:/aws/codebuild/*:log-stream:*",
      "arn:aws:logs:us-east-1:222222222222:log-group:/aws/codepipeline/*:log-stream:*",
    ]);
    // Only these two: nothing writes, nothing reads other log groups.
    expect(statements.flatMap((s) => [s.Action].flat()).filter((a) => !a.startsWith("codepipeline:"))).toEqual(["codebuild:BatchGetBuilds", "logs:GetLogEvents"]);
  });

  it("are the calls the details make through the CodeBuild and Logs clients", () => {
    const text = readFileSync(join(repo, "src/lib/aws/build-log-queries.ts"), "utf8");
    const sent = [...text.matchAll(/new (\w+)Command\(/g)].map((m) => m[1]);
    expect(sent.sort()).toEqual(["BatchGetBuilds", "GetLogEvents"]);
    expect(SERVICE_ACTIONS.map((a) => a.split(":")[1]).sort()).toEqual(sent.sort());
  });
});

describe("pipelineArns", () => {
  const places = [
    { partition: "aws", account: "111122223333", region: "eu-west-1" },
    { partition: "aws", account: "111122223333", region: "us-east-1" },
  ];
  it("expands names and prefixes in every place and keeps ARNs as they are", () => {
    expect(pipelineArns(["web", "deploy-*", "arn:aws:codepipeline:ap-south-1:222222222222:api"], places)).toEqual([
      "arn:aws:codepipeline:eu-west-1:111122223333:web",
      "arn:aws:codepipeline:us-east-1:111122223333:web",
      "arn:aws:codepipeline:eu-west-1:111122223333:deploy-*",
      "arn:aws:codepipeline:us-east-1:111122223333:deploy-*",
      "arn:aws:codepipeline:ap-south-1:222222222222:api",
    ]);
  });
  it("adds the stages and actions below a named pipeline, where transitions and approvals are authorized", () => {
    expect(withStagesAndActions(["arn:aws:codepipeline:eu-west-1:111122223333:web", "arn:aws:codepipeline:eu-west-1:111122223333:deploy-*"])).toEqual([
      "arn:aws:codepipeline:eu-west-1:111122223333:web",
      "arn:aws:codepipeline:eu-west-1:111122223333:web/*",
      "arn:aws:codepipeline:eu-west-1:111122223333:deploy-*",
    ]);
  });
});

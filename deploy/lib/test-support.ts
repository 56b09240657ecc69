/**
 * For the tests: a small built app to deploy, the synthesized app, a reader for the config.json it would
 * upload, and a literal reading of IAM policies (which action on which ARN a document allows).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib/core";
import { Template } from "aws-cdk-lib/assertions";
import { buildApp } from "./app";

/** A build as `npm run build` leaves it: index.html, public/ files, the emulator's config.json, hashed assets. */
export function fakeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), "dashboard-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), '<!doctype html><script type="module" src="/assets/index-AbC123.js"></script>');
  writeFileSync(join(dist, "favicon.svg"), "<svg/>");
  writeFileSync(join(dist, "config.json"), '{"region":"us-east-1","endpoint":"http://127.0.0.1:4599"}');
  writeFileSync(join(dist, "assets", "index-AbC123.js"), "export {};");
  return dist;
}

const DIST = fakeDist();

export const ACCOUNT = "111122223333";
export const REGION = "eu-west-1";

export function synth(context: Record<string, unknown> = {}) {
  const app = new App({ context: { account: ACCOUNT, region: REGION, dist: DIST, ...context } });
  const built = buildApp(app, {});
  return {
    ...built,
    app,
    template: Template.fromStack(built.dashboard),
    memberTemplates: built.memberStacks.map((stack) => ({ stackName: stack.stackName, template: Template.fromStack(stack) })),
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Resources = Record<string, { Type: string; Properties?: Record<string, Json> }>;

/** Stand-ins for what CloudFormation knows only at deploy time. */
export const FAKE = {
  identityPoolId: `${REGION}:0000aaaa-0000-4000-8000-000000000001`,
  userPoolId: `${REGION}_TestPool1`,
  clientId: "3n4b5urk1ft4fl3mg5e4test",
  domainName: "d111111abcdef8.cloudfront.net",
  memberAccount: "444455556666",
  eventApiId: "abcdefghijklmnopqrstuvwxyz",
};

/** Evaluates the intrinsic functions the stacks use, with FAKE values for references. */
export function evaluate(expression: Json, resources: Resources): Json {
  if (typeof expression !== "object" || expression === null) return expression;
  if (Array.isArray(expression)) return expression.map((item) => evaluate(item, resources));
  const [fn, args] = Object.entries(expression)[0] ?? [];
  switch (fn) {
    case "Ref": {
      if (args === "AWS::AccountId") return FAKE.memberAccount;
      const type = resources[args as string]?.Type;
      if (type === "AWS::Cognito::IdentityPool") return FAKE.identityPoolId;
      if (type === "AWS::Cognito::UserPool") return FAKE.userPoolId;
      if (type === "AWS::Cognito::UserPoolClient") return FAKE.clientId;
      throw new Error(`no stand-in for Ref ${String(args)} (${type})`);
    }
    case "Fn::GetAtt": {
      const [id, attribute] = args as [string, string];
      const type = resources[id]?.Type;
      if (type === "AWS::Cognito::UserPool" && attribute === "ProviderName") return `cognito-idp.${REGION}.amazonaws.com/${FAKE.userPoolId}`;
      if (type === "AWS::CloudFront::Distribution" && attribute === "DomainName") return FAKE.domainName;
      if (type === "AWS::AppSync::Api" && attribute === "Dns.Http") return `${FAKE.eventApiId}.appsync-api.${REGION}.amazonaws.com`;
      if (type === "AWS::AppSync::Api" && attribute === "Dns.Realtime") return `${FAKE.eventApiId}.appsync-realtime-api.${REGION}.amazonaws.com`;
      if (type === "AWS::IAM::Role" && attribute === "Arn") return `arn:aws:iam::${ACCOUNT}:role/${String(resources[id].Properties?.RoleName)}`;
      throw new Error(`no stand-in for GetAtt ${id}.${attribute} (${type})`);
    }
    case "Fn::Join": {
      const [separator, parts] = args as [string, Json[]];
      return parts.map((part) => evaluate(part, resources)).join(separator);
    }
    case "Fn::Select": {
      const [index, list] = args as [number, Json];
      return (evaluate(list, resources) as Json[])[index];
    }
    case "Fn::Split": {
      const [separator, text] = args as [string, Json];
      return String(evaluate(text, resources)).split(separator);
    }
    default:
      return Object.fromEntries(Object.entries(expression).map(([key, value]) => [key, evaluate(value, resources)]));
  }
}

/** The config.json the stack would upload: its asset with the deploy-time markers filled in. */
export function deployedConfig(app: App, template: Template): Record<string, unknown> {
  const resources = template.toJSON().Resources as Resources;
  const directory = app.synth().directory;
  for (const resource of Object.values(resources)) {
    if (resource.Type !== "Custom::CDKBucketDeployment") continue;
    const props = resource.Properties as { SourceObjectKeys: string[]; SourceMarkers: Record<string, Json>[] };
    for (const [i, key] of props.SourceObjectKeys.entries()) {
      let text: string;
      try {
        text = readFileSync(join(directory, `asset.${key.replace(/\.zip$/, "")}`, "config.json"), "utf8");
      } catch {
        continue;
      }
      for (const [marker, value] of Object.entries(props.SourceMarkers[i])) text = text.replaceAll(marker, String(evaluate(value, resources)));
      return JSON.parse(text) as Record<string, unknown>;
    }
  }
  throw new Error("no config.json among the uploads");
}

export interface Statement {
  Effect: "Allow" | "Deny";
  Action?: string | string[];
  NotAction?: unknown;
  Resource?: Json;
  NotResource?: unknown;
  Principal?: Json;
  Condition?: Json;
}
export interface Document {
  Statement: Statement[];
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const glob = (pattern: string, flags = "") => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, flags);

/** Whether an identity policy lets `action` act on `arn` (only Allow statements with Action and Resource, as ours are). */
export function allows(document: Document, action: string, arn: string, resources: Resources = {}): boolean {
  return document.Statement.some((statement) => {
    if (statement.NotAction || statement.NotResource) throw new Error("NotAction/NotResource: not read by this helper");
    if (statement.Effect !== "Allow") return false;
    const actionMatches = list(statement.Action).some((pattern) => glob(pattern, "i").test(action));
    const resourceMatches = list(evaluate(statement.Resource ?? [], resources) as string | string[]).some((pattern) => glob(pattern).test(arn));
    return actionMatches && resourceMatches;
  });
}

/** Every action an identity policy allows, as written. */
export const allowedActions = (document: Document) =>
  document.Statement.filter((statement) => statement.Effect === "Allow").flatMap((statement) => list(statement.Action));

/** The roles of a template, by their RoleName (or logical id), with their trust and inline policies. */
export function roles(template: Template) {
  const resources = template.toJSON().Resources as Resources;
  return Object.entries(resources)
    .filter(([, resource]) => resource.Type === "AWS::IAM::Role")
    .map(([id, resource]) => {
      const props = resource.Properties as unknown as { RoleName?: string; AssumeRolePolicyDocument: Document; Policies?: { PolicyDocument: Document }[] };
      return {
        id,
        name: props.RoleName ?? id,
        trust: props.AssumeRolePolicyDocument,
        policy: { Statement: (props.Policies ?? []).flatMap((policy) => policy.PolicyDocument.Statement) } as Document,
        resources,
      };
    });
}

import * as v from "valibot";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

/**
 * The deployment's parameters, from `--context key=value` (or the "context" of deploy/cdk.json), checked
 * before anything is built so a typo is an error that names the key instead of a stack deployed with a
 * default. The README's "Running it against real AWS" documents every key.
 */

export type Access = "read-only" | "operator";

export interface SourceSetting {
  /** In the dashboard's URLs: lower case. */
  id: string;
  label: string;
  region: string;
  /** Another account (reached through a role there); absent or equal to the dashboard's: this account. */
  account?: string;
  /** What the role in that account may do (another account only). */
  access: Access;
}

export type SignIn =
  | { mode: "cognito"; domainPrefix: string; approverGroup: string }
  | { mode: "oidc"; issuer: string; clientId: string; providerArn?: string; approverClaim: string; approverGroup: string }
  | { mode: "guest" };

export interface DeploySettings {
  /** Stack name and the prefix of every named resource, so two dashboards can share an account. */
  name: string;
  account: string;
  region: string;
  signIn: SignIn;
  /** Pipelines the operator role may act on: `*`, names, name prefixes ending in `*`, or pipeline ARNs. */
  operatorPipelines: string[];
  sources: SourceSetting[];
  externalId: string;
  label?: string;
  /** Live updates (deploy/lib/live-updates.ts): EventBridge → AppSync Events, pushed to the pages. */
  liveUpdates: boolean;
  /** How often pages on screen still poll while their live updates are healthy. */
  safetyIntervalSeconds: number;
  /** The built app (`npm run build`). */
  dist: string;
}

const text = () => v.pipe(v.string(), v.trim(), v.minLength(1));
const matching = (pattern: RegExp, message: string) => v.pipe(v.string(), v.trim(), v.regex(pattern, message));
const region = () => matching(/^[a-z]{2}(-[a-z]+)+-\d$/, "looks like eu-west-1");
const account = () => matching(/^\d{12}$/, "is a 12-digit AWS account id");
const ACCESS = ["read-only", "operator"] as const;

function isHttpsIssuer(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && !parsed.search && !parsed.hash && !parsed.port;
  } catch {
    return false;
  }
}

const sourceSchema = v.strictObject({
  id: matching(/^[a-z0-9][a-z0-9-]{0,31}$/, "lower-case letters, digits and dashes, at most 32"),
  label: v.optional(text()),
  region: region(),
  account: v.optional(account()),
  access: v.optional(v.picklist(ACCESS, 'is "read-only" or "operator"'), "read-only"),
});

/** `--context sources=[…]` arrives as a string; deploy/cdk.json may hold the array itself. */
const sourcesSchema = v.pipe(
  v.union([v.string(), v.array(v.unknown())], "is a JSON array of sources"),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    if (typeof dataset.value !== "string") return dataset.value;
    try {
      return JSON.parse(dataset.value) as unknown;
    } catch {
      addIssue({ message: 'is JSON, e.g. [{"id":"prod","label":"Prod","account":"222222222222","region":"eu-west-1"}]' });
      return NEVER;
    }
  }),
  v.array(sourceSchema, "is a JSON array of sources"),
);

const PIPELINE_PATTERN = /^(\*|[A-Za-z0-9.@_-]+\*?|arn:aws[\w-]*:codepipeline:[a-z0-9-]+:\d{12}:[A-Za-z0-9.@_*-]+)$/;
const pipelinesSchema = v.pipe(
  v.string(),
  v.transform((list) => list.split(",").map((item) => item.trim()).filter(Boolean)),
  v.minLength(1, "names at least one pipeline (or * for all)"),
  v.everyItem((item) => PIPELINE_PATTERN.test(item), "are *, pipeline names, name prefixes ending in * or pipeline ARNs, separated by commas"),
);

const contextSchema = v.strictObject({
  name: v.optional(matching(/^[A-Za-z][A-Za-z0-9-]{0,39}$/, "letters, digits and dashes, at most 40, starting with a letter"), "CodePipelineDashboard"),
  account: v.optional(account()),
  region: v.optional(region()),
  signIn: v.optional(v.picklist(["cognito", "oidc", "guest"], 'is "cognito", "oidc" or "guest"'), "cognito"),
  domainPrefix: v.optional(
    v.pipe(
      matching(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "lower-case letters, digits and dashes, at most 63"),
      v.check((prefix) => !/aws|amazon|cognito/.test(prefix), 'may not contain "aws", "amazon" or "cognito"'),
    ),
  ),
  oidcIssuer: v.optional(v.pipe(v.string(), v.trim(), v.check(isHttpsIssuer, "is the provider's https issuer URL (the id token's iss), without port, query or fragment"))),
  oidcClientId: v.optional(text()),
  oidcProviderArn: v.optional(matching(/^arn:aws[\w-]*:iam::\d{12}:oidc-provider\/.+$/, "looks like arn:aws:iam::111122223333:oidc-provider/login.example.com")),
  approverGroup: v.optional(text(), "approvers"),
  approverClaim: v.optional(text(), "groups"),
  operatorPipelines: v.optional(pipelinesSchema, "*"),
  sources: v.optional(sourcesSchema, []),
  externalId: v.optional(matching(/^[\w+=,.@:/-]{2,1224}$/, "2-1224 letters, digits or +=,.@:/-"), "codepipeline-dashboard"),
  label: v.optional(text()),
  liveUpdates: v.optional(
    v.pipe(
      v.union([v.boolean(), v.picklist(["true", "false"])], 'is true or false'),
      v.transform((value) => value === true || value === "true"),
    ),
    false,
  ),
  safetyIntervalSeconds: v.optional(
    v.pipe(
      v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/, "is a number of seconds"), v.transform(Number))], "is a number of seconds"),
      v.number(),
      v.minValue(10, "is at least 10"),
      v.maxValue(86_400, "is at most 86400"),
    ),
    60,
  ),
  dist: v.optional(text()),
});

/**
 * The context keys this app reads (camelCase). The CDK's own are left alone: feature flags (`@aws-cdk/…`),
 * `aws:cdk:…`, and the CLI's kebab-case settings (`cli-telemetry`, `acknowledged-issue-numbers`).
 */
export const CONTEXT_KEYS = Object.keys(contextSchema.entries);
const isCdkKey = (key: string) => /[@:-]/.test(key);

const DEFAULT_DIST = fileURLToPath(new URL("../../dist", import.meta.url));

export class SettingsError extends Error {}

/**
 * Reads and checks the context. Account and region fall back to the CLI's (`CDK_DEFAULT_ACCOUNT`/`REGION`,
 * from the AWS profile); they are needed as values, not tokens, because config.json and the CSP name the
 * region and the Cognito domain prefix names the account.
 */
export function readSettings(context: Record<string, unknown>, env: Record<string, string | undefined> = process.env): DeploySettings {
  const ours = Object.fromEntries(Object.entries(context).filter(([key]) => !isCdkKey(key)));
  const problems: string[] = [];
  if (ours.account === undefined && !env.CDK_DEFAULT_ACCOUNT) problems.push("account is unknown: pass --context account=111122223333 or use an AWS profile");
  if (ours.region === undefined && !env.CDK_DEFAULT_REGION) problems.push("region is unknown: pass --context region=eu-west-1 or use an AWS profile with a region");
  const parsed = v.safeParse(contextSchema, ours);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const key = v.getDotPath(issue);
      if (issue.type === "strict_object" && key) problems.push(`unknown context key "${key}"; known keys: ${CONTEXT_KEYS.join(", ")}`);
      else problems.push(`${key ?? "context"} ${issue.message}`);
    }
  }
  if (!parsed.success || problems.length) throw settingsError(problems);
  const raw = parsed.output;
  const accountId = raw.account ?? env.CDK_DEFAULT_ACCOUNT!;
  const regionName = raw.region ?? env.CDK_DEFAULT_REGION!;

  let signIn: SignIn;
  if (raw.signIn === "oidc") {
    if (!raw.oidcIssuer) problems.push("signIn=oidc needs --context oidcIssuer=https://… (the provider's issuer)");
    if (!raw.oidcClientId) problems.push("signIn=oidc needs --context oidcClientId=… (the client registered at the provider)");
    signIn = {
      mode: "oidc",
      issuer: raw.oidcIssuer ?? "",
      clientId: raw.oidcClientId ?? "",
      providerArn: raw.oidcProviderArn,
      approverClaim: raw.approverClaim,
      approverGroup: raw.approverGroup,
    };
  } else if (raw.signIn === "cognito") {
    signIn = { mode: "cognito", domainPrefix: raw.domainPrefix ?? `${raw.name.toLowerCase()}-${accountId}`, approverGroup: raw.approverGroup };
  } else {
    signIn = { mode: "guest" };
  }

  const ids = new Set<string>();
  const sources = raw.sources.map((source, i): SourceSetting => {
    if (source.id === "default" || ids.has(source.id)) problems.push(`sources[${i}].id "${source.id}" is used twice (or is the reserved "default")`);
    ids.add(source.id);
    const otherAccount = source.account !== undefined && source.account !== accountId;
    if (!otherAccount && source.access === "operator") {
      problems.push(`sources[${i}] is in the dashboard's account: its access follows the signed-in user's role, so leave "access" out`);
    }
    return { id: source.id, label: source.label ?? source.id, region: source.region, account: otherAccount ? source.account : undefined, access: source.access };
  });

  if (signIn.mode === "guest" && sources.some((source) => source.access === "operator")) {
    problems.push('signIn=guest has no signed-in operators: a source\'s access can only be "read-only"');
  }

  if (problems.length) throw settingsError(problems);
  return {
    name: raw.name,
    account: accountId,
    region: regionName,
    signIn,
    operatorPipelines: raw.operatorPipelines,
    sources,
    externalId: raw.externalId,
    label: raw.label,
    liveUpdates: raw.liveUpdates,
    safetyIntervalSeconds: raw.safetyIntervalSeconds,
    dist: raw.dist ? resolve(raw.dist) : DEFAULT_DIST,
  };
}

function settingsError(problems: string[]): SettingsError {
  return new SettingsError(
    `The deployment's settings are not right:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\nSee README.md, "Running it against real AWS".`,
  );
}

/** The other accounts, each with the access its sources ask for (operator if any does). */
export function memberAccounts(settings: DeploySettings): Map<string, Access> {
  const accounts = new Map<string, Access>();
  for (const source of settings.sources) {
    if (!source.account) continue;
    if (accounts.get(source.account) !== "operator") accounts.set(source.account, source.access);
  }
  return accounts;
}

import * as v from "valibot";

/** Static keys would be readable by anyone who can load the page, so they are only for a local emulator. */
export function isLocalEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    const host = new URL(endpoint).hostname;
    return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1";
  } catch {
    return false;
  }
}

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

const text = () => v.pipe(v.string(), v.minLength(1));
const matching = (pattern: RegExp, message: string) => v.pipe(v.string(), v.regex(pattern, message));
const httpUrl = (message: string) => v.pipe(v.string(), v.check(isHttpUrl, message));

/** The top-level account/region's id in `assumeRole.from`. */
export const DEFAULT_SOURCE_ID = "default";

/** Where tokens are sent and checked: https, or http on this machine (the emulator's provider). */
const providerUrl = (name: string) =>
  v.pipe(
    v.string(),
    v.check((url) => isHttpUrl(url) && (url.startsWith("https:") || isLocalEndpoint(url)), `${name} must be an https URL (http only on localhost)`),
  );

/**
 * Entries of the provider's discovery document, known before it is read. They go over what discovery says,
 * and the page's connect-src allows the origins of the first three: for a Cognito user pool, the token
 * endpoint is on its sign-in domain, which its issuer does not name (and Cognito lists no sign-out endpoint).
 */
const loginMetadataSchema = v.strictObject({
  token_endpoint: v.optional(providerUrl("token_endpoint")),
  jwks_uri: v.optional(providerUrl("jwks_uri")),
  revocation_endpoint: v.optional(providerUrl("revocation_endpoint")),
  end_session_endpoint: v.optional(providerUrl("end_session_endpoint")),
});

/** OpenID Connect sign-in with the authorization code flow and PKCE (see deploy/lib/dashboard-config.ts, which writes it). */
const loginSchema = v.strictObject({
  /** The identity pool's login key for this provider: `cognito-idp.REGION.amazonaws.com/POOL_ID`, or the issuer's host. */
  provider: text(),
  /** The issuer (the id token's `iss`); its discovery document is at `/.well-known/openid-configuration`. */
  authority: providerUrl("authority"),
  clientId: text(),
  scope: v.optional(v.pipe(v.string(), v.check((scope) => scope.split(" ").includes("openid"), 'scope must include "openid"')), "openid"),
  metadata: v.optional(loginMetadataSchema),
});

const cognitoSchema = v.strictObject({
  type: v.literal("cognito"),
  identityPoolId: matching(/^[\w-]+:[0-9a-f-]+$/, "identityPoolId looks like us-east-1:0000aaaa-0000-4000-8000-000000000001"),
  login: v.optional(loginSchema),
});

const staticSchema = v.strictObject({
  type: v.literal("static"),
  accessKeyId: text(),
  secretAccessKey: text(),
});

/** A role in another account, assumed with STS from another source's credentials (cross-account access). */
const assumeRoleSchema = v.strictObject({
  type: v.literal("assumeRole"),
  roleArn: matching(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "roleArn looks like arn:aws:iam::210987654321:role/CodePipelineDashboardReadOnly"),
  /** The source whose credentials call AssumeRole (default: the top-level one); it may not assume a role itself. */
  from: v.optional(v.string(), DEFAULT_SOURCE_ID),
  sessionName: v.optional(matching(/^[\w+=,.@-]{2,64}$/, "sessionName: 2-64 letters, digits or +=,.@-"), "codepipeline-dashboard"),
  externalId: v.optional(v.pipe(v.string(), v.minLength(2), v.maxLength(1224))),
});

const region = () => matching(/^[a-z]{2}(-[a-z]+)+-\d$/, "region looks like us-east-1");
const endpoint = () => v.optional(httpUrl("endpoint must be an http(s) URL, or left out for real AWS"));

/** One more account/region shown beside the top-level one. */
const sourceSchema = v.strictObject({
  /** Goes into URLs (`/sources/prod-eu/pipelines/…`): short, lower case. */
  id: matching(/^[a-z0-9][a-z0-9-]{0,31}$/, "id: lower-case letters, digits and dashes, at most 32"),
  /** The account's name on screen, e.g. Prod; the region is shown beside it. */
  label: text(),
  region: region(),
  /** Default: the top-level endpoint. */
  endpoint: endpoint(),
  credentials: v.variant("type", [cognitoSchema, staticSchema, assumeRoleSchema], 'must be "cognito", "static" (local endpoints only) or "assumeRole"'),
  /** Default: the top-level readOnly. */
  readOnly: v.optional(v.boolean()),
});

const seconds = (fallback: number, min: number) => v.optional(v.pipe(v.number(), v.minValue(min), v.maxValue(86_400)), fallback);

const pollingSchema = v.strictObject({
  /** While a pipeline runs or waits for approval. */
  activeSeconds: seconds(5, 1),
  /** While a visible pipeline is idle. */
  idleSeconds: seconds(30, 2),
  /** ListPipelines. */
  listSeconds: seconds(60, 5),
  /** Pipelines scrolled out of view, for counters and the attention order; 0 = only when they come into view. */
  offscreenSeconds: seconds(300, 0),
  /** Requests to CodePipeline in flight at once, per source. */
  maxConcurrentRequests: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 4),
});

const account = () => matching(/^\d{12}$/, "an account id is 12 digits");
/**
 * Live updates (docs/live-updates.md): an AWS AppSync Events API that the deploy stack's EventBridge rule
 * publishes CodePipeline's state changes to. Without this block the dashboard only polls.
 */
const eventsSchema = v.strictObject({
  /** The Event API's HTTP endpoint, `https://ID.appsync-api.REGION.amazonaws.com/event`: requests are signed for its host. */
  httpEndpoint: httpUrl("events.httpEndpoint must be an http(s) URL"),
  /** Its real-time endpoint, `wss://ID.appsync-realtime-api.REGION.amazonaws.com/event/realtime`. */
  realtimeEndpoint: matching(/^(wss:\/\/|ws:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/])[^\s]+$/, "events.realtimeEndpoint must be a wss URL (ws only on localhost)"),
  /** The top-level account's id: events come on one channel per account and region (an assumed role's source: its role's account). */
  accountId: account(),
  /** While the socket is healthy, pipelines on screen poll this seldom instead of every activeSeconds. */
  safetyIntervalSeconds: seconds(60, 10),
});

const topLevelSchema = v.strictObject({
  $schema: v.optional(v.string()),
  region: region(),
  endpoint: endpoint(),
  /** The top-level account's name on screen when there are more sources (default: "Default"). */
  label: v.optional(text()),
  credentials: v.variant("type", [cognitoSchema, staticSchema], 'must be "cognito" (an identity pool) or "static" (keys, local endpoints only)'),
  polling: v.optional(pollingSchema, {}),
  /** Hide every control (start, stop, retry, transitions, rollback, approvals): a watch-only dashboard. */
  readOnly: v.optional(v.boolean(), false),
  /** More accounts and regions, shown beside the top-level one on every page. */
  sources: v.optional(v.array(sourceSchema), []),
  /** Live updates pushed from EventBridge through AppSync Events; polling stays as the fallback. */
  events: v.optional(eventsSchema),
});

type TopLevel = v.InferOutput<typeof topLevelSchema>;
type Path = [string | number, ...(string | number)[]];

/** Rules across fields, each run once the top-level keys it reads are well-formed (so every problem is listed at once). */
const CROSS_FIELD_RULES: { reads: (keyof TopLevel)[]; problems: (config: TopLevel) => [Path, string][] }[] = [
  {
    reads: ["credentials", "endpoint"],
    problems: (config) =>
      config.credentials.type === "static" && !isLocalEndpoint(config.endpoint)
        ? [[["credentials"], "Static keys are only allowed with a local endpoint (localhost, 127.0.0.1 or [::1]): anyone who loads the page can read them. Use a Cognito identity pool for real AWS."]]
        : [],
  },
  {
    reads: ["sources", "endpoint"],
    problems: (config) =>
      config.sources.flatMap((source, i) => {
        const at = (...keys: string[]): Path => ["sources", i, ...keys];
        const problems: [Path, string][] = [];
        if (source.id === DEFAULT_SOURCE_ID || config.sources.findIndex((other) => other.id === source.id) !== i) {
          problems.push([at("id"), `id "${source.id}" is used twice (or is the reserved "${DEFAULT_SOURCE_ID}")`]);
        }
        if (source.credentials.type === "static" && !isLocalEndpoint(source.endpoint ?? config.endpoint)) {
          problems.push([at("credentials"), "Static keys are only allowed with a local endpoint."]);
        }
        if (source.credentials.type === "assumeRole") {
          const from = source.credentials.from;
          const base = config.sources.find((other) => other.id === from);
          if (from !== DEFAULT_SOURCE_ID && (!base || base.credentials.type === "assumeRole")) {
            problems.push([at("credentials", "from"), `from must be "${DEFAULT_SOURCE_ID}" or the id of a source with cognito or static credentials`]);
          }
        }
        return problems;
      }),
  },
  {
    reads: ["credentials", "sources"],
    problems: (config) => {
      const login = config.credentials.type === "cognito" ? config.credentials.login : undefined;
      return config.sources.flatMap((source, i): [Path, string][] => {
        const own = source.credentials.type === "cognito" ? source.credentials.login : undefined;
        return own && (own.authority !== login?.authority || own.clientId !== login.clientId)
          ? [[["sources", i, "credentials", "login"], "A page signs in once: a source's login must name the top-level login's authority and clientId (or be left out)."]]
          : [];
      });
    },
  },
  {
    reads: ["polling"],
    problems: (config) =>
      config.polling.idleSeconds < config.polling.activeSeconds
        ? [[["polling", "idleSeconds"], "polling.idleSeconds must not be shorter than polling.activeSeconds"]]
        : [],
  },
];

/** valibot's issue path: one item per key, each with the value it holds. */
function pathItems(input: unknown, [first, ...rest]: Path): [v.IssuePathItem, ...v.IssuePathItem[]] {
  let value = input;
  const item = (key: string | number): v.IssuePathItem => {
    const parent = value as Record<string | number, unknown>;
    value = parent[key];
    return { type: "unknown", origin: "value", input: parent, key, value };
  };
  return [item(first), ...rest.map(item)];
}

export const configSchema = v.pipe(
  topLevelSchema,
  v.rawCheck(({ dataset, addIssue }) => {
    const issues = dataset.issues ?? [];
    // An issue without a path: not an object at all, so there is nothing to cross-check.
    if (issues.some((issue) => !issue.path?.length)) return;
    const wellFormed = (key: string) => !issues.some((issue) => issue.path?.[0].key === key);
    // Every key a rule reads is well-formed, so the value has the output type there.
    const config = dataset.value as TopLevel;
    for (const rule of CROSS_FIELD_RULES) {
      if (!rule.reads.every(wellFormed)) continue;
      for (const [keys, message] of rule.problems(config)) addIssue({ message, path: pathItems(config, keys) });
    }
  }),
);

export type DashboardConfig = v.InferOutput<typeof configSchema>;
/** config.json as written, before defaults are filled in. */
export type ConfigInput = v.InferInput<typeof configSchema>;
export type CredentialsConfig = DashboardConfig["credentials"];
export type LoginConfig = v.InferOutput<typeof loginSchema>;
export type LoginConfigInput = v.InferInput<typeof loginSchema>;
export type PollingConfig = DashboardConfig["polling"];
export type EventsConfig = NonNullable<DashboardConfig["events"]>;
export type SourceConfigInput = DashboardConfig["sources"][number];

/** Shown on the explanation page: a working config for the local emulator and one for real AWS. */
export const EXAMPLE_CONFIGS = {
  emulator: {
    region: "us-east-1",
    endpoint: "http://127.0.0.1:4599",
    credentials: { type: "cognito", identityPoolId: "us-east-1:0000aaaa-0000-4000-8000-000000000001" },
    polling: { activeSeconds: 5, idleSeconds: 30, listSeconds: 60 },
  },
  aws: {
    region: "eu-west-1",
    credentials: {
      type: "cognito",
      identityPoolId: "eu-west-1:11111111-2222-3333-4444-555555555555",
      login: {
        provider: "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz",
        authority: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz",
        clientId: "3n4b5urk1ft4fl3mg5e4example",
        scope: "openid email profile",
        metadata: {
          token_endpoint: "https://dashboard-example.auth.eu-west-1.amazoncognito.com/oauth2/token",
          revocation_endpoint: "https://dashboard-example.auth.eu-west-1.amazoncognito.com/oauth2/revoke",
          end_session_endpoint: "https://dashboard-example.auth.eu-west-1.amazoncognito.com/logout",
        },
      },
    },
  },
} satisfies Record<string, v.InferInput<typeof configSchema>>;

import { z } from "zod/mini";
import { en } from "zod/locales";

// zod/mini (a fraction of zod's size, on the first page's budget) ships without messages; load English ones.
z.config(en());
// Without this zod probes for eval (new Function) to compile fast parsers, which the Content Security Policy
// forbids and reports as a violation; the schema is parsed once, so speed does not matter.
z.config({ jitless: true });

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

const text = () => z.string().check(z.minLength(1));

/** The top-level account/region's id in `assumeRole.from`. */
export const DEFAULT_SOURCE_ID = "default";

const loginSchema = z.strictObject({
  /** Login provider name as the identity pool knows it, e.g. accounts.google.com. */
  provider: text(),
  authorizeUrl: z.url({ protocol: /^https?$/, error: "authorizeUrl must be an http(s) URL" }),
  clientId: text(),
  scope: z._default(text(), "openid"),
});

const cognitoSchema = z.strictObject({
  type: z.literal("cognito"),
  identityPoolId: z
    .string()
    .check(z.regex(/^[\w-]+:[0-9a-f-]+$/, "identityPoolId looks like us-east-1:0000aaaa-0000-4000-8000-000000000001")),
  login: z.optional(loginSchema),
});

const staticSchema = z.strictObject({
  type: z.literal("static"),
  accessKeyId: text(),
  secretAccessKey: text(),
});

/** A role in another account, assumed with STS from another source's credentials (cross-account access). */
const assumeRoleSchema = z.strictObject({
  type: z.literal("assumeRole"),
  roleArn: z.string().check(z.regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "roleArn looks like arn:aws:iam::210987654321:role/CodePipelineDashboardReadOnly")),
  /** The source whose credentials call AssumeRole (default: the top-level one); it may not assume a role itself. */
  from: z._default(z.string(), DEFAULT_SOURCE_ID),
  sessionName: z._default(z.string().check(z.regex(/^[\w+=,.@-]{2,64}$/, "sessionName: 2-64 letters, digits or +=,.@-")), "codepipeline-dashboard"),
  externalId: z.optional(z.string().check(z.minLength(2), z.maxLength(1224))),
});

const region = () => z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "region looks like us-east-1"));
const endpoint = () =>
  z.optional(z.url({ protocol: /^https?$/, error: "endpoint must be an http(s) URL, or left out for real AWS" }));

/** One more account/region shown beside the top-level one. */
const sourceSchema = z.strictObject({
  /** Goes into URLs (`/sources/prod-eu/pipelines/…`): short, lower case. */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "id: lower-case letters, digits and dashes, at most 32")),
  /** The account's name on screen, e.g. Prod; the region is shown beside it. */
  label: text(),
  region: region(),
  /** Default: the top-level endpoint. */
  endpoint: endpoint(),
  credentials: z.discriminatedUnion("type", [cognitoSchema, staticSchema, assumeRoleSchema], {
    error: 'must be "cognito", "static" (local endpoints only) or "assumeRole"',
  }),
  /** Default: the top-level readOnly. */
  readOnly: z.optional(z.boolean()),
});

const seconds = (fallback: number, min: number) =>
  z._default(z.number().check(z.minimum(min), z.maximum(86_400)), fallback);

const pollingSchema = z.strictObject({
  /** While a pipeline runs or waits for approval. */
  activeSeconds: seconds(5, 1),
  /** While a visible pipeline is idle. */
  idleSeconds: seconds(30, 2),
  /** ListPipelines. */
  listSeconds: seconds(60, 5),
  /** Pipelines scrolled out of view, for counters and the attention order; 0 = only when they come into view. */
  offscreenSeconds: seconds(300, 0),
  /** Requests to CodePipeline in flight at once, per source. */
  maxConcurrentRequests: z._default(z.int().check(z.minimum(1), z.maximum(50)), 4),
});

export const configSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    region: region(),
    endpoint: endpoint(),
    /** The top-level account's name on screen when there are more sources (default: "Default"). */
    label: z.optional(text()),
    credentials: z.discriminatedUnion("type", [cognitoSchema, staticSchema], {
      error: 'must be "cognito" (an identity pool) or "static" (keys, local endpoints only)',
    }),
    polling: z.prefault(pollingSchema, {}),
    /** Hide every control (start, stop, retry, transitions, rollback, approvals): a watch-only dashboard. */
    readOnly: z._default(z.boolean(), false),
    /** More accounts and regions, shown beside the top-level one on every page. */
    sources: z._default(z.array(sourceSchema), []),
  })
  .check(
    z.superRefine((config, ctx) => {
      if (config.credentials.type === "static" && !isLocalEndpoint(config.endpoint)) {
        ctx.addIssue({
          code: "custom",
          path: ["credentials"],
          message:
            "Static keys are only allowed with a local endpoint (localhost, 127.0.0.1 or [::1]): anyone who loads the page can read them. Use a Cognito identity pool for real AWS.",
        });
      }
      config.sources.forEach((source, i) => {
        const at = (key: string) => ["sources", i, key];
        if (source.id === DEFAULT_SOURCE_ID || config.sources.findIndex((other) => other.id === source.id) !== i) {
          ctx.addIssue({ code: "custom", path: at("id"), message: `id "${source.id}" is used twice (or is the reserved "${DEFAULT_SOURCE_ID}")` });
        }
        if (source.credentials.type === "static" && !isLocalEndpoint(source.endpoint ?? config.endpoint)) {
          ctx.addIssue({ code: "custom", path: at("credentials"), message: "Static keys are only allowed with a local endpoint." });
        }
        if (source.credentials.type === "assumeRole") {
          const from = source.credentials.from;
          const base = config.sources.find((other) => other.id === from);
          if (from !== DEFAULT_SOURCE_ID && (!base || base.credentials.type === "assumeRole")) {
            ctx.addIssue({
              code: "custom",
              path: [...at("credentials"), "from"],
              message: `from must be "${DEFAULT_SOURCE_ID}" or the id of a source with cognito or static credentials`,
            });
          }
        }
      });
      if (config.polling.idleSeconds < config.polling.activeSeconds) {
        ctx.addIssue({
          code: "custom",
          path: ["polling", "idleSeconds"],
          message: "polling.idleSeconds must not be shorter than polling.activeSeconds",
        });
      }
    }),
  );

export type DashboardConfig = z.infer<typeof configSchema>;
export type CredentialsConfig = DashboardConfig["credentials"];
export type LoginConfig = z.infer<typeof loginSchema>;
export type PollingConfig = DashboardConfig["polling"];
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
        provider: "accounts.google.com",
        authorizeUrl: "https://accounts.google.com/o/oauth2/v2/auth",
        clientId: "1234567890-abc.apps.googleusercontent.com",
        scope: "openid email",
      },
    },
  },
} satisfies Record<string, z.input<typeof configSchema>>;

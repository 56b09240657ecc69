import { z } from "zod/mini";
import { en } from "zod/locales";

// zod/mini (a fraction of zod's size, on the first page's budget) ships without messages; load English ones.
z.config(en());

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
    region: z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "region looks like us-east-1")),
    endpoint: z.optional(
      z.url({ protocol: /^https?$/, error: "endpoint must be an http(s) URL, or left out for real AWS" }),
    ),
    credentials: z.discriminatedUnion("type", [cognitoSchema, staticSchema], {
      error: 'must be "cognito" (an identity pool) or "static" (keys, local endpoints only)',
    }),
    polling: z.prefault(pollingSchema, {}),
    /** Hide every control (start, stop, retry, transitions, rollback, approvals): a watch-only dashboard. */
    readOnly: z._default(z.boolean(), false),
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

import type { ConfigInput, DashboardConfig, LoginConfigInput } from "./schema.ts";

/**
 * The Content Security Policy, in two layers, because config.json (and so the region and endpoint) is only
 * known at run time while the build must work anywhere:
 *
 * 1. BUILD_POLICY goes into index.html at build (vite.config.ts). It forbids inline and foreign scripts,
 *    eval, plugins, framing targets, <base> and form posts. Its connect-src allows any https origin and the
 *    local emulator, since any region or endpoint may be configured.
 * 2. connectPolicy(config) is added as a second meta tag as soon as config.json is read, before any AWS
 *    call. Browsers enforce every policy present, so this narrows connect-src to CodePipeline, CodeBuild,
 *    CloudWatch Logs and Cognito Identity of the configured regions, the sign-in provider, and the configured
 *    endpoint. A page script can only add policies, never loosen one, and scripts other than ours cannot run
 *    at all.
 *
 * Hosts that can set headers should send the same policy, with connect-src already narrowed, as a header:
 * `headerPolicy(config)`, documented in deploy/content-security-policy.md.
 */
const BASE_DIRECTIVES: Record<string, string> = {
  "default-src": "'self'",
  "script-src": "'self'",
  // React Flow and the dialog's scroll lock set style attributes and <style> tags; styles cannot run code.
  "style-src": "'self' 'unsafe-inline'",
  "img-src": "'self' data:",
  "font-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'none'",
  "form-action": "'none'",
  "frame-src": "'none'",
  "worker-src": "'none'",
  "manifest-src": "'self'",
};

/** Local emulator on any port, as `isLocalEndpoint` allows (CSP host sources cannot express [::1]). */
const LOCAL_ORIGINS = "http://localhost:* http://127.0.0.1:*";

function serialize(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

export const BUILD_POLICY = serialize({ ...BASE_DIRECTIVES, "connect-src": `'self' https: ${LOCAL_ORIGINS}` });

/**
 * What decides where a config sends requests, as config.json has it (parsed or not: the deploy app computes
 * the header from the config.json it writes, before deploy-time values exist).
 */
export type ConnectConfig = Pick<ConfigInput, "region" | "endpoint" | "credentials" | "sources">;

/**
 * Where sign-in sends requests: the issuer (discovery, and usually keys and tokens) and the endpoints the
 * login block names in advance (for a Cognito user pool, its sign-in domain's token and revocation
 * endpoints). Sign-out is a navigation, not a request.
 */
export function loginOrigins(login: LoginConfigInput): string[] {
  const { token_endpoint, jwks_uri, revocation_endpoint } = login.metadata ?? {};
  return [...new Set([login.authority, token_endpoint, jwks_uri, revocation_endpoint].flatMap((url) => (url ? [new URL(url).origin] : [])))];
}

/**
 * Where the app may send requests: config.json itself and, for every source, its region's CodePipeline,
 * CodeBuild and CloudWatch Logs (the action details read builds and their logs), the Cognito Identity of its
 * identity pool's region and its sign-in provider, STS of its region when it assumes a role, and its endpoint.
 */
export function connectSources(config: ConnectConfig): string {
  const origins = new Set(["'self'"]);
  for (const source of [config, ...(config.sources ?? []).map((source) => ({ ...source, endpoint: source.endpoint ?? config.endpoint }))]) {
    origins.add(`https://codepipeline.${source.region}.amazonaws.com`);
    origins.add(`https://codebuild.${source.region}.amazonaws.com`);
    origins.add(`https://logs.${source.region}.amazonaws.com`);
    const { credentials } = source;
    if (credentials.type === "cognito") origins.add(`https://cognito-identity.${credentials.identityPoolId.split(":")[0]}.amazonaws.com`);
    if (credentials.type === "cognito" && credentials.login) for (const origin of loginOrigins(credentials.login)) origins.add(origin);
    if (credentials.type === "assumeRole") origins.add(`https://sts.${source.region}.amazonaws.com`);
    if (source.endpoint) origins.add(new URL(source.endpoint).origin);
  }
  return [...origins].join(" ");
}

export function connectPolicy(config: ConnectConfig): string {
  return `connect-src ${connectSources(config)}`;
}

/** The whole policy for a host that sets headers; frame-ancestors works only as a header. */
export function headerPolicy(config: ConnectConfig): string {
  return serialize({ ...BASE_DIRECTIVES, "connect-src": connectSources(config), "frame-ancestors": "'none'" });
}

/** Adds the narrowed connect-src as a second policy; call before the first AWS request. */
export function applyConnectPolicy(config: DashboardConfig, doc: Document = document): void {
  const meta = doc.createElement("meta");
  meta.httpEquiv = "Content-Security-Policy";
  meta.content = connectPolicy(config);
  doc.head.append(meta);
}

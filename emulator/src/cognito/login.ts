import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson, splitTarget } from "../http/http";
import { TestLoginProvider, TokenError, type SignIn } from "./login-grants";
import { errorPage, signedOutPage, signInPage } from "./login-page";
import { LOGIN_PATH } from "./login-token";

/**
 * A local OpenID Connect provider for `login.emulator.local`, so the dashboard's signed-in Cognito path runs
 * with no AWS: the authorization code flow with PKCE (S256 only), as OAuth 2.1 and the OAuth security best
 * current practice ask, and nothing else (no implicit flow). Discovery, JWKS, a sign-in page, the token
 * endpoint (codes and refresh tokens), revocation and sign-out, all under `/_emulator/oauth2`. Only loopback
 * redirect URIs are accepted (any port), as RFC 8252 allows for native apps: tokens never leave the machine.
 * The issuer is this server as the client reached it (`http://HOST/_emulator/oauth2`), so discovery works on
 * any port.
 */
export const LOGIN_AUTHORIZE_PATH = `${LOGIN_PATH}/authorize`;
export const LOGIN_DISCOVERY_PATH = `${LOGIN_PATH}/.well-known/openid-configuration`;

/** Usernames become the role session name in caller ARNs, so they follow STS's RoleSessionName rules. */
const USERNAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]{1,190}$/;
/** RFC 7636: a challenge is BASE64URL(SHA-256(verifier)), 43 characters; a verifier is 43-128 unreserved characters. */
const CODE_CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const CODE_VERIFIER_PATTERN = /^[A-Za-z0-9._~-]{43,128}$/;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Query and form values longer than this are refused (they end up in a URL). */
const MAX_PARAM_LENGTH = 2048;

export function issuerOf(req: IncomingMessage): string {
  const host = req.headers.host ?? "";
  return `http://${/^[\w.-]+(:\d+)?$|^\[[\da-fA-F:]+\](:\d+)?$/.test(host) ? host : "127.0.0.1"}${LOGIN_PATH}`;
}

function discovery(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/keys`,
    end_session_endpoint: `${issuer}/logout`,
    revocation_endpoint: `${issuer}/revoke`,
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    code_challenge_methods_supported: ["S256"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "email", "profile"],
    token_endpoint_auth_methods_supported: ["none"],
    revocation_endpoint_auth_methods_supported: ["none"],
    claims_supported: ["iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "sid", "email", "email_verified", "cognito:username"],
  };
}

/** Why a redirect URI is refused, or undefined when it is a loopback http URL. */
export function redirectUriProblem(value: string, name = "redirect_uri"): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name} is not an absolute URL.`;
  }
  if (url.protocol !== "http:") return `${name} must use http (got ${url.protocol.replace(/:$/, "")}); this local provider only redirects to this machine.`;
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    return `${name} host '${url.hostname}' is not allowed: only http://localhost, http://127.0.0.1 and http://[::1] (any port) are accepted, so tokens never leave this machine.`;
  }
  if (url.username || url.password) return `${name} must not carry a user name or password.`;
  if (value.includes("#")) return `${name} must not contain a fragment.`;
  return undefined;
}

class LoginRequestError extends Error {}

function one(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new LoginRequestError(`${name} must be given once.`);
  const value = values[0];
  if (value !== undefined && value.length > MAX_PARAM_LENGTH) throw new LoginRequestError(`${name} is longer than ${MAX_PARAM_LENGTH} characters.`);
  return value;
}

/** The authorization request's parameters, as the sign-in form carries them. */
const AUTHORIZE_PARAMS = ["client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge", "code_challenge_method"] as const;
type AuthorizeRequest = Record<(typeof AUTHORIZE_PARAMS)[number], string | undefined> & { client_id: string; redirect_uri: string };

/** The request, or a LoginRequestError when no safe redirect is possible (client_id, redirect_uri). */
function readAuthorizeRequest(params: URLSearchParams): AuthorizeRequest {
  const request = Object.fromEntries(AUTHORIZE_PARAMS.map((name) => [name, one(params, name)])) as Partial<AuthorizeRequest>;
  if (!request.client_id) throw new LoginRequestError("client_id is required.");
  if (!request.redirect_uri) throw new LoginRequestError("redirect_uri is required.");
  const problem = redirectUriProblem(request.redirect_uri);
  if (problem) throw new LoginRequestError(problem);
  return request as AuthorizeRequest;
}

/** OAuth errors that can go back to a valid redirect URI (RFC 6749 4.1.2.1). */
function requestError(request: AuthorizeRequest): { error: string; description: string } | undefined {
  if (request.response_type !== "code") {
    return {
      error: "unsupported_response_type",
      description: `response_type must be code (got '${request.response_type ?? ""}'): this provider implements the authorization code flow with PKCE only.`,
    };
  }
  if (!(request.scope ?? "").split(" ").includes("openid")) return { error: "invalid_scope", description: "scope must include openid." };
  if (!request.code_challenge) return { error: "invalid_request", description: "code_challenge is required (PKCE, RFC 7636)." };
  if (request.code_challenge_method !== "S256") {
    return { error: "invalid_request", description: `code_challenge_method must be S256 (got '${request.code_challenge_method ?? "plain"}').` };
  }
  if (!CODE_CHALLENGE_PATTERN.test(request.code_challenge)) {
    return { error: "invalid_request", description: "code_challenge must be the 43-character base64url SHA-256 of the code_verifier." };
  }
  return undefined;
}

/** `redirect_uri?…&state=…`, keeping the redirect URI's own query (RFC 6749 3.1.2). */
function redirect(res: ServerResponse, to: string, values: Record<string, string>, state: string | undefined): void {
  const url = new URL(to);
  for (const [name, value] of Object.entries(values)) url.searchParams.set(name, value);
  if (state !== undefined) url.searchParams.set("state", state);
  res.writeHead(303, { Location: url.href, "Cache-Control": "no-store", "Content-Length": "0" });
  res.end();
}

function sendOAuthJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  sendJson(req, res, status, JSON.stringify(body), { "Content-Type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache" });
}

function isForm(req: IncomingMessage): boolean {
  return (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase() === "application/x-www-form-urlencoded";
}

function authorize(req: IncomingMessage, res: ServerResponse, body: string, provider: TestLoginProvider): void {
  const isPost = req.method === "POST";
  if (isPost && !isForm(req)) {
    errorPage(res, 415, "The sign-in form must be posted as application/x-www-form-urlencoded.");
    return;
  }
  const params = isPost ? new URLSearchParams(body) : splitTarget(req.url).query;
  let request: AuthorizeRequest;
  let action: string | undefined, username: string, email: string;
  try {
    request = readAuthorizeRequest(params);
    action = one(params, "action");
    username = (one(params, "username") ?? "").trim();
    email = (one(params, "email") ?? "").trim();
  } catch (error) {
    if (!(error instanceof LoginRequestError)) throw error;
    errorPage(res, 400, error.message);
    return;
  }
  const problem = requestError(request);
  if (problem) {
    redirect(res, request.redirect_uri, { error: problem.error, error_description: problem.description }, request.state);
    return;
  }
  const form = { request, returnHost: new URL(request.redirect_uri).host, action: LOGIN_AUTHORIZE_PATH };
  if (!isPost) {
    signInPage(res, 200, { ...form, username: "alice", email: "alice@example.com" });
    return;
  }
  if (action === "cancel") {
    redirect(res, request.redirect_uri, { error: "access_denied", error_description: "The user cancelled the sign-in." }, request.state);
    return;
  }
  const errors: Record<string, string> = {};
  if (!USERNAME_PATTERN.test(username)) errors.username = "Enter a username of 1 to 64 letters, digits or +=,.@_- characters.";
  if (email && !EMAIL_PATTERN.test(email)) errors.email = "Enter an email address like alice@example.com, or leave it empty.";
  if (errors.username || errors.email) {
    signInPage(res, 400, { ...form, username, email, errors });
    return;
  }
  const signIn: SignIn = {
    clientId: request.client_id,
    redirectUri: request.redirect_uri,
    scope: request.scope!,
    nonce: request.nonce,
    codeChallenge: request.code_challenge!,
    sub: username,
    email: email || undefined,
    authTime: Math.floor(Date.now() / 1000),
    sid: randomUUID(),
  };
  redirect(res, request.redirect_uri, { code: provider.issueCode(signIn) }, request.state);
}

function required(params: URLSearchParams, name: string): string {
  const value = one(params, name);
  if (!value) throw new TokenError("invalid_request", `${name} is required.`);
  return value;
}

/** `POST /token`: public clients only (no secret), so every request names its client_id. */
async function token(req: IncomingMessage, body: string, provider: TestLoginProvider): Promise<unknown> {
  if (!isForm(req)) throw new TokenError("invalid_request", "The token request must be application/x-www-form-urlencoded.");
  const params = new URLSearchParams(body);
  const grantType = required(params, "grant_type");
  const clientId = required(params, "client_id");
  const issuer = issuerOf(req);
  if (grantType === "authorization_code") {
    const code = required(params, "code");
    const codeVerifier = required(params, "code_verifier");
    if (!CODE_VERIFIER_PATTERN.test(codeVerifier)) throw new TokenError("invalid_request", "code_verifier must be 43-128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636).");
    const signIn = provider.redeemCode(code, { clientId, redirectUri: required(params, "redirect_uri"), codeVerifier });
    return provider.tokens(signIn, issuer, code);
  }
  if (grantType === "refresh_token") return provider.tokens(provider.redeemRefreshToken(required(params, "refresh_token"), clientId), issuer);
  throw new TokenError("unsupported_grant_type", `grant_type must be authorization_code or refresh_token (got '${grantType}').`);
}

/** `GET /logout`: RP-initiated logout. A valid id_token_hint ends that session's refresh tokens. */
async function logout(req: IncomingMessage, res: ServerResponse, provider: TestLoginProvider): Promise<void> {
  const params = splitTarget(req.url).query;
  let hint: string | undefined, returnTo: string | undefined, state: string | undefined;
  try {
    hint = one(params, "id_token_hint");
    returnTo = one(params, "post_logout_redirect_uri");
    state = one(params, "state");
  } catch (error) {
    if (!(error instanceof LoginRequestError)) throw error;
    errorPage(res, 400, error.message);
    return;
  }
  const problem = returnTo === undefined ? undefined : redirectUriProblem(returnTo, "post_logout_redirect_uri");
  if (problem) {
    errorPage(res, 400, problem);
    return;
  }
  if (hint) {
    const claims = await provider.keys.verifyIdToken(hint, { ignoreExpiry: true });
    if ("sid" in claims && claims.sid) provider.endSession(claims.sid);
  }
  if (returnTo === undefined) signedOutPage(res);
  else redirect(res, returnTo, {}, state);
}

const ROUTES: Record<string, { methods: string[]; json: boolean }> = {
  "/.well-known/openid-configuration": { methods: ["GET"], json: true },
  "/keys": { methods: ["GET"], json: true },
  "/authorize": { methods: ["GET", "POST"], json: false },
  "/token": { methods: ["POST"], json: true },
  "/revoke": { methods: ["POST"], json: true },
  "/logout": { methods: ["GET"], json: false },
};

/** Everything under `/_emulator/oauth2/`. Never throws for a client's mistake. */
export async function handleLogin(req: IncomingMessage, res: ServerResponse, body: string, provider: TestLoginProvider): Promise<void> {
  const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
  const name = splitTarget(req.url).path.slice(LOGIN_PATH.length).replace(/(.)\/$/, "$1");
  const route = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
  if (!route) {
    errorPage(res, 404, `No such page. The local login's discovery document is at ${LOGIN_DISCOVERY_PATH}.`);
    return;
  }
  if (!route.methods.includes(method)) {
    res.setHeader("Allow", route.methods.join(", "));
    if (route.json) sendOAuthJson(req, res, 405, { error: "invalid_request", error_description: `Use ${route.methods.join(" or ")} here.` });
    else errorPage(res, 405, `Method ${method} is not allowed here: open this page with GET${name === "/authorize" ? ", and sign in with its form" : ""}.`);
    return;
  }
  switch (name) {
    case "/.well-known/openid-configuration":
      return sendOAuthJson(req, res, 200, discovery(issuerOf(req)));
    case "/keys":
      return sendOAuthJson(req, res, 200, await provider.keys.jwks());
    case "/authorize":
      return authorize(req, res, body, provider);
    case "/logout":
      return logout(req, res, provider);
  }
  try {
    if (name === "/token") {
      sendOAuthJson(req, res, 200, await token(req, body, provider));
    } else {
      if (!isForm(req)) throw new TokenError("invalid_request", "The revocation request must be application/x-www-form-urlencoded.");
      const params = new URLSearchParams(body);
      provider.revoke(required(params, "token"), one(params, "client_id"));
      sendOAuthJson(req, res, 200, {});
    }
  } catch (error) {
    const refusal = error instanceof LoginRequestError ? new TokenError("invalid_request", error.message) : error;
    if (!(refusal instanceof TokenError)) throw refusal;
    sendOAuthJson(req, res, 400, { error: refusal.error, error_description: refusal.message });
  }
}

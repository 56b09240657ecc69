import type { IncomingMessage, ServerResponse } from "node:http";
import { splitTarget } from "../http/http";
import { makeTestLoginToken } from "./login-token";
import { TEST_LOGIN_PROVIDER } from "./pools";

/**
 * A local OpenID provider for `login.emulator.local` (implicit flow, `response_type=id_token`), so the
 * dashboard's signed-in Cognito path runs with no AWS: `GET` shows a sign-in page, its form `POST`s
 * back here, and the answer redirects to `redirect_uri#id_token=…&state=…` with an unsigned JWT
 * that the emulator's Cognito Identity accepts. Only loopback redirect URIs are accepted (any port),
 * as RFC 8252 allows for native apps: tokens never leave the machine.
 */
export const LOGIN_AUTHORIZE_PATH = "/_emulator/oauth2/authorize";

/** `iss` of the tokens: Cognito maps an issuer to a login provider by its host name. */
export const TEST_LOGIN_ISSUER = `https://${TEST_LOGIN_PROVIDER}`;

export const DEFAULT_LOGIN_TOKEN_LIFETIME_SECONDS = 3600;
export const MAX_LOGIN_TOKEN_LIFETIME_SECONDS = 86_400;

/** Usernames become the role session name in caller ARNs, so they follow STS's RoleSessionName rules. */
const USERNAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]{1,190}$/;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Query and form values longer than this are refused (they end up in a URL). */
const MAX_PARAM_LENGTH = 2048;

export class TestLoginProvider {
  constructor(public tokenLifetimeSeconds = DEFAULT_LOGIN_TOKEN_LIFETIME_SECONDS) {}
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Why a redirect URI is refused, or undefined when it is a loopback http URL. */
export function redirectUriProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "redirect_uri is not an absolute URL.";
  }
  if (url.protocol !== "http:") return `redirect_uri must use http (got ${url.protocol.replace(/:$/, "")}); this local provider only redirects to this machine.`;
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    return `redirect_uri host '${url.hostname}' is not allowed: only http://localhost, http://127.0.0.1 and http://[::1] (any port) are accepted, so tokens never leave this machine.`;
  }
  if (url.username || url.password) return "redirect_uri must not carry a user name or password.";
  if (value.includes("#")) return "redirect_uri must not contain a fragment (the token is put there).";
  return undefined;
}

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  responseType: string;
  state?: string;
  nonce?: string;
  scope?: string;
}

type Params = URLSearchParams;

function one(params: Params, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new LoginRequestError(`${name} must be given once.`);
  const value = values[0];
  if (value !== undefined && value.length > MAX_PARAM_LENGTH) throw new LoginRequestError(`${name} is longer than ${MAX_PARAM_LENGTH} characters.`);
  return value;
}

class LoginRequestError extends Error {}

/** The request's parameters, or a LoginRequestError when no safe redirect is possible (client_id, redirect_uri). */
function readAuthorizeRequest(params: Params): AuthorizeRequest {
  const clientId = one(params, "client_id");
  const redirectUri = one(params, "redirect_uri");
  if (!clientId) throw new LoginRequestError("client_id is required.");
  if (!redirectUri) throw new LoginRequestError("redirect_uri is required.");
  const problem = redirectUriProblem(redirectUri);
  if (problem) throw new LoginRequestError(problem);
  return {
    clientId,
    redirectUri: new URL(redirectUri).href,
    responseType: one(params, "response_type") ?? "",
    state: one(params, "state"),
    nonce: one(params, "nonce"),
    scope: one(params, "scope"),
  };
}

/** OAuth errors that can go back to a valid redirect URI (RFC 6749 4.2.2.1). */
function requestError(request: AuthorizeRequest): { error: string; description: string } | undefined {
  if (request.responseType !== "id_token") {
    return { error: "unsupported_response_type", description: `response_type must be id_token (got '${request.responseType}').` };
  }
  if (!request.nonce) return { error: "invalid_request", description: "nonce is required for the implicit flow." };
  return undefined;
}

function fragmentRedirect(res: ServerResponse, request: AuthorizeRequest, values: Record<string, string>): void {
  const fragment = new URLSearchParams(values);
  if (request.state !== undefined) fragment.set("state", request.state);
  res.writeHead(303, { Location: `${request.redirectUri}#${fragment}`, "Cache-Control": "no-store", "Content-Length": "0" });
  res.end();
}

const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  // No form-action: browsers apply it to the redirect after the post, which goes to another origin.
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
};

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24}
main{max-width:26rem;margin:4rem auto;padding:2rem;background:#fff;border:1px solid #c9ced6;border-radius:8px}
h1{font-size:1.35rem;margin:0 0 .5rem}label{display:block;font-weight:600;margin-top:1rem}
input{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.45rem .6rem;margin-top:.25rem;border:1px solid #6b7280;border-radius:4px}
input:focus,button:focus{outline:3px solid #1d4ed8;outline-offset:2px}
.hint{color:#4b5563;font-size:.9rem;margin:.25rem 0 0}.error{color:#b91c1c;font-weight:600}
.buttons{display:flex;gap:.75rem;margin-top:1.5rem}button{font:inherit;padding:.5rem 1.1rem;border-radius:4px;border:1px solid #1d4ed8;cursor:pointer}
button[value=signin]{background:#1d4ed8;color:#fff}button[value=cancel]{background:#fff;color:#1d4ed8}code{word-break:break-all}`;

function page(res: ServerResponse, status: number, title: string, content: string): void {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${content}
</main></body>
</html>
`;
  res.writeHead(status, { ...PAGE_HEADERS, "Content-Length": String(Buffer.byteLength(html)) });
  res.end(html);
}

function errorPage(res: ServerResponse, status: number, message: string): void {
  page(
    res,
    status,
    "Sign-in request refused - CodePipeline emulator",
    `<h1>Sign-in request refused</h1>
<p role="alert" class="error">${escapeHtml(message)}</p>
<p class="hint">This is the CodePipeline emulator's local test login (<code>${TEST_LOGIN_PROVIDER}</code>). See emulator/README.md.</p>`,
  );
}

interface FormValues {
  username: string;
  email: string;
  /** Field name → message, shown next to the field. */
  errors?: Partial<Record<"username" | "email", string>>;
}

function signInPage(res: ServerResponse, status: number, request: AuthorizeRequest, form: FormValues): void {
  const hidden = (name: string, value: string | undefined) =>
    value === undefined ? "" : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">\n`;
  const field = (name: "username" | "email", label: string, type: string, autocomplete: string, hint: string) => {
    const error = form.errors?.[name];
    const describedBy = error ? `${name}-hint ${name}-error` : `${name}-hint`;
    return `<label for="${name}">${label}</label>
<input id="${name}" name="${name}" type="${type}" value="${escapeHtml(form[name])}" autocomplete="${autocomplete}" aria-describedby="${describedBy}"${
      name === "username" ? " required" : ""
    }${error ? ' aria-invalid="true"' : ""}>
<p id="${name}-hint" class="hint">${hint}</p>
${error ? `<p id="${name}-error" class="error">${escapeHtml(error)}</p>\n` : ""}`;
  };
  const host = new URL(request.redirectUri).host;
  page(
    res,
    status,
    "Sign in to the CodePipeline emulator",
    `<h1>Sign in to the CodePipeline emulator</h1>
<p>Local test login (<code>${TEST_LOGIN_PROVIDER}</code>): no password. You will be sent back to <code>${escapeHtml(host)}</code>
as the user you name here.</p>
<form method="post" action="${LOGIN_AUTHORIZE_PATH}" novalidate>
${hidden("client_id", request.clientId)}${hidden("redirect_uri", request.redirectUri)}${hidden("response_type", request.responseType)}${hidden(
      "state",
      request.state,
    )}${hidden("nonce", request.nonce)}${hidden("scope", request.scope)}${field(
      "username",
      "Username",
      "text",
      "username",
      "Becomes the token's subject and the session name in your caller ARN (letters, digits and +=,.@_- only).",
    )}${field("email", "Email", "email", "email", "Optional; put in the token's email claim.")}
<div class="buttons"><button type="submit" name="action" value="signin">Sign in</button>
<button type="submit" name="action" value="cancel">Cancel</button></div>
</form>`,
  );
}

function issueToken(request: AuthorizeRequest, username: string, email: string, lifetimeSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: TEST_LOGIN_ISSUER,
    sub: username,
    aud: request.clientId,
    iat: now,
    exp: now + lifetimeSeconds,
    nonce: request.nonce,
    "cognito:username": username,
  };
  if (email) {
    claims.email = email;
    claims.email_verified = true;
  }
  return makeTestLoginToken({ ...claims, sub: username });
}

/** `GET|POST /_emulator/oauth2/authorize`. Never throws. */
export function handleLogin(req: IncomingMessage, res: ServerResponse, body: string, provider: TestLoginProvider): void {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "POST" && method !== "HEAD") {
    res.setHeader("Allow", "GET, POST");
    errorPage(res, 405, `Method ${method} is not allowed here: open this page with GET, and sign in with its form.`);
    return;
  }
  const url = splitTarget(req.url);
  if (url.path.replace(/\/$/, "") !== LOGIN_AUTHORIZE_PATH) {
    errorPage(res, 404, `No such page. The local login lives at ${LOGIN_AUTHORIZE_PATH}.`);
    return;
  }
  const isPost = method === "POST";
  if (isPost && (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase() !== "application/x-www-form-urlencoded") {
    errorPage(res, 415, "The sign-in form must be posted as application/x-www-form-urlencoded.");
    return;
  }
  let request: AuthorizeRequest;
  const params = isPost ? new URLSearchParams(body) : url.query;
  try {
    request = readAuthorizeRequest(params);
  } catch (error) {
    if (!(error instanceof LoginRequestError)) throw error;
    errorPage(res, 400, error.message);
    return;
  }
  const problem = requestError(request);
  if (problem) {
    fragmentRedirect(res, request, { error: problem.error, error_description: problem.description });
    return;
  }
  if (!isPost) {
    signInPage(res, 200, request, { username: "alice", email: "alice@example.com" });
    return;
  }
  let action: string | undefined, username: string, email: string;
  try {
    action = one(params, "action");
    username = (one(params, "username") ?? "").trim();
    email = (one(params, "email") ?? "").trim();
  } catch (error) {
    if (!(error instanceof LoginRequestError)) throw error;
    errorPage(res, 400, error.message);
    return;
  }
  if (action === "cancel") {
    fragmentRedirect(res, request, { error: "access_denied", error_description: "The user cancelled the sign-in." });
    return;
  }
  const errors: FormValues["errors"] = {};
  if (!USERNAME_PATTERN.test(username)) errors.username = "Enter a username of 1 to 64 letters, digits or +=,.@_- characters.";
  if (email && !EMAIL_PATTERN.test(email)) errors.email = "Enter an email address like alice@example.com, or leave it empty.";
  if (errors.username || errors.email) {
    signInPage(res, 400, request, { username, email, errors });
    return;
  }
  fragmentRedirect(res, request, { id_token: issueToken(request, username, email, provider.tokenLifetimeSeconds) });
}

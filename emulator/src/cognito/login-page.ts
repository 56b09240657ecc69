import type { ServerResponse } from "node:http";
import { TEST_LOGIN_PROVIDER } from "./pools";

/** The local login provider's HTML pages: the sign-in form, a refusal, and "signed out". */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
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

const ABOUT = `<p class="hint">This is the CodePipeline emulator's local test login (<code>${TEST_LOGIN_PROVIDER}</code>). See emulator/README.md.</p>`;

export function errorPage(res: ServerResponse, status: number, message: string): void {
  page(res, status, "Sign-in request refused - CodePipeline emulator", `<h1>Sign-in request refused</h1>\n<p role="alert" class="error">${escapeHtml(message)}</p>\n${ABOUT}`);
}

export function signedOutPage(res: ServerResponse): void {
  page(res, 200, "Signed out - CodePipeline emulator", `<h1>Signed out</h1>\n<p>Your session with the local test login has ended.</p>\n${ABOUT}`);
}

export interface SignInForm {
  /** The authorization request, carried through the form as hidden fields. */
  request: Record<string, string | undefined>;
  /** Where the person goes back to, shown so they know. */
  returnHost: string;
  action: string;
  username: string;
  email: string;
  /** Field name → message, shown next to the field. */
  errors?: Partial<Record<"username" | "email", string>>;
}

export function signInPage(res: ServerResponse, status: number, form: SignInForm): void {
  const hidden = Object.entries(form.request)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">\n`)
    .join("");
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
  page(
    res,
    status,
    "Sign in to the CodePipeline emulator",
    `<h1>Sign in to the CodePipeline emulator</h1>
<p>Local test login (<code>${TEST_LOGIN_PROVIDER}</code>): no password. You will be sent back to <code>${escapeHtml(form.returnHost)}</code>
as the user you name here.</p>
<form method="post" action="${escapeHtml(form.action)}" novalidate>
${hidden}${field(
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

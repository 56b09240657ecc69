import { storedIdToken } from "../../../lib/aws/id-token";

/**
 * The signed-in person (authenticated Cognito login), from the id token F's sign-in keeps: email, else
 * subject. Undefined with unauthenticated or static credentials: nobody is known, so nobody is claimed.
 */
export function signedInIdentity(): string | undefined {
  const token = storedIdToken();
  if (!token) return undefined;
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const claims = JSON.parse(atob(payload)) as { email?: unknown; sub?: unknown };
    const name = typeof claims.email === "string" && claims.email ? claims.email : typeof claims.sub === "string" ? claims.sub : undefined;
    return name?.slice(0, 128);
  } catch {
    return undefined;
  }
}

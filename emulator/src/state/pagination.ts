import { InvalidNextTokenException } from "../errors";

/**
 * Opaque next tokens: an offset tagged with what is being listed, so a token from one listing
 * (or a made-up one) is refused with InvalidNextTokenException. The last page carries no token.
 */
export function paginate<T>(items: readonly T[], listing: string, nextToken: string | undefined, maxResults: number): { page: T[]; nextToken?: string } {
  const start = nextToken === undefined ? 0 : decode(listing, nextToken);
  const end = start + maxResults;
  const page = items.slice(start, end);
  return end < items.length ? { page, nextToken: encode(listing, end) } : { page };
}

function encode(listing: string, offset: number): string {
  return Buffer.from(JSON.stringify({ l: listing, o: offset })).toString("base64url");
}

function decode(listing: string, token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { l?: unknown; o?: unknown };
    if (parsed.l === listing && typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // falls through to the error below
  }
  throw new InvalidNextTokenException("The next token is not valid.");
}

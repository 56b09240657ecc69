/**
 * Returns the URL only when it is http(s): pipeline data comes from anyone who can edit a pipeline or push a
 * commit, so `javascript:` and other schemes must render as text, never as a link.
 */
export function safeHref(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

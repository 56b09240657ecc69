import * as v from "valibot";
import { configSchema, type DashboardConfig } from "./schema.ts";

export interface ConfigProblem {
  /** What went wrong, in one sentence. */
  title: string;
  /** One line per problem, with the path of the offending key. */
  details: string[];
  /** Where the file was looked for. */
  url: string;
}

export type ConfigResult = { ok: true; config: DashboardConfig } | { ok: false; problem: ConfigProblem };

/** Validates already-parsed JSON: pure, so the explanation page and the unit tests share it. */
export function parseConfig(raw: unknown, url: string): ConfigResult {
  const result = v.safeParse(configSchema, raw);
  if (result.success) return { ok: true, config: result.output };
  return { ok: false, problem: { title: "config.json is not valid", details: result.issues.map(describeIssue), url } };
}

/** `path: message`, in words for the two issues valibot words for programmers: a missing key and an unknown one. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => String(item.key));
  const objectKey = issue.type === "strict_object" && keys.length > 0;
  if (objectKey && issue.expected === "never") return `${keys.slice(0, -1).join(".") || "(top level)"}: unknown key "${keys.at(-1)}"`;
  if (objectKey && issue.input === undefined) return `${keys.join(".")}: is required`;
  return `${keys.join(".") || "(top level)"}: ${issue.message}`;
}

/** A file next to index.html, whatever the current route (a deep link's path is not the app's root). */
export function appUrl(file: string): string {
  return new URL(`${import.meta.env.BASE_URL}${file}`, location.origin).href;
}

/** Reads config.json next to index.html, so one static build runs anywhere by editing that file. */
export async function loadConfig(url = appUrl("config.json")): Promise<ConfigResult> {
  let response: Response;
  try {
    // The same request as index.html's preload, which it then answers (a slow phone gains a round trip): no
    // `cache` option, so the host's `Cache-Control: no-cache` (README) is what keeps a changed file from being read stale.
    response = await fetch(url);
  } catch (error) {
    return problem("config.json could not be fetched", [String(error)], url);
  }
  if (!response.ok) {
    return problem(`config.json is missing (HTTP ${response.status})`, [`Nothing usable was served at ${url}.`], url);
  }
  const text = await response.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const hint = text.trimStart().startsWith("<") ? " The server answered with HTML: is config.json deployed?" : "";
    return problem("config.json is not valid JSON", [`${(error as Error).message}.${hint}`], url);
  }
  return parseConfig(raw, url);
}

function problem(title: string, details: string[], url: string): ConfigResult {
  return { ok: false, problem: { title, details, url } };
}

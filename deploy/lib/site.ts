import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { SettingsError } from "./settings";

/**
 * What the built app (`dist/`) holds, for the CDN: the hashed bundles live under `assets/` and may be cached
 * for a year; everything else at the top (index.html, config.json, favicon.svg) must be read fresh.
 */
export const ASSETS_DIR = "assets";

/** Top-level files of the build, as URL paths (`/index.html`), excluding `assets/`; config.json is always one. */
export function siteFiles(dist: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dist);
  } catch {
    throw new SettingsError(`The built app is missing: ${dist} does not exist. Run \`npm run build\` first (\`npm run deploy\` does).`);
  }
  if (!entries.includes("index.html")) throw new SettingsError(`${dist} has no index.html: run \`npm run build\` first (\`npm run deploy\` does).`);
  const files = new Set(["/config.json"]);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.add(`/${relative(dist, path).split(sep).join("/")}`);
    }
  };
  for (const entry of entries) {
    if (entry === ASSETS_DIR) continue;
    const path = join(dist, entry);
    if (statSync(path).isDirectory()) walk(path);
    else files.add(`/${entry}`);
  }
  return [...files].sort();
}

/**
 * The CloudFront Function (viewer request) that serves the app for its own routes: any path that is not one
 * of the build's files becomes /index.html, so a deep link (/pipelines/web.app/executions/…) opens the app.
 * It names the files instead of guessing from a dot in the last segment, since pipeline and stage names
 * may contain dots. The assets/* behaviour does not run it, so a missing bundle stays a 404 instead of
 * becoming index.html with status 200 (which error-response mapping would do to every 403 and 404).
 */
export function spaRewriteCode(files: string[]): string {
  // An object as the set: CloudFront's JavaScript runtime is a subset of ECMAScript, objects it has in full.
  const set = Object.fromEntries(files.map((file) => [file, true]));
  return [
    `var FILES = ${JSON.stringify(set)};`,
    "function handler(event) {",
    "  var request = event.request;",
    "  if (FILES[request.uri] !== true) request.uri = '/index.html';",
    "  return request;",
    "}",
  ].join("\n");
}

import * as v from "valibot";

/**
 * Everything the wall display is told comes from its URL, so a TV is configured once by its kiosk URL and
 * never needs a click. Bad values never block the screen: each one falls back to its default and is listed
 * in `ignored`, which the wall shows in small print.
 */

export type WallTheme = "dark" | "light";

export interface WallOptions {
  /** Glob (`*-api`, `web-*`) or `/regular expression/flags`; blank = every pipeline. */
  filter: string;
  /** `key=value` (or `key` for "has the tag"); a pipeline must match all of them. */
  tags: TagFilter[];
  hideHealthy: boolean;
  /** 0 = automatic. */
  columns: number;
  /** Seconds between pages; 0 = no rotation, a "+N more" tile instead. */
  rotateSeconds: number;
  theme: WallTheme;
  /** GetPipelineState cadence per shown pipeline. */
  refreshSeconds: number;
  /** Night dimming, local hours [from, to) ; undefined = never. */
  dim?: { from: number; to: number };
  /** Source ids (`default` for the top-level one) to show; empty = every configured source. */
  sources: string[];
}

export interface TagFilter {
  key: string;
  /** undefined = any value. */
  value?: string;
}

export const WALL_DEFAULTS: WallOptions = {
  filter: "",
  tags: [],
  hideHealthy: false,
  columns: 0,
  rotateSeconds: 20,
  theme: "dark",
  refreshSeconds: 30,
  sources: [],
};

export const LIMITS = {
  columns: { min: 1, max: 12 },
  rotateSeconds: { min: 5, max: 3600 },
  refreshSeconds: { min: 5, max: 3600 },
  tags: 10,
  filterLength: 200,
} as const;

/** Parameter names, shared by the parser and the URL builder. */
export const PARAMS = {
  filter: "filter",
  tag: "tag",
  hideHealthy: "hideHealthy",
  columns: "columns",
  rotate: "rotate",
  theme: "theme",
  refresh: "refresh",
  dim: "dim",
  sources: "sources",
} as const;

const KNOWN = new Set<string>(Object.values(PARAMS));

const bool = v.pipe(
  v.picklist(["1", "0", "true", "false", "yes", "no", ""], "must be 1, 0, true, false, yes or no"),
  v.transform((value) => value === "1" || value === "true" || value === "yes" || value === ""),
);
const int = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, "must be a whole number"),
    v.transform(Number),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

const columns = v.union(
  [v.pipe(v.literal("auto"), v.transform(() => 0)), int(LIMITS.columns.min, LIMITS.columns.max)],
  `must be auto or a whole number from ${LIMITS.columns.min} to ${LIMITS.columns.max}`,
);
const rotate = v.union(
  [v.pipe(v.picklist(["0", "off"]), v.transform(() => 0)), int(LIMITS.rotateSeconds.min, LIMITS.rotateSeconds.max)],
  `must be off or seconds from ${LIMITS.rotateSeconds.min} to ${LIMITS.rotateSeconds.max}`,
);
const refresh = int(LIMITS.refreshSeconds.min, LIMITS.refreshSeconds.max);
const theme = v.picklist(["dark", "light"], "must be dark or light");
const dim = v.pipe(
  v.string(),
  v.regex(/^\d{1,2}-\d{1,2}$/, 'must look like "22-7" (from hour to hour, local time)'),
  v.transform((value) => value.split("-").map(Number) as [number, number]),
  v.check(([from, to]) => from <= 23 && to <= 23 && from !== to, "hours must be 0-23 and differ"),
  v.transform(([from, to]) => ({ from, to })),
);
const tag = v.pipe(
  v.string(),
  v.minLength(1, "needs a tag key"),
  v.maxLength(256, "at most 256 characters"),
  v.transform((value): TagFilter => {
    const at = value.indexOf("=");
    return at < 0 ? { key: value } : { key: value.slice(0, at), value: value.slice(at + 1) };
  }),
  v.check((t) => t.key.trim() !== "", "needs a tag key before ="),
);

export interface ParsedWallOptions {
  options: WallOptions;
  /** One line per value that was ignored, for the small print on the wall and the setup page. */
  ignored: string[];
}

/**
 * `sourceIds`: the ids a `sources` value may name (the config's, `default` for the top-level source); the wall
 * has no other way to know them, and an id it cannot show must be reported, not silently dropped.
 */
export function parseWallOptions(params: URLSearchParams, sourceIds: readonly string[] = []): ParsedWallOptions {
  const options: WallOptions = { ...WALL_DEFAULTS, tags: [], sources: [] };
  const ignored: string[] = [];

  function read<T>(name: string, raw: string, schema: v.GenericSchema<string, T>, apply: (value: T) => void) {
    const result = v.safeParse(schema, raw.trim());
    if (result.success) apply(result.output);
    else ignored.push(`${name}=${raw}: ${result.issues[0].message}`);
  }
  function take<T>(name: string, schema: v.GenericSchema<string, T>, apply: (value: T) => void) {
    const raw = params.get(name);
    if (raw !== null) read(name, raw, schema, apply);
  }

  const filter = params.get(PARAMS.filter);
  if (filter !== null) {
    const problem = filterProblem(filter);
    if (problem) ignored.push(`${PARAMS.filter}=${filter}: ${problem}`);
    else options.filter = filter.trim();
  }
  for (const raw of params.getAll(PARAMS.tag)) {
    if (options.tags.length >= LIMITS.tags) {
      ignored.push(`${PARAMS.tag}=${raw}: at most ${LIMITS.tags} tags`);
      continue;
    }
    read(PARAMS.tag, raw, tag, (t) => options.tags.push(t));
  }
  take(PARAMS.hideHealthy, bool, (v) => (options.hideHealthy = v));
  take(PARAMS.columns, columns, (v) => (options.columns = v));
  take(PARAMS.rotate, rotate, (v) => (options.rotateSeconds = v));
  take(PARAMS.theme, theme, (v) => (options.theme = v));
  take(PARAMS.refresh, refresh, (v) => (options.refreshSeconds = v));
  take(PARAMS.dim, dim, (v) => (options.dim = v));
  const sources = params.get(PARAMS.sources);
  if (sources !== null) {
    const picked = parseSourceIds(sources, sourceIds);
    options.sources = picked.known;
    if (picked.unknown.length > 0) {
      const known = sourceIds.length > 0 ? ` (known: ${sourceIds.join(", ")})` : "";
      ignored.push(`${PARAMS.sources}=${sources}: unknown source ${picked.unknown.map((id) => `"${id}"`).join(", ")}${known}`);
    }
  }
  for (const name of new Set(params.keys())) {
    if (!KNOWN.has(name)) ignored.push(`${name}: unknown parameter`);
  }
  return { options, ignored };
}

/** The query string for `options`, defaults left out so kiosk URLs stay short. */
export function wallSearch(options: WallOptions): string {
  const params = new URLSearchParams();
  if (options.filter) params.set(PARAMS.filter, options.filter);
  for (const t of options.tags) params.append(PARAMS.tag, t.value === undefined ? t.key : `${t.key}=${t.value}`);
  if (options.hideHealthy) params.set(PARAMS.hideHealthy, "1");
  if (options.columns !== WALL_DEFAULTS.columns) params.set(PARAMS.columns, String(options.columns));
  if (options.rotateSeconds !== WALL_DEFAULTS.rotateSeconds) params.set(PARAMS.rotate, String(options.rotateSeconds));
  if (options.theme !== WALL_DEFAULTS.theme) params.set(PARAMS.theme, options.theme);
  if (options.refreshSeconds !== WALL_DEFAULTS.refreshSeconds) params.set(PARAMS.refresh, String(options.refreshSeconds));
  if (options.dim) params.set(PARAMS.dim, `${options.dim.from}-${options.dim.to}`);
  if (options.sources.length > 0) params.set(PARAMS.sources, options.sources.join(","));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Ids from a `sources` value (commas or spaces), each once, in the order given; ids are case-sensitive as in config. */
export function parseSourceIds(value: string, sourceIds: readonly string[]): { known: string[]; unknown: string[] } {
  const ids = [...new Set(value.split(/[\s,]+/).filter(Boolean))];
  return { known: ids.filter((id) => sourceIds.includes(id)), unknown: ids.filter((id) => !sourceIds.includes(id)) };
}

// ---- name filter -------------------------------------------------------------------------------------

const REGEX_LITERAL = /^\/(.*)\/([imsu]*)$/s;

/** Why `filter` cannot be used, or undefined when it can. */
export function filterProblem(filter: string): string | undefined {
  const text = filter.trim();
  if (text.length > LIMITS.filterLength) return `at most ${LIMITS.filterLength} characters`;
  const literal = REGEX_LITERAL.exec(text);
  if (!literal) return undefined;
  try {
    new RegExp(literal[1], literal[2]);
    return undefined;
  } catch (error) {
    return `not a valid regular expression (${(error as Error).message})`;
  }
}

/**
 * A predicate for pipeline names. `/re/flags` is a regular expression (unanchored, as grep); anything else is a
 * case-insensitive glob over the whole name (`*` any run, `?` one character), and several globs may be given
 * separated by commas or spaces (`web-* *-api`). Blank matches everything.
 */
export function compileNameFilter(filter: string): (name: string) => boolean {
  const text = filter.trim();
  if (text === "") return () => true;
  const literal = REGEX_LITERAL.exec(text);
  if (literal) {
    const re = new RegExp(literal[1], literal[2].replace("g", ""));
    return (name) => re.test(name);
  }
  const globs = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((glob) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i"));
  return (name) => globs.some((re) => re.test(name));
}

/** Every tag filter must hold; keys match exactly, values exactly (AWS tags are case-sensitive). */
export function matchesTags(tags: ReadonlyArray<{ key?: string; value?: string }>, filters: readonly TagFilter[]): boolean {
  return filters.every((f) => tags.some((t) => t.key === f.key && (f.value === undefined || t.value === f.value)));
}

/** Night dimming: [from, to) in local hours, wrapping midnight when from > to. */
export function isDimmed(dim: WallOptions["dim"], now: Date): boolean {
  if (!dim) return false;
  const h = now.getHours();
  return dim.from < dim.to ? h >= dim.from && h < dim.to : h >= dim.from || h < dim.to;
}

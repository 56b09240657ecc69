import { useId, useMemo, useState } from "react";
import { Link } from "react-router";
import { filterProblem, LIMITS, parseWallOptions, wallSearch, WALL_DEFAULTS, type WallOptions } from "../../core/wall/options";
import { wallSourceId } from "../../core/wall/sources";
import { paths } from "../../lib/paths";
import { useConfiguredSources } from "./wall-page";

const field =
  "rounded-md border border-zinc-500 bg-white px-3 py-1.5 text-sm text-zinc-900 dark:border-zinc-500 dark:bg-zinc-900 dark:text-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-700";

/** Builds the kiosk URL for a TV. Everything is checked by the same parser the wall uses. */
export function WallSetupPage() {
  const [filter, setFilter] = useState("");
  const [tags, setTags] = useState("");
  const [hideHealthy, setHideHealthy] = useState(false);
  const [columns, setColumns] = useState("auto");
  const [rotate, setRotate] = useState(String(WALL_DEFAULTS.rotateSeconds));
  const [theme, setTheme] = useState<WallOptions["theme"]>("dark");
  const [refresh, setRefresh] = useState(String(WALL_DEFAULTS.refreshSeconds));
  const [dimFrom, setDimFrom] = useState("");
  const [dimTo, setDimTo] = useState("");
  const configured = useConfiguredSources();
  const sourceIds = useMemo(() => configured.map(wallSourceId), [configured]);
  // Unticked sources, so every source (the default, no parameter) needs no state to start from.
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const id = useId();

  const { search, ignored } = useMemo(() => {
    const params = new URLSearchParams();
    if (filter.trim()) params.set("filter", filter.trim());
    for (const t of tags.split(/[\n,]+/).map((s) => s.trim()).filter(Boolean)) params.append("tag", t);
    if (hideHealthy) params.set("hideHealthy", "1");
    params.set("columns", columns);
    params.set("rotate", rotate.trim() || "0");
    params.set("theme", theme);
    params.set("refresh", refresh.trim());
    if (dimFrom !== "" || dimTo !== "") params.set("dim", `${dimFrom}-${dimTo}`);
    // All ticked, or none (nothing to show): leave it out, the wall then shows every source.
    const picked = sourceIds.filter((s) => !excluded.has(s));
    if (picked.length > 0 && picked.length < sourceIds.length) params.set("sources", picked.join(","));
    const parsed = parseWallOptions(params, sourceIds);
    return { search: wallSearch(parsed.options), ignored: parsed.ignored };
  }, [filter, tags, hideHealthy, columns, rotate, theme, refresh, dimFrom, dimTo, sourceIds, excluded]);

  const url = `${window.location.origin}${paths.wall.href(search)}`;
  const hours = Array.from({ length: 24 }, (_, h) => String(h));
  const problem = filterProblem(filter);

  return (
    <main className="mx-auto max-w-3xl space-y-6 px-6 py-8">
      <h1 className="text-2xl font-semibold">Set up a wall display</h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        The wall is configured by its URL alone: build it here, then open it once on the TV (for example as the
        browser’s kiosk start page). Nothing on the TV ever needs a click.
      </p>
      <form className="grid gap-4 sm:grid-cols-2" onSubmit={(e) => e.preventDefault()}>
        <label className="grid gap-1 sm:col-span-2">
          <span className="text-sm font-medium">Pipeline names (glob such as <code>web-* *-api</code>, or <code>/regex/i</code>)</span>
          <input className={field} value={filter} onChange={(e) => setFilter(e.target.value)} aria-invalid={!!problem} aria-describedby={`${id}-filter`} />
          <span id={`${id}-filter`} className="text-sm text-red-800 dark:text-red-300">{problem ?? ""}</span>
        </label>
        <label className="grid gap-1 sm:col-span-2">
          <span className="text-sm font-medium">Tags (<code>key=value</code> or <code>key</code>, comma separated; all must match)</span>
          <input className={field} value={tags} onChange={(e) => setTags(e.target.value)} placeholder="team=web, env=prod" />
        </label>
        {configured.length > 1 && (
          <fieldset className="grid gap-1 sm:col-span-2">
            <legend className="text-sm font-medium">Sources (accounts and regions; all when none is ticked)</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-1">
              {configured.map((source) => {
                const sourceId = wallSourceId(source);
                return (
                  <label key={sourceId} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={!excluded.has(sourceId)}
                      onChange={(e) =>
                        setExcluded((prev) => {
                          const next = new Set(prev);
                          if (e.target.checked) next.delete(sourceId);
                          else next.add(sourceId);
                          return next;
                        })
                      }
                    />
                    {source.label} <code className="text-zinc-600 dark:text-zinc-400">{sourceId}</code>
                  </label>
                );
              })}
            </div>
          </fieldset>
        )}
        <label className="flex items-center gap-2 sm:col-span-2">
          <input type="checkbox" checked={hideHealthy} onChange={(e) => setHideHealthy(e.target.checked)} />
          <span className="text-sm font-medium">Hide healthy pipelines (show a calm “all healthy” screen when nothing needs attention)</span>
        </label>
        <label className="grid gap-1">
          <span className="text-sm font-medium">Columns</span>
          <select className={field} value={columns} onChange={(e) => setColumns(e.target.value)}>
            <option value="auto">Automatic</option>
            {Array.from({ length: LIMITS.columns.max }, (_, i) => (
              <option key={i + 1} value={String(i + 1)}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1">
          <span className="text-sm font-medium">Theme</span>
          <select className={field} value={theme} onChange={(e) => setTheme(e.target.value as WallOptions["theme"])}>
            <option value="dark">Dark (best for TVs)</option>
            <option value="light">Light</option>
          </select>
        </label>
        <label className="grid gap-1">
          <span className="text-sm font-medium">Rotate pages every … seconds (0 = no rotation, “+N more”)</span>
          <input className={field} inputMode="numeric" value={rotate} onChange={(e) => setRotate(e.target.value)} />
        </label>
        <label className="grid gap-1">
          <span className="text-sm font-medium">
            Refresh every … seconds ({LIMITS.refreshSeconds.min}–{LIMITS.refreshSeconds.max})
          </span>
          <input className={field} inputMode="numeric" value={refresh} onChange={(e) => setRefresh(e.target.value)} />
        </label>
        <fieldset className="grid gap-1 sm:col-span-2">
          <legend className="text-sm font-medium">Dim at night (local time)</legend>
          <div className="flex items-center gap-2">
            <label className="flex items-center gap-1 text-sm">
              from
              <select className={field} value={dimFrom} onChange={(e) => setDimFrom(e.target.value)}>
                <option value="">never</option>
                {hours.map((h) => (
                  <option key={h}>{h}</option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-1 text-sm">
              to
              <select className={field} value={dimTo} onChange={(e) => setDimTo(e.target.value)}>
                <option value="">never</option>
                {hours.map((h) => (
                  <option key={h}>{h}</option>
                ))}
              </select>
            </label>
          </div>
        </fieldset>
      </form>
      {ignored.length > 0 && (
        <ul className="list-disc pl-6 text-sm text-red-800 dark:text-red-300" aria-label="Problems">
          {ignored.map((line) => (
            <li key={line}>{line} (the wall would use the default)</li>
          ))}
        </ul>
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Kiosk URL</h2>
        <output className="block break-all rounded-md bg-zinc-100 p-3 font-mono text-sm dark:bg-zinc-800" data-testid="wall-url">
          {url}
        </output>
        <div className="flex gap-3">
          <Link className="rounded-md bg-sky-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-900" to={paths.wall.href(search)}>
            Open the wall
          </Link>
          <button
            type="button"
            className="rounded-md border border-zinc-500 px-3 py-1.5 text-sm"
            onClick={() => void navigator.clipboard?.writeText(url)}
          >
            Copy URL
          </button>
        </div>
      </section>
    </main>
  );
}

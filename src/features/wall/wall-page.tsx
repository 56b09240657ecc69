import { useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useSource, useSources } from "../../lib/sources/source-context";
import { Freshness } from "../../components/freshness";
import { HealthIcon } from "../../components/icons";
import { useNow } from "../../components/use-now";
import { burnInOffset, gridFor, pageOf } from "../../core/wall/layout";
import { isDimmed, parseWallOptions, type WallOptions } from "../../core/wall/options";
import { unansweredAfterMs } from "../../core/wall/staleness";
import { splitSourcedKey } from "../../core/sourced-key";
import { selectSources, sourceProblems, wallSourceId } from "../../core/wall/sources";
import { buildTile, compareTiles, isHealthy, tally, type WallTile } from "../../core/wall/tile";
import type { ShownRead } from "../../core/freshness";
import type { Source } from "../../lib/aws/source";
import { useElementSize, useWakeLock } from "./use-kiosk";
import { useWallData } from "./use-wall-data";
import { SourceProblems } from "./wall-source-problems";
import { MoreTile, WallTileView } from "./wall-tile";
import "./wall.css";

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/**
 * How long after the first ListPipelines answer the wall waits for its first full read before it lays out
 * tiles anyway (the ones still unread show "Loading" and move to their place when read).
 */
const FIRST_READ_WAIT_MS = 5_000;

/** Read-only kiosk view of every matching pipeline of the chosen sources; configured by its URL alone (see docs/wall.md). */
export function WallPage() {
  const [params] = useSearchParams();
  const configured = useConfiguredSources();
  const ids = useMemo(() => configured.map(wallSourceId), [configured]);
  const { options, ignored } = useMemo(() => parseWallOptions(params, ids), [params, ids]);
  const sources = useMemo(() => selectSources(configured, options.sources), [configured, options.sources]);
  return <Wall options={options} ignored={ignored} sources={sources} />;
}

/** Every configured source; the current one alone where no list is provided (a page rendered on its own). */
export function useConfiguredSources(): readonly Source[] {
  const all = useSources();
  const current = useSource();
  return useMemo(() => (all.length > 0 ? all : [current]), [all, current]);
}

function Wall({ options, ignored, sources }: { options: WallOptions; ignored: string[]; sources: readonly Source[] }) {
  // Labels only when they tell tiles apart; the footer names a single chosen source.
  const labelled = sources.length > 1;
  const data = useWallData(sources, options, labelled);
  const now = useNow();
  const nowMs = now.getTime();
  const firstRead = useFirstRead(data, nowMs);
  useWakeLock();

  useEffect(() => {
    const previous = document.title;
    document.title = "Wall · CodePipeline Dashboard";
    return () => void (document.title = previous);
  }, []);

  const tiles = useMemo(
    () => data.inputs.map((input) => buildTile(input, nowMs, data.refreshMs)).sort(compareTiles),
    [data.inputs, nowMs, data.refreshMs],
  );
  const shown = useMemo(
    () => (options.hideHealthy ? tiles.filter((t) => !t.loading && !isHealthy(t.health)) : tiles),
    [tiles, options.hideHealthy],
  );

  const gridRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(gridRef);
  const layout = gridFor(shown.length, size.width || 1920, size.height || 1000, options.columns);
  const paged = pageOf(shown, layout.perPage, options.rotateSeconds * 1000, nowMs);
  const hidden = paged.hidden.length > 0 ? tally(paged.hidden) : undefined;

  // Shown pipelines jump their own source's request queue.
  // One string (tile keys, one a line) so the effect re-runs only when the shown set changes.
  const shownKeys = paged.items.map((t) => t.key).join("\n");
  useEffect(() => {
    const byId = new Map(sources.map((s) => [s.id, s]));
    const marks = (shownKeys ? shownKeys.split("\n") : []).flatMap((key) => {
      const shown = splitSourcedKey(key);
      const source = shown && byId.get(shown.sourceId);
      return source && shown.key ? [{ source, name: shown.key }] : [];
    });
    marks.forEach((m) => m.source.setVisible(m.name, true));
    return () => marks.forEach((m) => m.source.setVisible(m.name, false));
  }, [shownKeys, sources]);

  const counts = tally(tiles);
  const reads = useMemo(() => shownReads(tiles, data.feeds), [tiles, data.feeds]);
  const problems = sourceProblems(data.feeds, tiles, nowMs, unansweredAfterMs(data.refreshMs));
  const shift = burnInOffset(nowMs);
  const chromeStyle = { transform: `translate(${shift.x}px, ${shift.y}px)` };

  return (
    <div className="wall" data-theme={options.theme} data-dimmed={isDimmed(options.dim, now)} data-testid="wall">
      <header className="wall-chrome" style={chromeStyle}>
        <h1 style={{ margin: 0, fontSize: "1em" }}>Pipelines</h1>
        <Counts tiles={tiles} />
        <Freshness reads={reads} className="wall-muted" pausedClassName="wall-warning" testId="wall-updated" />
        <time className="wall-clock" dateTime={now.toISOString()} data-testid="wall-clock">
          {clock.format(now)}
        </time>
      </header>
      <div ref={gridRef} style={{ minHeight: 0, display: "grid" }}>
        <Body
          options={options}
          data={data}
          tiles={tiles}
          shown={shown}
          layout={layout}
          paged={paged}
          hidden={hidden}
          now={now}
          firstRead={firstRead}
        />
      </div>
      <footer className="wall-chrome wall-chrome-footer" style={chromeStyle}>
        {/* Steady small print first, notes that come and go last, so a note appearing moves nothing. */}
        <span className="wall-footer-text" data-testid="wall-summary">
          {shown.length} of {counts.total} pipelines{options.hideHealthy ? " (healthy hidden)" : ""}
          {options.sources.length > 0 ? ` · ${sources.map((s) => s.label).join(", ")}` : ""}
          {options.filter ? ` · ${options.filter}` : ""}
          {options.tags.length > 0 ? ` · ${options.tags.map((t) => (t.value === undefined ? t.key : `${t.key}=${t.value}`)).join(", ")}` : ""}
        </span>
        {paged.pages > 1 && (
          <span className="wall-footer-page" data-testid="wall-page">
            Page {paged.page + 1} of {paged.pages}
          </span>
        )}
        {ignored.length > 0 && (
          <span className="wall-footer-text" data-testid="wall-ignored" title={ignored.join("\n")}>
            Ignored: {ignored.join("; ")}
          </span>
        )}
        <SourceProblems problems={problems} named={labelled || options.sources.length > 0} total={sources.length} />
      </footer>
    </div>
  );
}

/**
 * What the header's freshness describes (core/freshness.ts): every tile, stale by the wall's own rule (they all
 * poll at the refresh, on this page of the rotation or not); before any tile was read, the pipeline lists. A
 * source with no tiles whose list fails is the footer's to name.
 */
function shownReads(tiles: readonly WallTile[], feeds: ReturnType<typeof useWallData>["feeds"]): ShownRead[] {
  const read = tiles.filter((t) => t.updatedAt > 0).map((t) => ({ updatedAt: t.updatedAt, stale: t.stale, sourceId: t.sourceId ?? "" }));
  return read.length > 0 ? read : feeds.map((f) => ({ updatedAt: f.listUpdatedAt, stale: f.listFailing, sourceId: f.id }));
}

/**
 * Header counters. Each keeps room for as many digits as the total has (two at least), so a count growing from
 * 9 to 10 does not push "Updated N ago" along.
 */
function Counts({ tiles }: { tiles: WallTile[] }) {
  const c = tally(tiles).byHealth;
  const digits = Math.max(2, String(tiles.length).length);
  const items: [keyof typeof c, string][] = [
    ["failed", "failed"],
    ["waiting-for-approval", "waiting for approval"],
    ["in-progress", "in progress"],
  ];
  return (
    <span style={{ display: "inline-flex", gap: "1.2em" }}>
      {items.map(([health, label]) => {
        const n = c[health] ?? 0;
        return (
          <span key={health} className="wall-count" data-testid={`wall-count-${health}`}>
            <HealthIcon health={health} />
            {n} {label}
            <span className="wall-count-room" style={{ width: `${Math.max(0, digits - String(n).length)}ch` }} />
          </span>
        );
      })}
    </span>
  );
}

/**
 * Whether the first full read is in (`settled`), or the wait for it is over: FIRST_READ_WAIT_MS after the first
 * ListPipelines answer. Latched: a pipeline added later, or a source failing later, never brings the wait back.
 * Until then the wall says "Loading pipelines…" rather than laying out tiles that would swap places, change
 * colour and grow lines as each answer arrives.
 */
function useFirstRead(data: ReturnType<typeof useWallData>, nowMs: number): boolean {
  const [done, setDone] = useState(false);
  const listedAt = Math.min(...data.feeds.filter((f) => f.listed).map((f) => f.listUpdatedAt));
  const due = data.settled || nowMs - listedAt >= FIRST_READ_WAIT_MS;
  if (due && !done) setDone(true);
  return done || due;
}

interface BodyProps {
  options: WallOptions;
  data: ReturnType<typeof useWallData>;
  tiles: WallTile[];
  shown: WallTile[];
  layout: ReturnType<typeof gridFor>;
  paged: ReturnType<typeof pageOf<WallTile>>;
  hidden: ReturnType<typeof tally> | undefined;
  now: Date;
  firstRead: boolean;
}

function Body({ options, data, tiles, shown, layout, paged, hidden, now, firstRead }: BodyProps) {
  if (!data.feeds.some((f) => f.listed)) {
    return (
      <main className="wall-center" data-testid="wall-message">
        {data.feeds.every((f) => f.listFailing) ? (
          <span className="wall-banner">Can’t reach CodePipeline yet — retrying</span>
        ) : (
          <span className="wall-muted">Loading pipelines…</span>
        )}
      </main>
    );
  }
  // The same element as above, so the message stays put while the first read completes.
  if (!firstRead) {
    return (
      <main className="wall-center" data-testid="wall-message">
        <span className="wall-muted">Loading pipelines…</span>
      </main>
    );
  }
  if (data.named.length === 0 || (!data.filtering && tiles.length === 0)) {
    return (
      <main className="wall-center" data-testid="wall-message">
        <span className="wall-muted">No pipelines match this wall’s filter</span>
      </main>
    );
  }
  if (data.filtering || (options.hideHealthy && shown.length === 0 && tiles.some((t) => t.loading))) {
    return (
      <main className="wall-center" data-testid="wall-message">
        <span className="wall-muted">Loading pipelines…</span>
      </main>
    );
  }
  if (shown.length === 0) {
    return (
      <main className="wall-center" data-testid="wall-all-healthy" style={{ color: "var(--ok-border)" }}>
        <HealthIcon health="succeeded" />
        <span style={{ color: "var(--wall-fg)", fontWeight: 700 }}>All {tiles.length} pipelines healthy</span>
      </main>
    );
  }
  return (
    <main style={{ minHeight: 0, display: "grid" }}>
      <ul
        className="wall-grid"
        aria-label="Pipelines"
        data-columns={layout.columns}
        data-rows={layout.rows}
        style={{
          gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
        }}
      >
        {paged.items.map((tile) => (
          <WallTileView key={tile.key} tile={tile} now={now} />
        ))}
        {hidden && <MoreTile hidden={hidden} />}
      </ul>
    </main>
  );
}

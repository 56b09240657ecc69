import { useEffect, useMemo, useRef } from "react";
import { useSearchParams } from "react-router";
import { useSource } from "../../app/source-context";
import { HealthIcon } from "../../components/icons";
import { useNow } from "../../components/use-now";
import { formatDuration } from "../../core/format";
import { burnInOffset, gridFor, pageOf } from "../../core/wall/layout";
import { isDimmed, parseWallOptions, type WallOptions } from "../../core/wall/options";
import { staleAfterMs } from "../../core/wall/polling";
import { buildTile, compareTiles, isHealthy, tally, type WallTile } from "../../core/wall/tile";
import { useElementSize, useWakeLock } from "./use-kiosk";
import { useWallData } from "./use-wall-data";
import { MoreTile, WallTileView } from "./wall-tile";
import "./wall.css";

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/** Read-only kiosk view of every matching pipeline; configured by its URL alone (see docs/wall.md). */
export function WallPage() {
  const [params] = useSearchParams();
  const { options, ignored } = useMemo(() => parseWallOptions(params), [params]);
  return <Wall options={options} ignored={ignored} />;
}

function Wall({ options, ignored }: { options: WallOptions; ignored: string[] }) {
  const source = useSource();
  const data = useWallData(source, options);
  const now = useNow();
  const nowMs = now.getTime();
  const staleMs = staleAfterMs(data.refreshMs);
  useWakeLock();

  useEffect(() => {
    const previous = document.title;
    document.title = "Wall · CodePipeline Dashboard";
    return () => void (document.title = previous);
  }, []);

  const tiles = useMemo(
    () => data.inputs.map((input) => buildTile(input, nowMs, staleMs)).sort(compareTiles),
    [data.inputs, nowMs, staleMs],
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

  // Shown pipelines jump the request queue.
  const shownNames = paged.items.map((t) => t.name).join("\n");
  useEffect(() => {
    const names = shownNames ? shownNames.split("\n") : [];
    names.forEach((n) => source.setVisible(n, true));
    return () => names.forEach((n) => source.setVisible(n, false));
  }, [shownNames, source]);

  const counts = tally(tiles);
  const loaded = tiles.filter((t) => t.updatedAt > 0);
  const oldest = loaded.length > 0 ? Math.min(...loaded.map((t) => t.updatedAt)) : data.list.dataUpdatedAt;
  const anyStale = data.list.data !== undefined && (tiles.some((t) => t.stale) || (data.list.isError && nowMs - data.list.dataUpdatedAt > staleMs));
  const shift = burnInOffset(nowMs);
  const chromeStyle = { transform: `translate(${shift.x}px, ${shift.y}px)` };

  return (
    <div className="wall" data-theme={options.theme} data-dimmed={isDimmed(options.dim, now)} data-testid="wall">
      <header className="wall-chrome" style={chromeStyle}>
        <h1 style={{ margin: 0, fontSize: "1em" }}>Pipelines</h1>
        <Counts tiles={tiles} />
        <span className="wall-muted" data-testid="wall-updated">
          {oldest > 0 ? `Updated ${formatDuration(Math.max(0, nowMs - oldest))} ago` : "Connecting…"}
        </span>
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
        />
      </div>
      <footer className="wall-chrome wall-chrome-footer" style={chromeStyle}>
        {anyStale && (
          <span className="wall-banner" role="status" data-testid="wall-stale-banner">
            Can’t reach CodePipeline — showing data from {oldest > 0 ? clock.format(oldest) : "earlier"}; retrying
          </span>
        )}
        {paged.pages > 1 && (
          <span data-testid="wall-page">
            Page {paged.page + 1} of {paged.pages}
          </span>
        )}
        <span>
          {shown.length} of {counts.total} pipelines{options.hideHealthy ? " (healthy hidden)" : ""}
          {options.filter ? ` · ${options.filter}` : ""}
          {options.tags.length > 0 ? ` · ${options.tags.map((t) => (t.value === undefined ? t.key : `${t.key}=${t.value}`)).join(", ")}` : ""}
        </span>
        {ignored.length > 0 && (
          <span data-testid="wall-ignored" title={ignored.join("\n")}>
            Ignored: {ignored.join("; ")}
          </span>
        )}
      </footer>
    </div>
  );
}

function Counts({ tiles }: { tiles: WallTile[] }) {
  const c = tally(tiles).byHealth;
  const items: [keyof typeof c, string][] = [
    ["failed", "failed"],
    ["waiting-for-approval", "waiting for approval"],
    ["in-progress", "in progress"],
  ];
  return (
    <span style={{ display: "inline-flex", gap: "1.2em" }}>
      {items.map(([health, label]) => (
        <span key={health} className="wall-count" data-testid={`wall-count-${health}`}>
          <HealthIcon health={health} />
          {c[health] ?? 0} {label}
        </span>
      ))}
    </span>
  );
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
}

function Body({ options, data, tiles, shown, layout, paged, hidden, now }: BodyProps) {
  const { list } = data;
  if (!list.data) {
    return (
      <main className="wall-center" data-testid="wall-message">
        {list.isError ? (
          <span className="wall-banner">Can’t reach CodePipeline yet — retrying</span>
        ) : (
          <span className="wall-muted">Loading pipelines…</span>
        )}
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
          <WallTileView key={tile.name} tile={tile} now={now} />
        ))}
        {hidden && <MoreTile hidden={hidden} />}
      </ul>
    </main>
  );
}

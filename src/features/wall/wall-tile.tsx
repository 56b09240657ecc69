import { HealthIcon } from "../../components/icons";
import { elapsedMs, formatDuration, formatExactTime, formatRelativeTime } from "../../core/format";
import { HEALTH_LABELS, type PipelineHealth } from "../../core/status";
import type { HealthTally, WallTile } from "../../core/wall/tile";
import { failingFor, shortExecutionId, WALL_RUNS } from "../../core/recent-runs";
import { RecentRuns } from "../../components/recent-runs";

const clockTime = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/** Minutes once past a minute: read from across a room, "26 min" beats "26 min 33 s". */
function coarse(ms: number): string {
  return ms >= 60 * 60_000 || ms < 60_000 ? formatDuration(ms) : `${Math.round(ms / 60_000)} min`;
}

function statusLabel(tile: WallTile): string {
  if (tile.loading) return "Loading";
  if (tile.stopping) return "Stopping";
  if (tile.health === "in-progress" && tile.progress?.overdue) return "In progress · overdue";
  return HEALTH_LABELS[tile.health];
}

function stageLine(tile: WallTile): string | undefined {
  if (!tile.stageName) return undefined;
  switch (tile.health) {
    case "failed":
      return `Failed in ${tile.stageName}${tile.failedActionName ? ` · ${tile.failedActionName}` : ""}`;
    case "waiting-for-approval":
      return `Approval in ${tile.stageName}${tile.approval ? ` · ${tile.approval.actionName}` : ""}`;
    case "in-progress":
      return tile.heldBeforeStage ? `Waiting to enter ${tile.stageName}` : `In ${tile.stageName}`;
    case "stopped":
    case "cancelled":
      return `${HEALTH_LABELS[tile.health]} in ${tile.stageName}`;
    default:
      return undefined;
  }
}

export function WallTileView({ tile, now }: { tile: WallTile; now: Date }) {
  const stage = stageLine(tile);
  const label = statusLabel(tile);
  const revision = tile.revision;
  // The strip takes the foot's free left side where the foot says nothing else there (settled and failing tiles),
  // so it costs those tiles no line: a failing tile has none to spare (e2e/wall-fit.spec.ts).
  const footNote = tile.stale ? (
    <span data-testid="wall-tile-stale">
      No data since <time dateTime={new Date(tile.updatedAt).toISOString()}>{clockTime.format(tile.updatedAt)}</time> (
      {formatDuration(elapsedMs(tile.updatedAt, now))} ago)
    </span>
  ) : tile.approval ? (
    <span data-testid="wall-tile-approval">
      {tile.approval.leftMs > 0 ? `Expires in ${formatDuration(tile.approval.leftMs)}` : "Approval timed out"}
    </span>
  ) : tile.progress ? (
    <span data-testid="wall-tile-elapsed">
      {coarse(tile.progress.elapsedMs)}
      {tile.progress.expectedMs !== undefined
        ? tile.progress.overdue
          ? ` · usually ${coarse(tile.progress.expectedMs)}`
          : ` of ~${coarse(tile.progress.expectedMs)}`
        : ""}
    </span>
  ) : undefined;
  const strip = (className: string) => <RecentRuns runs={tile.runs} limit={WALL_RUNS} now={now} className={className} />;
  return (
    <li
      className="wall-tile"
      data-health={tile.health}
      data-stale={tile.stale}
      data-overdue={tile.progress?.overdue ?? false}
      data-testid="wall-tile"
      aria-label={`${tile.name}${tile.sourceLabel ? ` (${tile.sourceLabel})` : ""}: ${tile.stale ? `stale, last known ${label}` : label}`}
    >
      <div className="wall-tile-body">
        <div className="wall-tile-status" data-testid="wall-tile-status">
          <HealthIcon health={tile.health} />
          <span>{tile.stale ? `Stale · was ${label}` : label}</span>
        </div>
        <h2 className="wall-tile-name" title={tile.name}>
          {tile.name}
        </h2>
        {tile.sourceLabel && (
          <div className="wall-tile-source" data-testid="wall-tile-source">
            {tile.sourceLabel}
          </div>
        )}
        {stage && <div className="wall-tile-line wall-tile-stage">{stage}</div>}
        {tile.errorSummary && (tile.health === "failed" || tile.health === "stopped" || tile.health === "cancelled") && (
          <div className="wall-tile-error" data-testid="wall-tile-error">
            {tile.errorSummary}
          </div>
        )}
        {tile.failing && !tile.stale && (
          <div className="wall-tile-line" data-testid="wall-tile-failing">
            {failingFor(tile.failing, now)}, since {shortExecutionId(tile.failing.executionId)}
          </div>
        )}
        {revision?.message && (
          <div className="wall-tile-line wall-tile-commit" data-testid="wall-tile-commit">
            {revision.author ? <strong>{revision.author}: </strong> : null}“<bdi>{revision.message}</bdi>”
          </div>
        )}
        {tile.progress && !tile.stale && <Progress tile={tile} />}
        {footNote !== undefined && strip("wall-tile-runs")}
        <div className="wall-tile-foot">
          {footNote ?? (tile.runs.length > 0 ? strip("wall-tile-foot-runs") : <span />)}
          {tile.lastChangedAt && (
            <time dateTime={tile.lastChangedAt.toISOString()} title={formatExactTime(tile.lastChangedAt)}>
              {formatRelativeTime(tile.lastChangedAt, now)}
            </time>
          )}
        </div>
      </div>
    </li>
  );
}

function Progress({ tile }: { tile: WallTile }) {
  const p = tile.progress!;
  if (p.ratio === undefined) return null;
  const percent = Math.round(Math.min(1, p.ratio) * 100);
  return (
    <div
      className="wall-progress"
      data-overdue={p.overdue}
      role="progressbar"
      aria-label={`${tile.name} progress against the usual duration`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div style={{ width: `${percent}%` }} />
    </div>
  );
}

const ORDER: PipelineHealth[] = ["failed", "waiting-for-approval", "in-progress", "stopped", "cancelled", "superseded", "succeeded", "unknown"];

export function MoreTile({ hidden }: { hidden: HealthTally }) {
  const parts = ORDER.filter((h) => hidden.byHealth[h]).map((h) => `${hidden.byHealth[h]} ${HEALTH_LABELS[h].toLowerCase()}`);
  return (
    <li className="wall-tile" data-health="more" data-testid="wall-more" aria-label={`${hidden.total} more pipelines not shown`}>
      <div className="wall-tile-body">
        <h2 className="wall-tile-name">+{hidden.total} more</h2>
        <div className="wall-tile-line">{parts.join(", ")}</div>
      </div>
    </li>
  );
}

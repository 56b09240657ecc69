import type {
  GetPipelineStateOutput,
  PipelineDeclaration,
  PipelineExecutionSummary,
} from "@aws-sdk/client-codepipeline";
import { ATTENTION_RANK } from "../attention";
import { elapsedStatus, expectedPipelineDuration, type ElapsedStatus } from "../durations";
import { rollUpStatus, type PipelineHealth } from "../status";
import type { RevisionInfo } from "../revision";
import { sourcedKey } from "../sourced-key";
import { isStale } from "./staleness";
import { failingSince, type FailingSince } from "../recent-runs";

/** CodePipeline's default approval timeout: 7 days. */
export const DEFAULT_APPROVAL_TIMEOUT_MINUTES = 7 * 24 * 60;

/** Healthy pipelines are the ones "hide healthy" hides: nothing for a person to look at. */
const HEALTHY = new Set<PipelineHealth>(["succeeded", "superseded", "cancelled", "unknown"]);
export const isHealthy = (health: PipelineHealth) => HEALTHY.has(health);

export interface ApprovalCountdown {
  stageName: string;
  actionName: string;
  /** When the approval lapses and the pipeline fails. */
  expiresAt: Date;
  /** Negative once lapsed (the next refresh will show the failure). */
  leftMs: number;
}

export interface WallTile {
  /** Unique on the wall: `sourcedKey(sourceId, name)`, as the same pipeline name in two accounts is two tiles. */
  key: string;
  name: string;
  sourceId?: string;
  /** Shown under the name only when the wall spans more than one source. */
  sourceLabel?: string;
  /** Nothing arrived yet for this pipeline. */
  loading: boolean;
  health: PipelineHealth;
  stopping: boolean;
  /** Two refreshes in a row failed (or nothing answered for long: `isStale`): shown grey, with `updatedAt`. Never red. */
  stale: boolean;
  /** Time of the last good data (0 = none yet). */
  updatedAt: number;
  stageName?: string;
  heldBeforeStage: boolean;
  failedActionName?: string;
  errorSummary?: string;
  revision?: RevisionInfo;
  lastChangedAt?: Date;
  /** Running work against its expected duration (median of recent successful runs). */
  progress?: ElapsedStatus;
  approval?: ApprovalCountdown;
  /** Newest first, as read: the tile's recent-runs strip shows the first WALL_RUNS. */
  runs: readonly PipelineExecutionSummary[];
  /** Red since when, while failing. */
  failing?: FailingSince;
}

export interface TileInput {
  name: string;
  sourceId?: string;
  sourceLabel?: string;
  state?: GetPipelineStateOutput;
  stateUpdatedAt: number;
  /** State reads in a row that failed (0 after a success). */
  stateFailures?: number;
  /** Newest first, as ListPipelineExecutions answers. */
  executions?: readonly PipelineExecutionSummary[];
  executionsUpdatedAt?: number;
  declaration?: PipelineDeclaration;
}

/** `refreshMs`: the wall's refresh, which staleness is judged by (`isStale`). */
export function buildTile(input: TileInput, now: number, refreshMs: number): WallTile {
  const { name, state, executions } = input;
  // Just after a stage moved, the state can be ahead of the execution list: trust the state alone until both agree.
  const newest = executions?.[0];
  const latest = newest && (!state || mentions(state, newest.pipelineExecutionId)) ? newest : undefined;
  const status = rollUpStatus(state, latest);
  const updatedAt = input.stateUpdatedAt;
  const tile: WallTile = {
    key: input.sourceId === undefined ? name : sourcedKey(input.sourceId, name),
    name,
    sourceId: input.sourceId,
    sourceLabel: input.sourceLabel,
    loading: !state,
    health: status.health,
    stopping: status.stopping,
    stale: isStale({ updatedAt, failures: input.stateFailures ?? 0 }, now, refreshMs),
    updatedAt,
    stageName: status.stageName,
    heldBeforeStage: status.heldBeforeStage,
    failedActionName: status.failedActionName,
    errorSummary: status.errorSummary,
    revision: status.revision,
    // Without the execution, rollUpStatus falls back to the declaration's update time: not a change worth showing.
    lastChangedAt: latest ? status.lastChangedAt : undefined,
    runs: executions ?? [],
    failing: status.health === "failed" ? failingSince(executions) : undefined,
  };
  if (status.health === "in-progress" && status.startedAt) {
    tile.progress = elapsedStatus(status.startedAt, now, executions ? expectedPipelineDuration(executions) : undefined);
  }
  if (status.health === "waiting-for-approval") {
    tile.approval = approvalCountdown(state, input.declaration, status.approvals[0], now);
  }
  return tile;
}

/** Time left on a pending approval: its `timeoutInMinutes` (default 7 days) after it started waiting. */
export function approvalCountdown(
  state: GetPipelineStateOutput | undefined,
  declaration: PipelineDeclaration | undefined,
  marker: { stageName: string; actionName: string } | undefined,
  now: number,
): ApprovalCountdown | undefined {
  if (!marker) return undefined;
  const action = state?.stageStates
    ?.find((s) => s.stageName === marker.stageName)
    ?.actionStates?.find((a) => a.actionName === marker.actionName);
  const since = action?.latestExecution?.lastStatusChange;
  if (!since) return undefined;
  const declared = declaration?.stages
    ?.find((s) => s.name === marker.stageName)
    ?.actions?.find((a) => a.name === marker.actionName)?.timeoutInMinutes;
  const minutes = declared && declared > 0 ? declared : DEFAULT_APPROVAL_TIMEOUT_MINUTES;
  const expiresAt = new Date(since.getTime() + minutes * 60_000);
  return { ...marker, expiresAt, leftMs: expiresAt.getTime() - now };
}

/**
 * The overview's attention order (failures, approvals, running work, the rest); newest change first within a group. Sources
 * are mixed: what needs a person comes first whichever account it is in; the source only breaks ties.
 */
export function compareTiles(a: WallTile, b: WallTile): number {
  return (
    ATTENTION_RANK[a.health] - ATTENTION_RANK[b.health] ||
    (b.lastChangedAt?.getTime() ?? 0) - (a.lastChangedAt?.getTime() ?? 0) ||
    a.name.localeCompare(b.name, "en", { numeric: true }) ||
    (a.sourceLabel ?? "").localeCompare(b.sourceLabel ?? "", "en") ||
    a.key.localeCompare(b.key, "en")
  );
}

export interface HealthTally {
  total: number;
  byHealth: Partial<Record<PipelineHealth, number>>;
}

export function tally(tiles: readonly { health: PipelineHealth }[]): HealthTally {
  const byHealth: Partial<Record<PipelineHealth, number>> = {};
  for (const t of tiles) byHealth[t.health] = (byHealth[t.health] ?? 0) + 1;
  return { total: tiles.length, byHealth };
}

function mentions(state: GetPipelineStateOutput, executionId: string | undefined): boolean {
  if (!executionId) return false;
  return (state.stageStates ?? []).some(
    (s) =>
      s.latestExecution?.pipelineExecutionId === executionId ||
      s.inboundExecution?.pipelineExecutionId === executionId ||
      (s.inboundExecutions ?? []).some((i) => i.pipelineExecutionId === executionId),
  );
}

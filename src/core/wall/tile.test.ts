import { describe, expect, it } from "vitest";
import { action, execution, EXEC_NEW, EXEC_OLD, stage, state } from "../../testing/pipeline-fixtures";
import { approvalCountdown, buildTile, compareTiles, DEFAULT_APPROVAL_TIMEOUT_MINUTES, type WallTile } from "./tile";

const NOW = new Date("2025-01-10T12:00:00Z").getTime();
/** The wall's refresh in these tests: 30 s. */
const REFRESH = 30_000;
const MIN = 60_000;

/** Five successful 10-minute runs: expected duration 10 min. */
const history = Array.from({ length: 5 }, (_, i) =>
  execution("Succeeded", {
    pipelineExecutionId: `old-${i}`,
    startTime: new Date(NOW - (i + 2) * 3_600_000),
    lastUpdateTime: new Date(NOW - (i + 2) * 3_600_000 + 10 * MIN),
  }),
);

describe("buildTile", () => {
  it("shows a failure with its stage, action and error, and the commit", () => {
    const s = state(
      stage("Source", "Succeeded"),
      stage("Build", "Failed", [action("Compile", { status: "Failed", errorDetails: { code: "JobFailed", message: "tsc: 3 errors" } })]),
    );
    const tile = buildTile({ name: "web", state: s, stateUpdatedAt: NOW - 1000, executions: [execution("Failed")] }, NOW, REFRESH);
    expect(tile).toMatchObject({
      health: "failed",
      stale: false,
      stageName: "Build",
      failedActionName: "Compile",
      errorSummary: "tsc: 3 errors",
      revision: { message: "Add checkout page" },
    });
  });

  it("says since which execution a failing pipeline is red, and keeps its runs for the strip", () => {
    const s = state(stage("Build", "Failed", [action("Compile", { status: "Failed" })]));
    const runs = [
      execution("Failed", { pipelineExecutionId: EXEC_NEW, lastUpdateTime: new Date(NOW - 10 * MIN) }),
      execution("Failed", { pipelineExecutionId: "first-red", lastUpdateTime: new Date(NOW - 192 * MIN) }),
      ...history,
    ];
    const tile = buildTile({ name: "web", state: s, stateUpdatedAt: NOW, executions: runs }, NOW, REFRESH);
    expect(tile.failing).toEqual({ executionId: "first-red", since: new Date(NOW - 192 * MIN), atLeast: false });
    expect(tile.runs).toHaveLength(7);
    expect(buildTile({ name: "web", state: s, stateUpdatedAt: NOW, executions: history }, NOW, REFRESH).failing).toBeUndefined();
  });

  it("turns stale (not red) once two refreshes in a row failed, keeping what it knew", () => {
    const s = state(stage("Build", "Failed", [action("Compile", { status: "Failed" })]));
    const tile = (failures: number, ageMs: number) =>
      buildTile({ name: "web", state: s, stateUpdatedAt: NOW - ageMs, stateFailures: failures, executions: [execution("Failed")] }, NOW, REFRESH);
    expect(tile(1, REFRESH + 2_000).stale).toBe(false);
    expect(tile(2, 2 * REFRESH + 2_000)).toMatchObject({ stale: true, health: "failed", updatedAt: NOW - 2 * REFRESH - 2_000 });
    // A read that never answers fails nothing: three refreshes without an answer make it stale all the same.
    expect(tile(0, 3 * REFRESH + 1).stale).toBe(true);
  });

  it("measures running work against the median of recent successful runs, and flags overdue", () => {
    const s = state(stage("Source", "Succeeded"), stage("Build", "InProgress", [action("Compile", { status: "InProgress" })]));
    const running = (minutes: number) =>
      buildTile(
        {
          name: "web",
          state: s,
          stateUpdatedAt: NOW,
          executions: [execution("InProgress", { startTime: new Date(NOW - minutes * MIN) }), ...history],
        },
        NOW,
        REFRESH,
      );
    expect(running(5).progress).toMatchObject({ expectedMs: 10 * MIN, ratio: 0.5, overdue: false });
    expect(running(5).stageName).toBe("Build");
    expect(running(16).progress?.overdue).toBe(true);
  });

  it("counts down a pending approval from its declared timeout, default 7 days", () => {
    const since = new Date(NOW - 60 * MIN);
    const s = state(
      stage("Approve", "InProgress", [action("Manual", { status: "InProgress", token: "t", lastStatusChange: since })]),
    );
    const declaration = {
      name: "web",
      roleArn: "arn:aws:iam::1:role/r",
      stages: [{ name: "Approve", actions: [{ name: "Manual", timeoutInMinutes: 120, actionTypeId: undefined! }] }],
    };
    const marker = { stageName: "Approve", actionName: "Manual" };
    expect(approvalCountdown(s, declaration, marker, NOW)?.leftMs).toBe(60 * MIN);
    expect(approvalCountdown(s, undefined, marker, NOW)?.leftMs).toBe(DEFAULT_APPROVAL_TIMEOUT_MINUTES * MIN - 60 * MIN);
    const tile = buildTile({ name: "web", state: s, stateUpdatedAt: NOW, executions: [execution("InProgress")], declaration }, NOW, REFRESH);
    expect(tile.health).toBe("waiting-for-approval");
    expect(tile.approval?.leftMs).toBe(60 * MIN);
  });

  it("trusts the state alone while the execution list lags behind it", () => {
    const s = state(stage("Source", "InProgress"));
    const stale = execution("Succeeded", { pipelineExecutionId: EXEC_OLD });
    expect(buildTile({ name: "web", state: s, stateUpdatedAt: NOW, executions: [stale] }, NOW, REFRESH).health).toBe("in-progress");
  });

  it("is loading before any state arrived, never stale", () => {
    expect(buildTile({ name: "web", stateUpdatedAt: 0 }, NOW, REFRESH)).toMatchObject({ loading: true, stale: false });
  });
});

describe("compareTiles", () => {
  const t = (name: string, health: WallTile["health"], changed = 0, sourceLabel?: string): WallTile =>
    ({ key: `${sourceLabel ?? ""}/${name}`, name, sourceLabel, health, lastChangedAt: new Date(changed), heldBeforeStage: false, stopping: false, stale: false, updatedAt: 1, loading: false }) as WallTile;
  it("puts failures, then approvals, then running work first", () => {
    const order = [t("a", "succeeded"), t("b", "in-progress"), t("c", "failed"), t("d", "waiting-for-approval"), t("e", "stopped")]
      .sort(compareTiles)
      .map((x) => x.health);
    expect(order).toEqual(["failed", "waiting-for-approval", "in-progress", "stopped", "succeeded"]);
  });
  it("ranks as the overview does: a pipeline that never ran after the succeeded ones", () => {
    const order = [t("never", "unknown"), t("ok", "succeeded"), t("old", "cancelled")].sort(compareTiles).map((x) => x.health);
    expect(order).toEqual(["cancelled", "succeeded", "unknown"]);
  });
  it("puts the newest change first within a group", () => {
    expect([t("a", "failed", 1), t("b", "failed", 2)].sort(compareTiles).map((x) => x.name)).toEqual(["b", "a"]);
  });
  it("mixes sources in one attention order, the source only breaking ties", () => {
    const order = [t("web", "succeeded", 5, "Dev"), t("web", "failed", 1, "Prod"), t("api", "failed", 1, "Dev"), t("web", "failed", 1, "Dev")]
      .sort(compareTiles)
      .map((x) => `${x.health} ${x.name} ${x.sourceLabel}`);
    expect(order).toEqual(["failed api Dev", "failed web Dev", "failed web Prod", "succeeded web Dev"]);
  });
});

describe("buildTile across sources", () => {
  it("keys the tile by source and name, so same-named pipelines in two accounts stay apart", () => {
    const dev = buildTile({ name: "web", sourceId: "dev", sourceLabel: "Dev · us-east-1", stateUpdatedAt: 0 }, NOW, REFRESH);
    const prod = buildTile({ name: "web", sourceId: "prod", sourceLabel: "Prod · us-east-1", stateUpdatedAt: 0 }, NOW, REFRESH);
    expect(dev.key).not.toBe(prod.key);
    expect(prod).toMatchObject({ name: "web", sourceId: "prod", sourceLabel: "Prod · us-east-1" });
    expect(buildTile({ name: "web", stateUpdatedAt: 0 }, NOW, REFRESH)).toMatchObject({ key: "web", sourceLabel: undefined });
  });
});

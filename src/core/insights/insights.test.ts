import type { ActionExecutionDetail, PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { failingActions, flakyActions, waitingTime } from "./actions";
import { DORA_BANDS, rate } from "./bands";
import { estimateCost } from "./cost";
import { toCsv } from "./csv";
import { defaultProductionStage, deploymentsPerDay, doraFigures } from "./dora";
import { actionFigures, executionFigures, stageFigures } from "./figures";
import { stageOrder } from "./history";
import { change } from "./stats";
import { previousWindow, windowEnding, type Window } from "./window";

// Hand-made histories: minutes after T0, so every answer below can be worked out on paper.
const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MIN);
const ALL: Window = { from: T0, to: T0 + 30 * 24 * 60 * MIN };

type Category = "Source" | "Build" | "Deploy" | "Test" | "Approval";
function run(
  execution: string,
  stage: string,
  action: string,
  from: number,
  to: number,
  status: ActionExecutionDetail["status"] = "Succeeded",
  more: { category?: Category; owner?: "AWS" | "Custom"; error?: string; version?: number; commitAt?: number } = {},
): ActionExecutionDetail {
  return {
    pipelineExecutionId: execution,
    stageName: stage,
    actionName: action,
    pipelineVersion: more.version ?? 1,
    startTime: at(from),
    lastUpdateTime: at(to),
    status,
    input: { actionTypeId: { category: more.category ?? "Build", owner: more.owner ?? "AWS", provider: "X", version: "1" } },
    output: {
      executionResult: more.error ? { errorDetails: { code: "JobFailed", message: more.error } } : {},
      outputVariables: more.commitAt !== undefined ? { AuthorDate: at(more.commitAt).toISOString() } : undefined,
    },
  };
}

function execution(
  id: string,
  status: PipelineExecutionSummary["status"],
  from: number,
  to: number,
  more: Partial<PipelineExecutionSummary> = {},
): PipelineExecutionSummary {
  return { pipelineExecutionId: id, status, startTime: at(from), lastUpdateTime: at(to), executionType: "STANDARD", ...more };
}

/** Source → Build → Prod, each action 10 minutes; the commit 60 minutes before the execution. */
function standardRuns(id: string, start: number, prod: "Succeeded" | "Failed" = "Succeeded", error?: string): ActionExecutionDetail[] {
  return [
    run(id, "Source", "Checkout", start, start + 10, "Succeeded", { category: "Source", commitAt: start - 60 }),
    run(id, "Build", "Compile", start + 10, start + 20),
    run(id, "Prod", "Deploy", start + 20, start + 30, prod, { category: "Deploy", error }),
  ];
}

/**
 * e1 deploys; e2 fails in Prod; e3 deploys (restoring e2's failure); e4 deploys and is rolled back by r1 (a
 * ROLLBACK execution of Prod to e3), which restores; then a superseded, a cancelled and a stopped run.
 */
const executions = [
  execution("e1", "Succeeded", 0, 30),
  execution("e2", "Failed", 600, 630),
  execution("e3", "Succeeded", 1200, 1230),
  execution("e4", "Succeeded", 1800, 1830),
  execution("r1", "Succeeded", 1940, 1950, { executionType: "ROLLBACK", trigger: { triggerType: "ManualRollback" }, rollbackMetadata: { rollbackTargetPipelineExecutionId: "e3" } }),
  execution("s1", "Superseded", 2000, 2005),
  execution("c1", "Cancelled", 2010, 2012),
  execution("x1", "Stopped", 2020, 2040),
];
const actions = [
  ...standardRuns("e1", 0),
  ...standardRuns("e2", 600, "Failed", "Health check failed"),
  ...standardRuns("e3", 1200),
  ...standardRuns("e4", 1800),
  run("r1", "Prod", "Deploy", 1940, 1950, "Succeeded", { category: "Deploy" }),
  run("s1", "Source", "Checkout", 2000, 2005, "Succeeded", { category: "Source" }),
];

describe("executionFigures", () => {
  it("rates succeeded ÷ finished, leaving cancelled and superseded out, with durations of the succeeded runs", () => {
    // Succeeded: e1, e3, e4 (30 min), r1 (10 min); failed e2; stopped x1; excluded s1, c1.
    expect(executionFigures(executions, ALL)).toEqual({
      runs: 8,
      succeeded: 4,
      failed: 1,
      stopped: 1,
      excluded: 2,
      successRate: 4 / 6,
      medianMs: 30 * MIN,
      p95Ms: 30 * MIN,
    });
  });

  it("counts only executions started in the window, and compares with the window before", () => {
    const w = { from: T0 + 1000 * MIN, to: T0 + 1900 * MIN };
    expect(executionFigures(executions, w).runs).toBe(2);
    expect(executionFigures(executions, previousWindow(w)).runs).toBe(1); // e2 alone in [100, 1000)
    expect(change({ current: 3, previous: 2 })).toBe(0.5);
    expect(change({ current: 3, previous: 0 })).toBeUndefined();
  });
});

describe("stage and action figures", () => {
  it("orders stages from the runs and spans a stage's retries, counting each retry as an action run", () => {
    const retried = [
      run("e9", "Source", "Checkout", 0, 5, "Succeeded", { category: "Source" }),
      run("e9", "Test", "Unit", 10, 20, "Failed", { category: "Test", error: "flaky socket" }),
      run("e9", "Test", "Lint", 10, 12, "Succeeded", { category: "Test" }),
      run("e9", "Test", "Unit", 30, 40, "Succeeded", { category: "Test" }),
    ];
    expect(stageOrder(retried).all).toEqual(["Source", "Test"]);
    const test = stageFigures(retried, ALL, ["Source", "Test"]).find((s) => s.stage === "Test")!;
    expect(test).toMatchObject({ runs: 1, succeeded: 1, failed: 0, medianMs: 30 * MIN });
    const unit = actionFigures(retried, ALL).find((a) => a.action === "Unit")!;
    expect(unit).toMatchObject({ runs: 2, succeeded: 1, failed: 1, successRate: 0.5, medianMs: 10 * MIN });
  });

  it("keeps PARALLEL executions apart even when they overlap in time", () => {
    const overlapping = [run("p1", "Build", "Compile", 0, 50), run("p2", "Build", "Compile", 10, 20)];
    expect(stageFigures(overlapping, ALL)[0]).toMatchObject({ runs: 2, medianMs: 10 * MIN, p95Ms: 50 * MIN });
  });
});

describe("flaky and failing actions", () => {
  const runs = [
    run("a", "Test", "Unit", 0, 5, "Failed", { error: "socket hang up" }),
    run("a", "Test", "Unit", 6, 10, "Succeeded"),
    run("b", "Test", "Unit", 20, 25, "Failed", { error: "socket hang up" }),
    run("b", "Test", "Unit", 26, 30, "Succeeded"),
    run("c", "Test", "Unit", 40, 45, "Succeeded"),
    // Failed in one execution, succeeded in another: not flaky, just failing.
    run("d", "Test", "E2E", 50, 55, "Failed", { error: "timeout" }),
    run("e", "Test", "E2E", 60, 65, "Failed", { error: "assertion" }),
    run("f", "Test", "E2E", 70, 75, "Failed", { error: "timeout" }),
    run("g", "Test", "E2E", 80, 85, "Succeeded"),
  ];
  it("ranks actions that failed and then passed on a retry within one execution", () => {
    expect(flakyActions(runs, ALL)).toEqual([{ stage: "Test", action: "Unit", flakyExecutions: 2, executions: 3, rate: 2 / 3 }]);
  });

  it("ranks the most failing actions with their most frequent errors", () => {
    expect(failingActions(runs, ALL)).toEqual([
      { stage: "Test", action: "E2E", failures: 3, runs: 4, errors: [{ message: "timeout", count: 2 }, { message: "assertion", count: 1 }] },
      { stage: "Test", action: "Unit", failures: 2, runs: 5, errors: [{ message: "socket hang up", count: 2 }] },
    ]);
  });
});

describe("doraFigures", () => {
  const history = { executions, actions };

  it("counts production deployments, lead time, change failures (rollbacks included) and time to restore", () => {
    const dora = doraFigures(history, ALL);
    expect(dora.production).toBe("Prod");
    expect(dora.deployments).toBe(3); // e1, e3, e4; the rollback r1 is not a change
    expect(dora.rollbacks).toBe(1);
    // Each deployment: commit 60 min before start, Prod done 30 min after start.
    expect(dora.leadTime).toMatchObject({ value: 90 * MIN, p95: 90 * MIN, measured: 3, band: "elite" });
    // Reached production: e1, e2, e3, e4; failed: e2 (in Prod), e4 (rolled back).
    expect(dora.changeFailureRate).toMatchObject({ value: 0.5, failed: 2, reached: 4, band: "low" });
    // e2 failed at 630, e3 restored at 1230 (600 min); e4 went out at 1830, r1 restored at 1950 (120 min).
    expect(dora.timeToRestore).toMatchObject({ value: 120 * MIN, p95: 600 * MIN, incidents: 2, unresolved: 0, band: "high" });
    expect(dora.deploymentFrequency.value).toBeCloseTo(3 / 30);
    expect(dora.deploymentFrequency.band).toBe("medium");
  });

  it("moves with the production stage: through Build, e2 deployed and failed after it", () => {
    const dora = doraFigures(history, ALL, "Build");
    expect(dora.deployments).toBe(4);
    expect(dora.changeFailureRate).toMatchObject({ failed: 2, reached: 4 });
  });

  it("from the execution list alone, counts succeeded executions and leaves the rest unknown", () => {
    const dora = doraFigures({ executions }, ALL);
    expect(dora.detailed).toBe(false);
    expect(dora.deployments).toBe(3);
    expect(dora.changeFailureRate.value).toBeUndefined();
    expect(dora.timeToRestore.value).toBeUndefined();
    expect(dora.leadTime.value).toBeUndefined();
  });

  it("keeps a failure that is not restored yet open", () => {
    const dora = doraFigures({ executions: executions.slice(0, 2), actions: actions.filter((a) => ["e1", "e2"].includes(a.pipelineExecutionId!)) }, ALL);
    expect(dora.timeToRestore).toMatchObject({ incidents: 0, unresolved: 1, value: undefined });
  });

  it("takes the last stage of the newest pipeline version as production after a stage was renamed", () => {
    const renamed = [
      run("v1", "Source", "Checkout", 0, 5, "Succeeded", { category: "Source", version: 1 }),
      run("v1", "Deploy", "Ship", 10, 20, "Succeeded", { version: 1 }),
      run("v2", "Source", "Checkout", 100, 105, "Succeeded", { category: "Source", version: 2 }),
      run("v2", "Deploy", "Ship", 110, 120, "Succeeded", { version: 2 }),
      run("v2", "Production", "Ship", 130, 140, "Succeeded", { version: 2 }),
      run("v3", "Source", "Checkout", 200, 205, "Succeeded", { category: "Source", version: 3 }),
      run("v3", "Production", "Ship", 210, 220, "Succeeded", { version: 3 }),
    ];
    expect(defaultProductionStage(renamed)).toBe("Production");
    const renamedExecutions = ["v1", "v2", "v3"].map((id, i) => execution(id, "Succeeded", i * 100, i * 100 + 40));
    // v1 never ran a Production stage: not a deployment to it.
    expect(doraFigures({ executions: renamedExecutions, actions: renamed }, ALL).deployments).toBe(2);
  });

  it("buckets deployments per day for the sparkline", () => {
    const w = { from: T0, to: T0 + 2 * 24 * 60 * MIN };
    expect(deploymentsPerDay(history, w)).toEqual([2, 1]); // e1 (00:30) and e3 (20:30) on day one, e4 (06:30) the next
  });
});

describe("waitingTime", () => {
  it("measures approvals per stage and the wait to enter a stage (QUEUED behind another run, or a disabled transition)", () => {
    const runs = [
      run("q1", "Source", "Checkout", 0, 5, "Succeeded", { category: "Source" }),
      run("q1", "Approve", "Release", 5, 245, "Succeeded", { category: "Approval" }),
      run("q1", "Prod", "Deploy", 305, 315),
      run("q2", "Source", "Checkout", 10, 15, "Succeeded", { category: "Source" }),
      run("q2", "Approve", "Release", 15, 75, "Succeeded", { category: "Approval" }),
      run("q2", "Prod", "Deploy", 315, 325),
    ];
    const prod = waitingTime(runs, ALL).find((s) => s.stage === "Prod")!;
    expect(prod).toMatchObject({ entered: 2, enterTotalMs: (60 + 240) * MIN, approvals: 0 });
    const approve = waitingTime(runs, ALL).find((s) => s.stage === "Approve")!;
    expect(approve).toMatchObject({ approvals: 2, approvalTotalMs: 300 * MIN, approvalMedianMs: 60 * MIN });
  });
});

describe("estimateCost", () => {
  it("V2: billable action minutes rounded up per run, approvals and custom actions free", () => {
    const runs = [
      run("a", "Build", "Compile", 0, 1.5), // 2 min
      run("a", "Build", "Test", 0, 0.2), // 1 min
      run("a", "Approve", "Release", 0, 600, "Succeeded", { category: "Approval" }),
      run("a", "Deploy", "Worker", 0, 30, "Succeeded", { owner: "Custom" }),
    ];
    expect(estimateCost({ pipelineType: "V2" }, { executions: [], actions: runs }, ALL)).toEqual({ pipelineType: "V2", minutes: 3, usd: 0.006, known: true });
    expect(estimateCost({ pipelineType: "V2" }, { executions: [] }, ALL).known).toBe(false);
  });

  it("V1: a month with an execution is an active pipeline-month once the pipeline is over 30 days old", () => {
    const year: Window = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 3, 1) };
    const runs = [Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 20), Date.UTC(2026, 1, 10), Date.UTC(2026, 2, 3)].map((t, i) =>
      execution(`v${i}`, "Succeeded", (t - T0) / MIN, (t - T0) / MIN + 5),
    );
    // Created 20 January: January is within its first 30 days; February (ends 28 Feb, 39 days) and March count.
    expect(estimateCost({ pipelineType: "V1", created: new Date(Date.UTC(2026, 0, 20)) }, { executions: runs }, year)).toEqual({
      pipelineType: "V1",
      activeMonths: 2,
      usd: 2,
      known: true,
    });
  });
});

describe("bands", () => {
  it("rates each key against the published thresholds, at their boundaries", () => {
    expect([1, 1 / 7, 1 / 30, 0.01].map((v) => rate("deploymentFrequency", v))).toEqual(["elite", "high", "medium", "low"]);
    expect([0.05, 0.1, 0.15, 0.16].map((v) => rate("changeFailureRate", v))).toEqual(["elite", "high", "medium", "low"]);
    const HOUR = 3_600_000;
    expect([59 * MIN, 23 * HOUR, 6 * 24 * HOUR, 8 * 24 * HOUR].map((v) => rate("timeToRestore", v))).toEqual(["elite", "high", "medium", "low"]);
    expect(rate("leadTime", undefined)).toBeUndefined();
    expect(DORA_BANDS.leadTime.rules.map((r) => r.label)).toHaveLength(4);
  });
});

describe("toCsv", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(toCsv(["name", "n"], [["a,b", 1], ['say "hi"', undefined], ["=HYPERLINK(1)", 2.5]])).toBe(
      'name,n\r\n"a,b",1\r\n"say ""hi""",\r\n\'=HYPERLINK(1),2.5\r\n',
    );
  });
});

describe("windowEnding", () => {
  it("ends now and reaches back the given days", () => {
    expect(windowEnding(7, T0 + 7 * 24 * 60 * MIN)).toEqual({ from: T0, to: T0 + 7 * 24 * 60 * MIN });
  });
});

describe("formatting", () => {
  it("says frequencies, percentages and trends in words", async () => {
    const { formatFrequency, formatPercent, formatTrend } = await import("./format");
    expect([2.5, 3 / 7, 1 / 30, 0].map(formatFrequency)).toEqual(["2.5 a day", "3 a week", "1 a month", "none"]);
    expect(formatPercent(2 / 3)).toBe("66.7 %");
    expect(formatTrend({ current: 12, previous: 10 }, 30)).toBe("▲ 20 % vs the previous 30 days");
    expect(formatTrend({ current: 5, previous: 10 }, 365)).toBe("▼ 50 % vs the previous 12 months");
    expect(formatTrend({ current: 5, previous: undefined }, 7)).toBe("nothing to compare in the previous 7 days");
    expect(formatTrend({ current: 0.07, previous: 0 }, 30)).toBe("▲ from 0 in the previous 30 days");
  });
});

describe("aggregateDora", () => {
  it("adds deployments and failures across pipelines and takes the median of their medians", async () => {
    const { aggregateDora } = await import("./report");
    const one = doraFigures({ executions, actions }, ALL);
    const executionsOnly = doraFigures({ executions }, ALL);
    const both = aggregateDora([one, executionsOnly], ALL);
    expect(both.deployments).toBe(6);
    expect(both.deploymentFrequency.value).toBeCloseTo(6 / 30);
    // Only the pipeline with action runs knows its failures and lead time.
    expect(both.changeFailureRate).toMatchObject({ failed: 2, reached: 4, value: 0.5 });
    expect(both.leadTime.value).toBe(90 * MIN);
  });
});

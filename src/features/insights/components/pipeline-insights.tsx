import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { CODEPIPELINE_PRICES } from "../../../core/insights/prices";
import { deploymentsPerDay } from "../../../core/insights/dora";
import { formatMs, formatPercent } from "../../../core/insights/format";
import type { StepFigures } from "../../../core/insights/figures";
import { durationPoints, outcomeBuckets, pipelineReport, stageDurationRows } from "../../../core/insights/report";
import { windowEnding } from "../../../core/insights/window";
import { formatDuration, formatExactTime } from "../../../core/format";
import { fieldClass } from "../../../components/styles";
import { describeError } from "../../../components/error-banner";
import { pipelinesQuery } from "../../../lib/aws/pipeline-queries";
import { actionHistoryQuery, executionHistoryQuery } from "../../../lib/insights/history-queries";
import { useSource } from "../../../lib/sources/source-context";
import { useProductionStage, useWindowDays } from "../api/use-insights-view";
import { useWindowEnd } from "../api/use-window-end";
import { HistoryAge } from "./history-age";
import { DataTable, type Column } from "./data-table";
import { DoraKeys } from "./dora-keys";
import { FigureCards } from "./figure-cards";
import { OutcomeChart } from "./outcome-chart";
import { TimeChart } from "./time-chart";
import { WindowPicker } from "./window-picker";

const SERIES_COLOURS: [string, string][] = [
  ["#0369a1", "#7dd3fc"],
  ["#b45309", "#fcd34d"],
  ["#047857", "#6ee7b7"],
  ["#7e22ce", "#d8b4fe"],
  ["#be123c", "#fda4af"],
  ["#4d7c0f", "#bef264"],
];

const stepColumns = (withAction: boolean): Column<StepFigures>[] => [
  { label: "Stage", csv: (r) => r.stage, cell: (r) => <bdi>{r.stage}</bdi> },
  ...(withAction ? [{ label: "Action", csv: (r: StepFigures) => r.action, cell: (r: StepFigures) => <bdi>{r.action}</bdi> }] : []),
  { label: withAction ? "Runs" : "Executions", csv: (r) => r.runs, numeric: true },
  { label: "Success rate", csv: (r) => r.successRate, cell: (r) => formatPercent(r.successRate), numeric: true },
  { label: "Median (ms)", csv: (r) => r.medianMs, cell: (r) => formatMs(r.medianMs), numeric: true },
  { label: "p95 (ms)", csv: (r) => r.p95Ms, cell: (r) => formatMs(r.p95Ms), numeric: true },
];

const seconds = (ms: number) => Math.round(ms / 1000);
const formatAxisDuration = (ms: number) => formatDuration(ms);

/** The Insights tab of one pipeline: the window's figures from its executions and action runs, read on demand. */
export default function PipelineInsights({ pipelineName }: { pipelineName: string }) {
  const source = useSource();
  const [days, setDays] = useWindowDays();
  const [chosenProduction, setProduction] = useProductionStage(source.id, pipelineName);
  const executions = useQuery(executionHistoryQuery(source, pipelineName, days));
  const actions = useQuery(actionHistoryQuery(source, pipelineName, days));
  const summary = useQuery({ ...pipelinesQuery(source, "off-screen"), select: (list) => list.find((p) => p.name === pipelineName) });

  const [now, readNew] = useWindowEnd();
  const w = useMemo(() => windowEnding(days, now), [days, now]);
  const history = useMemo(
    () => (executions.data ? { executions: executions.data.items, actions: actions.data?.items } : undefined),
    [executions.data, actions.data],
  );
  const report = useMemo(() => {
    if (!history) return undefined;
    const production = chosenProduction && (!history.actions || history.actions.some((r) => r.stageName === chosenProduction)) ? chosenProduction : undefined;
    return pipelineReport(summary.data ?? {}, history, w, production);
  }, [history, chosenProduction, summary.data, w]);

  const charts = useMemo(() => {
    if (!history || !report) return undefined;
    const durations = durationPoints(history.executions, w);
    const buckets = outcomeBuckets(history.executions, w);
    const stageRows = stageDurationRows(history.actions, w, report.stages);
    return { durations, buckets, stageRows };
  }, [history, report, w]);

  const partial = executions.data?.complete === false || actions.data?.complete === false;
  const reading = executions.isFetching || actions.isFetching;

  return (
    <div className="flex flex-col gap-6 py-2" data-testid="pipeline-insights">
      <div className="flex flex-wrap items-end gap-4">
        <WindowPicker days={days} onChange={setDays} />
        <label className="flex flex-col gap-1 text-sm font-medium">
          Production stage
          <select value={chosenProduction ?? ""} onChange={(e) => setProduction(e.target.value || undefined)} className={fieldClass}>
            <option value="">Last stage{report?.dora.current.production && !chosenProduction ? ` (${report.dora.current.production})` : ""}</option>
            {report?.stages.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
          {reading
            ? "Reading history…"
            : history
              ? `${history.executions.length} executions and ${history.actions?.length ?? 0} action runs read: ${(executions.data?.requests ?? 0) + (actions.data?.requests ?? 0)} requests, ${(executions.data?.cached ?? 0) + (actions.data?.cached ?? 0)} records from this browser's cache`
              : ""}
          {partial && <strong className="ml-2 text-amber-800 dark:text-amber-300">Partial: the history is longer than the reading budget</strong>}{" "}
          {!reading && <HistoryAge readAt={executions.data?.readAt} onReadNew={readNew} />}
        </p>
      </div>
      {executions.error && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          Could not read the executions: {describeError(executions.error)}
        </p>
      )}
      {actions.error && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          Could not read the action runs ({describeError(actions.error)}): stage, action, lead time, failure and cost figures are missing.
        </p>
      )}
      {!report || !charts ? (
        <p className="text-sm">{executions.isPending ? "Reading the history…" : ""}</p>
      ) : (
        <>
          <DoraKeys
            dora={report.dora}
            days={days}
            sparklines={{ deploymentFrequency: deploymentsPerDay(history!, w, report.dora.current.production) }}
          />
          <FigureCards figures={report.executions} days={days} />

          <div className="grid gap-4 lg:grid-cols-2">
            <TimeChart
              title="Duration of succeeded executions"
              summary={`${charts.durations.points.length} executions, median ${formatMs(charts.durations.medianMs)}, p95 ${formatMs(charts.durations.p95Ms)}`}
              x={charts.durations.points.map((p) => seconds(p.at))}
              yLabel="Duration"
              formatY={formatAxisDuration}
              series={[
                { label: "Execution", kind: "points", values: charts.durations.points.map((p) => p.ms), colour: SERIES_COLOURS[0] },
                { label: "Median", kind: "line", values: charts.durations.points.map(() => charts.durations.medianMs ?? null), colour: SERIES_COLOURS[2] },
                { label: "p95", kind: "line", values: charts.durations.points.map(() => charts.durations.p95Ms ?? null), colour: SERIES_COLOURS[1] },
              ]}
              table={
                <DataTable
                  caption="Succeeded executions"
                  fileName={`${pipelineName}-durations`}
                  rows={charts.durations.points}
                  rowKey={(p) => p.id}
                  columns={[
                    { label: "Started", csv: (p) => new Date(p.at).toISOString(), cell: (p) => formatExactTime(new Date(p.at)) },
                    { label: "Execution", csv: (p) => p.id, cell: (p) => <span className="font-mono">{p.id.slice(0, 8)}</span> },
                    { label: "Duration (ms)", csv: (p) => p.ms, cell: (p) => formatMs(p.ms), numeric: true },
                  ]}
                />
              }
            />
            <OutcomeChart buckets={charts.buckets} days={days} fileName={`${pipelineName}-outcomes`} />
            {report.stages.length > 0 && (
              <TimeChart
                title="Stage durations, stacked"
                summary={`${charts.stageRows.length} executions across ${report.stages.length} stages`}
                x={charts.stageRows.map((r) => seconds(r.at))}
                yLabel="Duration"
                formatY={formatAxisDuration}
                // Bars drawn tallest first: each series is the sum of its stage and every stage after it.
                series={report.stages.map((stage, i) => ({
                  label: stage,
                  kind: "bars" as const,
                  values: charts.stageRows.map((r) => r.ms.slice(i).reduce((a, b) => a + b, 0)),
                  colour: SERIES_COLOURS[i % SERIES_COLOURS.length],
                }))}
                table={
                  <DataTable
                    caption="Stage durations per execution"
                    fileName={`${pipelineName}-stage-durations`}
                    rows={charts.stageRows}
                    rowKey={(r) => r.id}
                    columns={[
                      { label: "Started", csv: (r) => new Date(r.at).toISOString(), cell: (r) => formatExactTime(new Date(r.at)) },
                      ...report.stages.map((stage, i) => ({ label: `${stage} (ms)`, csv: (r: (typeof charts.stageRows)[number]) => r.ms[i], cell: (r: (typeof charts.stageRows)[number]) => formatMs(r.ms[i]), numeric: true })),
                    ]}
                  />
                }
              />
            )}
          </div>

          <DataTable caption="Stages" fileName={`${pipelineName}-stages`} rows={report.stageFigures} rowKey={(r) => r.stage} columns={stepColumns(false)} />
          <DataTable caption="Actions" fileName={`${pipelineName}-actions`} rows={report.actionFigures} rowKey={(r) => `${r.stage}/${r.action}`} columns={stepColumns(true)} />
          <DataTable
            caption="Flaky actions (failed, then passed on a retry in the same execution)"
            fileName={`${pipelineName}-flaky`}
            rows={report.flaky}
            rowKey={(r) => `${r.stage}/${r.action}`}
            empty="No action failed and then passed on a retry in this window."
            columns={[
              { label: "Stage", csv: (r) => r.stage, cell: (r) => <bdi>{r.stage}</bdi> },
              { label: "Action", csv: (r) => r.action, cell: (r) => <bdi>{r.action}</bdi> },
              { label: "Flaky executions", csv: (r) => r.flakyExecutions, numeric: true },
              { label: "Executions", csv: (r) => r.executions, numeric: true },
              { label: "Rate", csv: (r) => r.rate, cell: (r) => formatPercent(r.rate), numeric: true },
            ]}
          />
          <DataTable
            caption="Most failing actions"
            fileName={`${pipelineName}-failing`}
            rows={report.failing}
            rowKey={(r) => `${r.stage}/${r.action}`}
            empty="No action failed in this window."
            columns={[
              { label: "Stage", csv: (r) => r.stage, cell: (r) => <bdi>{r.stage}</bdi> },
              { label: "Action", csv: (r) => r.action, cell: (r) => <bdi>{r.action}</bdi> },
              { label: "Failures", csv: (r) => r.failures, numeric: true },
              { label: "Runs", csv: (r) => r.runs, numeric: true },
              {
                label: "Most frequent errors",
                csv: (r) => r.errors.map((e) => `${e.count}× ${e.message}`).join(" | "),
                cell: (r) => (
                  <ul>
                    {r.errors.map((e) => (
                      <li key={e.message} className="break-words">
                        {e.count}× <bdi>{e.message}</bdi>
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          <DataTable
            caption="Waiting time per stage"
            fileName={`${pipelineName}-waiting`}
            rows={report.waiting}
            rowKey={(r) => r.stage}
            columns={[
              { label: "Stage", csv: (r) => r.stage, cell: (r) => <bdi>{r.stage}</bdi> },
              { label: "Approvals", csv: (r) => r.approvals, numeric: true },
              { label: "Waiting for approval, median (ms)", csv: (r) => r.approvalMedianMs, cell: (r) => formatMs(r.approvalMedianMs), numeric: true },
              { label: "Waiting for approval, total (ms)", csv: (r) => r.approvalTotalMs, cell: (r) => formatMs(r.approvalTotalMs), numeric: true },
              { label: "Waiting to enter, median (ms)", csv: (r) => r.enterMedianMs, cell: (r) => formatMs(r.enterMedianMs), numeric: true },
              { label: "Waiting to enter, total (ms)", csv: (r) => r.enterTotalMs, cell: (r) => formatMs(r.enterTotalMs), numeric: true },
            ]}
          />
          <CostSection cost={report.cost.current} />
        </>
      )}
    </div>
  );
}

function CostSection({ cost }: { cost: ReturnType<typeof pipelineReport>["cost"]["current"] }) {
  const p = CODEPIPELINE_PRICES;
  return (
    <section aria-labelledby="cost-heading" className="rounded-lg border border-zinc-300 p-3 dark:border-zinc-700">
      <h2 id="cost-heading" className="text-lg font-semibold">
        Estimated cost <span className="text-sm font-normal">(an estimate, not a bill)</span>
      </h2>
      <p className="mt-1 text-2xl font-bold tabular-nums" data-testid="cost-estimate">
        {cost.usd === undefined ? "–" : `$${cost.usd.toFixed(2)}`}
      </p>
      <p className="text-sm">
        {cost.pipelineType === "V1"
          ? `${cost.activeMonths} active pipeline-months at $${p.v1PerActivePipelineMonth.toFixed(2)} (a month with a change, once the pipeline is ${p.v1FreeDaysAfterCreation} days old). The account's free tier covers ${p.v1FreeActivePipelinesPerMonth} active V1 pipeline a month.`
          : cost.known
            ? `${cost.minutes} action execution minutes at $${p.v2PerActionMinute} (each run rounded up to the minute; manual approvals and custom actions are free). The account's first ${p.v2FreeMinutesPerMonth} minutes a month, shared by all its V2 pipelines, are free and not subtracted here.`
            : "Needs the action runs."}
      </p>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        Prices in {p.currency} as published on the CodePipeline pricing page, read {p.readOn}; CodeBuild, Lambda and other services the actions use are billed apart.
      </p>
    </section>
  );
}

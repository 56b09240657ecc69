import type { OutcomeBucket } from "../../../core/insights/report";
import { formatExactTime } from "../../../core/format";
import { DataTable } from "./data-table";
import { TimeChart } from "./time-chart";

const SUCCEEDED: [string, string] = ["#047857", "#34d399"];
const FAILED: [string, string] = ["#b91c1c", "#f87171"];

/** Succeeded and failed executions per day or week (the core's bucketMs): bars drawn as total with the failed part over it in red. */
export function OutcomeChart({ buckets, days, scope = "", fileName }: { buckets: OutcomeBucket[]; days: number; scope?: string; fileName: string }) {
  const succeeded = buckets.reduce((n, b) => n + b.succeeded, 0);
  const failed = buckets.reduce((n, b) => n + b.failed, 0);
  return (
    <TimeChart
      title={`Succeeded and failed executions per ${days <= 31 ? "day" : "week"}${scope}`}
      summary={`${succeeded} succeeded, ${failed} failed`}
      x={buckets.map((b) => Math.round(b.from / 1000))}
      yLabel="Executions"
      formatY={String}
      series={[
        { label: "Succeeded + failed", kind: "bars", values: buckets.map((b) => b.succeeded + b.failed), colour: SUCCEEDED },
        { label: "Failed", kind: "bars", values: buckets.map((b) => b.failed), colour: FAILED },
      ]}
      table={
        <DataTable
          caption={`Executions by outcome${scope}`}
          fileName={fileName}
          rows={buckets}
          rowKey={(b) => String(b.from)}
          columns={[
            { label: "From", csv: (b) => new Date(b.from).toISOString(), cell: (b) => formatExactTime(new Date(b.from)) },
            { label: "Succeeded", csv: (b) => b.succeeded, numeric: true },
            { label: "Failed", csv: (b) => b.failed, numeric: true },
            { label: "Other", csv: (b) => b.other, numeric: true },
          ]}
        />
      }
    />
  );
}

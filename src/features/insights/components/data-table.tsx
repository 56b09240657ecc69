import type { ReactNode } from "react";
import { toCsv } from "../../../core/insights/csv";
import { secondaryButton } from "../../../components/styles";

export interface Column<Row> {
  label: string;
  /** What the CSV holds: the raw figure (milliseconds, fractions) so a spreadsheet can compute with it. */
  csv: (row: Row) => string | number | undefined;
  /** What the table shows; the CSV value when omitted. */
  cell?: (row: Row) => ReactNode;
  numeric?: boolean;
}

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Every insights table: one set of columns gives both what is shown and the CSV, so they cannot disagree. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  fileName,
  empty = "Nothing in this window.",
}: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  fileName: string;
  empty?: string;
}) {
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">{caption}</h3>
        <button
          type="button"
          className={`${secondaryButton} py-1 text-xs`}
          disabled={rows.length === 0}
          onClick={() => download(`${fileName}.csv`, toCsv(columns.map((c) => c.label), rows.map((r) => columns.map((c) => c.csv(r)))))}
        >
          Download CSV<span className="sr-only"> of {caption}</span>
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        // Focusable and named: on a phone the table scrolls sideways, and the keyboard must reach it too.
        <div role="region" aria-label={caption} tabIndex={0} className="mt-2 overflow-x-auto focus-visible:outline-2 focus-visible:outline-sky-700">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr className="border-b border-zinc-300 dark:border-zinc-700">
                {columns.map((c) => (
                  <th key={c.label} scope="col" className={`px-2 py-1 font-semibold whitespace-nowrap ${c.numeric ? "text-right" : ""}`}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} className="border-b border-zinc-200 dark:border-zinc-800">
                  {columns.map((c) => (
                    <td key={c.label} className={`px-2 py-1 ${c.numeric ? "text-right tabular-nums" : ""}`}>
                      {c.cell ? c.cell(row) : c.csv(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

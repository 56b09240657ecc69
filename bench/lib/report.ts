/** One line of the printed table; `details` goes to the JSON only. */
export interface Row {
  section: string;
  measure: string;
  value: string;
  /** The peer or target the value is read against, when there is one. */
  reference?: string;
}

export interface SectionResult {
  rows: Row[];
  details: unknown;
}

export const ms = (x: number) => `${Math.round(x)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const round1 = (x: number) => Math.round(x * 10) / 10;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: number[]) => percentile(values, 50);

export function formatTable(rows: Row[]): string {
  const header: Row = { section: "Section", measure: "Measure", value: "Value", reference: "Against" };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => (r[key] ?? "").length));
  const widths = { section: width("section"), measure: width("measure"), value: width("value"), reference: width("reference") };
  const line = (r: Row) =>
    `| ${r.section.padEnd(widths.section)} | ${r.measure.padEnd(widths.measure)} | ${r.value.padEnd(widths.value)} | ${(r.reference ?? "").padEnd(widths.reference)} |`;
  const rule = `|${"-".repeat(widths.section + 2)}|${"-".repeat(widths.measure + 2)}|${"-".repeat(widths.value + 2)}|${"-".repeat(widths.reference + 2)}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

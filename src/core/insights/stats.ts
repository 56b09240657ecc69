/** Nearest-rank percentile (p in 0..1) of unsorted numbers; undefined for none. The rank the CI tools we compare with use. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

export const ratio = (part: number, whole: number): number | undefined => (whole > 0 ? part / whole : undefined);

/** A figure beside the same figure one window earlier. */
export interface Trend<T = number | undefined> {
  current: T;
  previous: T;
}

/** Relative change, for "▲ 12 %": undefined when either side is missing or the previous is zero. */
export function change(trend: Trend): number | undefined {
  const { current, previous } = trend;
  if (current === undefined || previous === undefined || previous === 0) return undefined;
  return (current - previous) / previous;
}

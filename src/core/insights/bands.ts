/**
 * The DORA performance bands, in one place: the typical values of the elite, high, medium and low clusters of
 * the 2023 Accelerate State of DevOps Report (DORA), read as thresholds. Each band is shown with its threshold
 * wherever a rating is displayed.
 */
export type Band = "elite" | "high" | "medium" | "low";
export type DoraKey = "deploymentFrequency" | "leadTime" | "changeFailureRate" | "timeToRestore";

export const BANDS_SOURCE = "DORA, Accelerate State of DevOps Report 2023";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface BandRule {
  band: Band;
  /** Inclusive bound the value must reach (higher is better) or stay under (lower is better). */
  bound: number;
  label: string;
}

export const DORA_BANDS: Record<DoraKey, { higherIsBetter: boolean; inclusive?: boolean; rules: BandRule[] }> = {
  // Deployments per day.
  deploymentFrequency: {
    higherIsBetter: true,
    rules: [
      { band: "elite", bound: 1, label: "on demand: daily or more" },
      { band: "high", bound: 1 / 7, label: "between daily and weekly" },
      { band: "medium", bound: 1 / 30, label: "between weekly and monthly" },
      { band: "low", bound: 0, label: "less than monthly" },
    ],
  },
  // Milliseconds, median.
  leadTime: {
    higherIsBetter: false,
    rules: [
      { band: "elite", bound: DAY, label: "under a day" },
      { band: "high", bound: 7 * DAY, label: "a day to a week" },
      { band: "medium", bound: 30 * DAY, label: "a week to a month" },
      { band: "low", bound: Infinity, label: "a month or more" },
    ],
  },
  // Fraction of production deployments.
  changeFailureRate: {
    higherIsBetter: false,
    inclusive: true,
    rules: [
      { band: "elite", bound: 0.05, label: "5 % or less" },
      { band: "high", bound: 0.1, label: "10 % or less" },
      { band: "medium", bound: 0.15, label: "15 % or less" },
      { band: "low", bound: Infinity, label: "over 15 %" },
    ],
  },
  // Milliseconds, median.
  timeToRestore: {
    higherIsBetter: false,
    rules: [
      { band: "elite", bound: HOUR, label: "under an hour" },
      { band: "high", bound: DAY, label: "under a day" },
      { band: "medium", bound: 7 * DAY, label: "a day to a week" },
      { band: "low", bound: Infinity, label: "a week or more" },
    ],
  },
};

export function rate(key: DoraKey, value: number | undefined): Band | undefined {
  if (value === undefined || Number.isNaN(value)) return undefined;
  const { higherIsBetter, inclusive, rules } = DORA_BANDS[key];
  return rules.find((r) => (higherIsBetter ? value >= r.bound : inclusive ? value <= r.bound : value < r.bound))?.band ?? "low";
}

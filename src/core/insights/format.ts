import { formatDuration } from "../format";
import type { Band } from "./bands";
import { change, type Trend } from "./stats";

export const formatPercent = (fraction: number | undefined) => (fraction === undefined ? "–" : `${Math.round(fraction * 1000) / 10} %`);

export const formatMs = (ms: number | undefined) => (ms === undefined ? "–" : formatDuration(ms));

/** Deployments per day in words a team uses: "2.5 a day", "3 a week", "1 a month". */
export function formatFrequency(perDay: number | undefined): string {
  if (perDay === undefined) return "–";
  if (perDay >= 1) return `${round(perDay)} a day`;
  if (perDay * 7 >= 1) return `${round(perDay * 7)} a week`;
  if (perDay > 0) return `${round(perDay * 30)} a month`;
  return "none";
}

const round = (n: number) => (n >= 10 ? Math.round(n) : Math.round(n * 10) / 10);

export const BAND_LABELS: Record<Band, string> = { elite: "Elite", high: "High", medium: "Medium", low: "Low" };

/** "▲ 12 % vs the previous 30 days", or what is missing; whether up is good is the reader's to judge with the figure. */
export function formatTrend(trend: Trend, days: number): string {
  const relative = change(trend);
  const span = `the previous ${days === 365 ? "12 months" : `${days} days`}`;
  if (relative === undefined) {
    if (trend.previous === 0 && trend.current !== undefined) return trend.current === 0 ? `same as ${span}` : `▲ from 0 in ${span}`;
    return `nothing to compare in ${span}`;
  }
  if (Math.abs(relative) < 0.005) return `same as ${span}`;
  return `${relative > 0 ? "▲" : "▼"} ${Math.abs(Math.round(relative * 100))} % vs ${span}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "long" });
const exact = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

/** "5 minutes ago", "in 2 hours"; the largest whole unit, so a glance is enough. */
export function formatRelativeTime(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < 5_000) return "just now";
  for (const [unit, ms] of UNITS) {
    if (abs >= ms || unit === "second") return relative.format(Math.trunc(diff / ms), unit);
  }
  return relative.format(0, "second");
}

/** Exact local time for tooltips and <time title>. */
export function formatExactTime(date: Date): string {
  return exact.format(date);
}

/** "1 h 4 min", "3 min 20 s", "12 s": two units at most. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  return `${seconds} s`;
}

/**
 * Time from an AWS stamp (or a read's) to this browser's now, never below zero: a stamp a little after now (this
 * clock behind AWS's) has only just happened, so "running for 0 s", not a dash.
 */
export function elapsedMs(since: Date | number, now: Date | number): number {
  return Math.max(0, Number(now) - Number(since));
}

/** A run's duration: to its end, or while it runs (no end), to now. */
export function runDurationMs(start: Date, end: Date | undefined, now: Date): number {
  return end ? end.getTime() - start.getTime() : elapsedMs(start, now);
}

/** Age of data for staleness labels: "updated 12 s ago". */
export function formatAge(since: Date, now: Date): string {
  return formatDuration(elapsedMs(since, now));
}

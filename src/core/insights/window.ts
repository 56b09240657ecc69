/** The windows the insights offer, in days: a week, a month, a quarter, a year (CodePipeline keeps 12 months). */
export const WINDOW_DAYS = [7, 30, 90, 365] as const;
export type WindowDays = (typeof WINDOW_DAYS)[number];

export const DAY_MS = 86_400_000;

/** A span of time, `from` included, `to` excluded, in epoch milliseconds. */
export interface Window {
  from: number;
  to: number;
}

export const windowEnding = (days: number, now: number): Window => ({ from: now - days * DAY_MS, to: now });

/** The window of the same length just before: what each figure's trend compares with. */
export const previousWindow = (w: Window): Window => ({ from: w.from - (w.to - w.from), to: w.from });

export const inWindow = (time: Date | number | undefined, w: Window): boolean => {
  if (time === undefined) return false;
  const t = typeof time === "number" ? time : time.getTime();
  return t >= w.from && t < w.to;
};

export const windowDays = (w: Window) => (w.to - w.from) / DAY_MS;

import type { Tone } from "../../../core/status-look";

/**
 * Per tone, where the pipeline page shows it besides the words (TONE_TEXT): graph node `border` and `bg`, the
 * timeline's `bar` and the minimap's `fill` (an SVG colour, not a class).
 */
export const TONES: Record<Tone, { border: string; bg: string; bar: string; fill: string }> = {
  success: {
    border: "border-emerald-500/70 dark:border-emerald-400/60",
    bg: "bg-emerald-50 dark:bg-emerald-950/40",
    bar: "bg-emerald-600 dark:bg-emerald-500",
    fill: "#10b981",
  },
  danger: {
    border: "border-red-500 dark:border-red-400",
    bg: "bg-red-50 dark:bg-red-950/40",
    bar: "bg-red-600 dark:bg-red-500",
    fill: "#ef4444",
  },
  running: {
    border: "border-sky-500 dark:border-sky-400",
    bg: "bg-sky-50 dark:bg-sky-950/40",
    bar: "bg-sky-600 dark:bg-sky-400 motion-safe:animate-pulse",
    fill: "#0ea5e9",
  },
  warning: {
    border: "border-amber-500 dark:border-amber-400",
    bg: "bg-amber-50 dark:bg-amber-950/40",
    bar: "bg-amber-500 dark:bg-amber-400",
    fill: "#f59e0b",
  },
  muted: {
    border: "border-slate-300 dark:border-slate-600",
    bg: "bg-white dark:bg-slate-900",
    bar: "bg-zinc-400 dark:bg-zinc-500",
    fill: "#94a3b8",
  },
};

import type { ReactNode } from "react";
import { HEALTH_LABELS, type PipelineHealth } from "../core/status";
import { statusLook, type IconName, type Tone } from "../core/status-look";
import { HealthIcon } from "./icons";

/** Colour is a third cue: the icon shape and the text carry the status on their own. */
export const HEALTH_STYLES: Record<PipelineHealth, string> = {
  failed: "bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/40",
  "waiting-for-approval":
    "bg-amber-50 text-amber-900 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/40",
  "in-progress": "bg-sky-50 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-400/40",
  stopped: "bg-zinc-100 text-zinc-800 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-400/30",
  superseded: "bg-zinc-100 text-zinc-800 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-400/30",
  cancelled: "bg-zinc-100 text-zinc-800 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-400/30",
  succeeded:
    "bg-emerald-50 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/40",
  unknown: "bg-white text-zinc-700 ring-zinc-400/40 dark:bg-zinc-900 dark:text-zinc-300 dark:ring-zinc-500/40",
};

/**
 * Per tone, every place it shows: status words (`text`), graph node `border` and `bg`, the timeline's
 * `bar` and the minimap's `fill` (an SVG colour, not a class).
 */
export const TONES: Record<Tone, { text: string; border: string; bg: string; bar: string; fill: string }> = {
  success: {
    text: "text-emerald-700 dark:text-emerald-300",
    border: "border-emerald-500/70 dark:border-emerald-400/60",
    bg: "bg-emerald-50 dark:bg-emerald-950/40",
    bar: "bg-emerald-600 dark:bg-emerald-500",
    fill: "#10b981",
  },
  danger: {
    text: "text-red-700 dark:text-red-300",
    border: "border-red-500 dark:border-red-400",
    bg: "bg-red-50 dark:bg-red-950/40",
    bar: "bg-red-600 dark:bg-red-500",
    fill: "#ef4444",
  },
  running: {
    text: "text-sky-700 dark:text-sky-300",
    border: "border-sky-500 dark:border-sky-400",
    bg: "bg-sky-50 dark:bg-sky-950/40",
    bar: "bg-sky-600 dark:bg-sky-400 motion-safe:animate-pulse",
    fill: "#0ea5e9",
  },
  warning: {
    text: "text-amber-700 dark:text-amber-300",
    border: "border-amber-500 dark:border-amber-400",
    bg: "bg-amber-50 dark:bg-amber-950/40",
    bar: "bg-amber-500 dark:bg-amber-400",
    fill: "#f59e0b",
  },
  muted: {
    text: "text-slate-600 dark:text-slate-400",
    border: "border-slate-300 dark:border-slate-600",
    bg: "bg-white dark:bg-slate-900",
    bar: "bg-zinc-400 dark:bg-zinc-500",
    fill: "#94a3b8",
  },
};

const ICON_PATHS: Record<Exclude<IconName, "spinner">, ReactNode> = {
  check: <path d="M4 8.5l2.5 2.5L12 5.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />,
  x: <path d="M5 5l6 6M11 5l-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />,
  stop: <rect x="4.5" y="4.5" width="7" height="7" rx="1" fill="currentColor" />,
  slash: (
    <>
      <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M4.5 11.5l7-7" stroke="currentColor" strokeWidth="1.5" />
    </>
  ),
  skip: <path d="M4 4.5l5 3.5-5 3.5zM10.5 4.5v7" fill="currentColor" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />,
  dot: <circle cx="8" cy="8" r="3" fill="none" stroke="currentColor" strokeWidth="1.5" />,
};

export function StatusIcon({ status, className = "" }: { status: string | undefined; className?: string }) {
  const look = statusLook(status);
  if (look.icon === "spinner") {
    return (
      <svg viewBox="0 0 16 16" className={`h-4 w-4 shrink-0 motion-safe:animate-spin ${className}`} aria-hidden="true">
        <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeOpacity="0.25" strokeWidth="2" />
        <path d="M8 2.5a5.5 5.5 0 015.5 5.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 16 16" className={`h-4 w-4 shrink-0 ${className}`} aria-hidden="true">
      {ICON_PATHS[look.icon]}
    </svg>
  );
}

type StatusBadgeProps =
  /** A pipeline's rolled-up health (core/status): a pill, as in the overview's rows. */
  | { health: PipelineHealth; label?: string; status?: undefined; className?: undefined }
  /** One CodePipeline status (stage, action, execution, condition, rule): icon and word in the status colour. */
  | { status: string | undefined; label?: string; className?: string; health?: undefined };

/** The one status badge: the word is the accessible name, the icon and colour repeat it. */
export function StatusBadge(props: StatusBadgeProps) {
  if (props.health !== undefined) {
    const { health, label } = props;
    return (
      <span
        className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${HEALTH_STYLES[health]}`}
      >
        <HealthIcon health={health} className={health === "in-progress" ? "motion-safe:animate-spin [animation-duration:3s]" : undefined} />
        {label ?? HEALTH_LABELS[health]}
      </span>
    );
  }
  const { status, label, className = "" } = props;
  const look = statusLook(status);
  return (
    <span className={`inline-flex items-center gap-1 font-medium ${TONES[look.tone].text} ${className}`}>
      <StatusIcon status={status} />
      <span>{label ?? look.label}</span>
    </span>
  );
}

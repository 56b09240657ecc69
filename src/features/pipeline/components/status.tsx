import type { ReactNode } from "react";

/**
 * Status as icon + text + colour, so it reads without colour (and in high contrast). Covers every
 * stage, action, execution, condition and rule status CodePipeline returns.
 */
export type Tone = "success" | "danger" | "running" | "warning" | "muted";

interface StatusLook {
  label: string;
  tone: Tone;
  icon: IconName;
}

const LOOKS: Record<string, StatusLook> = {
  Succeeded: { label: "Succeeded", tone: "success", icon: "check" },
  Failed: { label: "Failed", tone: "danger", icon: "x" },
  Errored: { label: "Errored", tone: "danger", icon: "x" },
  InProgress: { label: "In progress", tone: "running", icon: "spinner" },
  Stopping: { label: "Stopping", tone: "warning", icon: "stop" },
  Stopped: { label: "Stopped", tone: "warning", icon: "stop" },
  Abandoned: { label: "Abandoned", tone: "warning", icon: "stop" },
  Cancelled: { label: "Cancelled", tone: "muted", icon: "slash" },
  Superseded: { label: "Superseded", tone: "muted", icon: "slash" },
  Skipped: { label: "Skipped", tone: "muted", icon: "skip" },
  Overridden: { label: "Overridden", tone: "warning", icon: "skip" },
  Approved: { label: "Approved", tone: "success", icon: "check" },
  Rejected: { label: "Rejected", tone: "danger", icon: "x" },
};

const NOT_RUN: StatusLook = { label: "Not run", tone: "muted", icon: "dot" };

export function statusLook(status: string | undefined): StatusLook {
  if (!status) return NOT_RUN;
  return LOOKS[status] ?? { label: status, tone: "muted", icon: "dot" };
}

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

export type IconName = "check" | "x" | "spinner" | "stop" | "slash" | "skip" | "dot";

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

/** Icon and word in the status colour; the word is the accessible name. */
export function StatusBadge({ status, label, className = "" }: { status: string | undefined; label?: string; className?: string }) {
  const look = statusLook(status);
  return (
    <span className={`inline-flex items-center gap-1 font-medium ${TONES[look.tone].text} ${className}`}>
      <StatusIcon status={status} />
      <span>{label ?? look.label}</span>
    </span>
  );
}

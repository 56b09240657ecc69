import type { ReactNode } from "react";
import { statusLook, type IconName, type Tone } from "../core/status-look";

/** The words' colour per tone; the graph's other tone colours (borders, bars, the minimap) are the pipeline page's. */
export const TONE_TEXT: Record<Tone, string> = {
  success: "text-emerald-700 dark:text-emerald-300",
  danger: "text-red-700 dark:text-red-300",
  running: "text-sky-700 dark:text-sky-300",
  warning: "text-amber-700 dark:text-amber-300",
  muted: "text-slate-600 dark:text-slate-400",
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

/** One CodePipeline status (stage, action, execution, condition, rule): icon and word in the status colour; the word is the accessible name. */
export function StatusBadge({ status, label, className = "" }: { status: string | undefined; label?: string; className?: string }) {
  const look = statusLook(status);
  return (
    <span className={`inline-flex items-center gap-1 font-medium ${TONE_TEXT[look.tone]} ${className}`}>
      <StatusIcon status={status} />
      <span>{label ?? look.label}</span>
    </span>
  );
}

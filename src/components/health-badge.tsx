import { HEALTH_LABELS, type PipelineHealth } from "../core/status";
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
 * A pipeline's rolled-up health (core/status) as a pill: the overview's rows. One CodePipeline status (a stage's,
 * an action's, an execution's) is a StatusBadge. Kept apart so the overview's first page carries only this one.
 */
export function HealthBadge({ health, label }: { health: PipelineHealth; label?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${HEALTH_STYLES[health]}`}
    >
      <HealthIcon health={health} className={health === "in-progress" ? "motion-safe:animate-spin [animation-duration:3s]" : undefined} />
      {label ?? HEALTH_LABELS[health]}
    </span>
  );
}

/**
 * How each stage, action, execution, condition and rule status CodePipeline returns is shown: a word, a tone
 * and an icon, so it reads without colour (and in high contrast). The tones' colours are the UI's
 * (components/status-badge.tsx).
 */
export type Tone = "success" | "danger" | "running" | "warning" | "muted";

export type IconName = "check" | "x" | "spinner" | "stop" | "slash" | "skip" | "dot";

export interface StatusLook {
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

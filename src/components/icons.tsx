import type { SVGProps } from "react";
import type { PipelineHealth } from "../core/status";

/** Decorative: every icon sits next to a text label, so they are hidden from assistive tech. */
function Svg(props: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 20 20"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    />
  );
}

const paths: Record<PipelineHealth, React.ReactNode> = {
  failed: (
    <>
      <circle cx="10" cy="10" r="8" />
      <path d="M7 7l6 6M13 7l-6 6" />
    </>
  ),
  "waiting-for-approval": (
    <>
      <path d="M6 3h8M6 17h8M7 3c0 4 6 4 6 7s-6 3-6 7M13 3c0 4-6 4-6 7" />
    </>
  ),
  "in-progress": (
    <>
      <path d="M10 2a8 8 0 1 1-8 8" />
      <path d="M10 6v4l3 2" />
    </>
  ),
  stopped: (
    <>
      <circle cx="10" cy="10" r="8" />
      <rect x="7" y="7" width="6" height="6" rx="1" />
    </>
  ),
  superseded: (
    <>
      <path d="M4 6h9M10 3l3 3-3 3M16 14H7M10 11l-3 3 3 3" />
    </>
  ),
  cancelled: (
    <>
      <circle cx="10" cy="10" r="8" />
      <path d="M4.5 15.5l11-11" />
    </>
  ),
  succeeded: (
    <>
      <circle cx="10" cy="10" r="8" />
      <path d="M6.5 10.5l2.5 2.5 4.5-5" />
    </>
  ),
  unknown: (
    <>
      <circle cx="10" cy="10" r="8" strokeDasharray="3 3" />
    </>
  ),
};

export function HealthIcon({ health, className }: { health: PipelineHealth; className?: string }) {
  return <Svg className={className}>{paths[health]}</Svg>;
}

export function StarIcon({ filled }: { filled: boolean }) {
  return (
    <Svg fill={filled ? "currentColor" : "none"}>
      <path d="M10 2.5l2.3 4.8 5.2.7-3.8 3.6.9 5.2L10 14.3l-4.6 2.5.9-5.2L2.5 8l5.2-.7z" />
    </Svg>
  );
}

export function LockIcon() {
  return (
    <Svg>
      <rect x="4" y="9" width="12" height="8" rx="1.5" />
      <path d="M7 9V6a3 3 0 0 1 6 0v3" />
    </Svg>
  );
}

export function WarningIcon() {
  return (
    <Svg>
      <path d="M10 3l8 14H2z" />
      <path d="M10 8v4M10 14.5v.5" />
    </Svg>
  );
}

export function MenuIcon() {
  return (
    <Svg>
      <path d="M3 5h14M3 10h14M3 15h14" />
    </Svg>
  );
}

import type { ActionCategory } from "@aws-sdk/client-codepipeline";
import type { ReactNode } from "react";

const PATHS: Record<ActionCategory, ReactNode> = {
  // branch
  Source: (
    <>
      <circle cx="5" cy="4" r="1.6" />
      <circle cx="5" cy="12" r="1.6" />
      <circle cx="11" cy="6" r="1.6" />
      <path d="M5 5.6v4.8M11 7.6c0 2-2 2.4-6 2.8" />
    </>
  ),
  // hammer
  Build: <path d="M3 13l6-6M7.5 3.5l5 5M9 2l5 5-2 2-5-5z" />,
  // flask
  Test: <path d="M6 2.5h4M6.8 2.5v4L3.5 12.5a1 1 0 00.9 1.5h7.2a1 1 0 00.9-1.5L9.2 6.5v-4M5 10h6" />,
  // upload arrow into tray
  Deploy: <path d="M8 10V2.5M5 5.5l3-3 3 3M3 9.5v3.5h10V9.5" />,
  // lightning
  Invoke: <path d="M9 1.5L3.5 9H8l-1 5.5L12.5 7H8z" />,
  // person with check
  Approval: (
    <>
      <circle cx="6" cy="5" r="2.5" />
      <path d="M1.5 14c.5-3 2.3-4.5 4.5-4.5S10 11 10.5 14M10 9.5l1.5 1.5 3-3" />
    </>
  ),
  // chip
  Compute: <path d="M4.5 4.5h7v7h-7zM6.5 1.5v3M9.5 1.5v3M6.5 11.5v3M9.5 11.5v3M1.5 6.5h3M1.5 9.5h3M11.5 6.5h3M11.5 9.5h3" />,
};

export function CategoryIcon({ category, className = "" }: { category: ActionCategory | string | undefined; className?: string }) {
  const path = category && category in PATHS ? PATHS[category as ActionCategory] : <circle cx="8" cy="8" r="4" />;
  return (
    <svg
      viewBox="0 0 16 16"
      className={`h-4 w-4 shrink-0 ${className}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {path}
    </svg>
  );
}

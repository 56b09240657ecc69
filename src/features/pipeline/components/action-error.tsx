import type { ErrorDetails } from "@aws-sdk/client-codepipeline";
import { useEffect, useId, useRef, useState } from "react";

/**
 * A failed action's error: its first two lines, and the whole text one click, tap or key press away, in place
 * (a disclosure button, Escape closes it). The real cause of a build failure is often its last line.
 *
 * `overlay` is for graph nodes, whose size the layout fixes: the whole text opens over what lies below it (the
 * node is raised above its neighbours, pipeline.css), scrolling when longer; elsewhere the text just grows.
 * The text is selectable, and selecting it neither drags nor pans the graph (React Flow's nodrag/nopan/nowheel).
 */
export function ActionError({ error, actionName, overlay = false }: { error: ErrorDetails; actionName: string; overlay?: boolean }) {
  const [open, setOpen] = useState(false);
  const [clamped, setClamped] = useState(false);
  const text = useRef<HTMLParagraphElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const openRef = useRef(open);
  const id = useId();
  useEffect(() => {
    openRef.current = open;
  }, [open]);

  // Offer the button only when two lines do not hold the text; measured while closed (open, it is never cut).
  useEffect(() => {
    const element = text.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (!openRef.current) setClamped(element.scrollHeight > element.clientHeight + 1);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const floating = open && overlay;
  return (
    // The placeholder keeps the two lines' room while the text floats above it.
    <div className={`action-error relative ${overlay ? "min-h-[2lh]" : ""}`} data-open={open}>
      <div
        // Focusable by script and click only (not in the tab order), so Escape reaches it after a click in the text.
        tabIndex={open ? -1 : undefined}
        className={`flex gap-1 outline-none ${floating ? "nodrag nopan nowheel absolute inset-x-0 top-0 z-10 max-h-56 flex-col items-stretch overflow-y-auto rounded-md border border-red-500 bg-white p-1.5 shadow-lg dark:border-red-400 dark:bg-slate-900" : ""}`}
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !open) return;
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }}
      >
        <p
          ref={text}
          id={id}
          className={`nodrag nopan min-w-0 flex-1 cursor-text text-red-800 [overflow-wrap:anywhere] select-text dark:text-red-300 ${open ? "whitespace-pre-wrap" : "line-clamp-2"}`}
        >
          {error.code ? (
            <span className="font-semibold">
              {/* Text from AWS sits in <bdi>: a right-to-left override in it must not reorder what is around it. */}
              <bdi>{error.code}</bdi>:{" "}
            </span>
          ) : null}
          <bdi>{error.message}</bdi>
        </p>
        {(clamped || open) && (
          <button
            ref={button}
            type="button"
            aria-expanded={open}
            aria-controls={id}
            onClick={() => setOpen(!open)}
            className={`nodrag nopan shrink-0 rounded border border-red-400 bg-white px-1 font-medium text-red-800 hover:bg-red-50 dark:border-red-500 dark:bg-slate-900 dark:text-red-200 dark:hover:bg-red-950 ${floating ? "sticky top-0 order-first self-end" : "self-start"}`}
          >
            Full error<span className="sr-only"> of {actionName}</span>
            <span aria-hidden="true" className={`ml-0.5 inline-block ${open ? "rotate-180" : ""}`}>
              ▾
            </span>
          </button>
        )}
      </div>
    </div>
  );
}

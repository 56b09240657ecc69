/**
 * The app's one set of button, field and text looks (contrast checked by axe in e2e, light and dark). Pages and
 * dialogs take their classes from here, adding only layout (margins, widths).
 */

/** A text input, textarea or select inside a form or dialog; red border while `aria-invalid`. */
export const inputClass =
  "w-full rounded-md border border-zinc-400 bg-white px-2 py-1.5 text-sm text-zinc-900 focus:outline-2 focus:outline-sky-600 aria-invalid:border-red-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:aria-invalid:border-red-400";
/** A search box or select in a toolbar (sized by its content, not the form). */
export const fieldClass =
  "rounded-md border border-zinc-400 bg-white px-3 py-1.5 text-sm dark:border-zinc-600 dark:bg-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-700";

export const primaryButton =
  "rounded-md bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-sky-500 dark:text-zinc-950 dark:hover:bg-sky-400";
/** Destructive or refusing: stop, disable, delete, reject. */
export const dangerButton =
  "rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-red-500 dark:text-zinc-950 dark:hover:bg-red-400";
export const approveButton =
  "rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-emerald-500 dark:text-zinc-950 dark:hover:bg-emerald-400";
/** Added to the primary actions (approve, reject, release, stop, their confirmations): 44 px to tap. */
export const primaryActionSize = "inline-flex min-h-11 items-center justify-center px-4";
/** Everything else, links that act like buttons included. */
export const secondaryButton =
  "rounded-md border border-zinc-400 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-600 dark:hover:bg-zinc-800";

export const linkClass = "text-sky-800 underline decoration-sky-800/40 hover:decoration-sky-800 dark:text-sky-300 dark:decoration-sky-300/40";
export const mutedText = "text-zinc-600 dark:text-zinc-400";

/** The inbox's button and field looks (same palette as the rest of the app; contrast checked by axe in e2e). */
export const inputClass =
  "w-full rounded-md border border-zinc-400 bg-white px-2 py-1.5 text-sm text-zinc-900 focus:outline-2 focus:outline-sky-600 aria-invalid:border-red-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:aria-invalid:border-red-400";
export const approveButton =
  "rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-emerald-500 dark:text-zinc-950 dark:hover:bg-emerald-400";
export const rejectButton =
  "rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-red-500 dark:text-zinc-950 dark:hover:bg-red-400";
export const secondaryButton =
  "rounded-md border border-zinc-400 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-600 dark:hover:bg-zinc-800";
export const linkClass = "text-sky-800 underline decoration-sky-800/40 hover:decoration-sky-800 dark:text-sky-300 dark:decoration-sky-300/40";
export const mutedText = "text-zinc-600 dark:text-zinc-400";

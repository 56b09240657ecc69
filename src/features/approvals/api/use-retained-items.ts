import { useState } from "react";
import type { ApprovalItem } from "./use-approval-items";

export interface ShownItem extends ApprovalItem {
  /** No longer waiting (decided here or elsewhere, expired, superseded): kept on screen, never vanishing mid-review. */
  gone: boolean;
}

/**
 * Items stay on screen for the life of the page once shown: a reviewer mid-comment or mid-confirmation keeps
 * the item (and sees why it stopped waiting), and a decision shows what happened next instead of vanishing.
 * Waiting items come first in urgency order; items no longer waiting follow. Keys include the source, so a
 * same-named approval in another account is another item.
 */
/** By content: callers may build equal items anew on every render. */
function sameItem(a: ApprovalItem | undefined, b: ApprovalItem): boolean {
  const { source: _a, ...restA } = a ?? ({} as ApprovalItem);
  const { source: _b, ...restB } = b;
  return a === b || (a !== undefined && a.source === b.source && JSON.stringify(restA) === JSON.stringify(restB));
}

export function useRetainedItems(items: ApprovalItem[]): ShownItem[] {
  const [retained, setRetained] = useState<ApprovalItem[]>([]);
  const known = new Map(retained.map((i) => [i.key, i]));
  // New items, and newer versions of known ones (their declaration arrives after they first show): a gone item
  // keeps the context it was last shown with.
  if (items.some((i) => !sameItem(known.get(i.key), i))) {
    // Render-time update from props (React's "storing information from previous renders" pattern).
    const latest = new Map(items.map((i) => [i.key, i]));
    setRetained([...retained.map((r) => latest.get(r.key) ?? r), ...items.filter((i) => !known.has(i.key))]);
  }
  const current = new Set(items.map((i) => i.key));
  return [...items.map((item) => ({ ...item, gone: false })), ...retained.filter((i) => !current.has(i.key)).map((item) => ({ ...item, gone: true }))];
}

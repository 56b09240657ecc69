import { useSyncExternalStore } from "react";

/** Opt-in browser notifications, per source, remembered in this browser. */
const key = (sourceId: string) => `codepipeline-dashboard:approvals-notify:${sourceId}`;
const listeners = new Set<() => void>();

export function notificationsSupported(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

export function notificationsEnabled(sourceId: string): boolean {
  if (!notificationsSupported() || Notification.permission !== "granted") return false;
  try {
    return localStorage.getItem(key(sourceId)) === "on";
  } catch {
    return false;
  }
}

export function setNotificationsEnabled(sourceId: string, on: boolean) {
  try {
    if (on) localStorage.setItem(key(sourceId), "on");
    else localStorage.removeItem(key(sourceId));
  } catch {
    // storage may be off (private mode): the choice then lasts until reload
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/** True when every one of the given sources notifies. */
export function useNotificationsEnabled(sourceIds: readonly string[]): boolean {
  return useSyncExternalStore(subscribe, () => sourceIds.length > 0 && sourceIds.every(notificationsEnabled), () => false);
}

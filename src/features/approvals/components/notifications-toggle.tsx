import { useState } from "react";
import { useSources } from "../../../lib/sources/source-context";
import { notificationsSupported, setNotificationsEnabled, useNotificationsEnabled } from "../../../lib/approvals/notification-settings";
import { mutedText, secondaryButton } from "../../../components/styles";

/**
 * Opt-in: asks the browser's permission on click (a user gesture). The choice is stored per source (each
 * source's poller reads its own), and this toggle, being the inbox's and the inbox spanning every source, sets
 * them all: "on" means every source notifies.
 */
export function NotificationsToggle() {
  const sources = useSources();
  const enabled = useNotificationsEnabled(sources.map((s) => s.id));
  const setAll = (on: boolean) => sources.forEach((s) => setNotificationsEnabled(s.id, on));
  const [denied, setDenied] = useState(false);
  if (!notificationsSupported()) return <p className={`text-sm ${mutedText}`}>This browser cannot show notifications.</p>;
  const toggle = async () => {
    if (enabled) return setAll(false);
    const permission = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
    setDenied(permission !== "granted");
    setAll(permission === "granted");
  };
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <button type="button" className={secondaryButton} aria-pressed={enabled} onClick={() => void toggle()}>
        {enabled ? "Notifications on" : "Turn on notifications"}
      </button>
      <span className={mutedText}>
        {denied || Notification.permission === "denied"
          ? "The browser blocks notifications for this site; allow them in its site settings."
          : enabled
            ? "You will be notified when an approval starts waiting or a pipeline fails."
            : "Get a browser notification when an approval starts waiting or a pipeline fails."}
      </span>
    </div>
  );
}

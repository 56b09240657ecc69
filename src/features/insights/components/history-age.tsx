import { RelativeTime } from "../../../components/relative-time";
import { secondaryButton } from "../../../components/styles";

/** How old the newest history shown is (a reload within minutes serves this browser's cache), and a way to read on. */
export function HistoryAge({ readAt, onReadNew }: { readAt: number | undefined; onReadNew: () => void }) {
  if (readAt === undefined) return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span>
        Newest executions read <RelativeTime date={new Date(readAt)} />
      </span>
      <button type="button" className={`${secondaryButton} py-0.5 text-xs`} onClick={onReadNew}>
        Read new executions
      </button>
    </span>
  );
}

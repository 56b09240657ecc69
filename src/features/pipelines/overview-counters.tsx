import type { HealthCounts } from "../../core/filter";
import type { PipelineHealth } from "../../core/status";
import { HealthIcon } from "../../components/icons";
import { HEALTH_STYLES } from "../../components/health-badge";

const COUNTERS: { key: keyof HealthCounts; label: string; health?: PipelineHealth }[] = [
  { key: "failed", label: "Failing", health: "failed" },
  { key: "inProgress", label: "In progress", health: "in-progress" },
  { key: "waitingForApproval", label: "Waiting for approval", health: "waiting-for-approval" },
  { key: "total", label: "Total" },
];

/** Each counter doubles as a filter: one click shows just those pipelines. */
export function OverviewCounters({
  counts,
  active,
  onSelect,
}: {
  counts: HealthCounts;
  active: PipelineHealth | "";
  onSelect: (status: PipelineHealth | "") => void;
}) {
  return (
    <ul aria-label="Pipeline counts" className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:gap-3">
      {COUNTERS.map(({ key, label, health }) => {
        const pressed = health ? active === health : active === "";
        const tint = health && counts[key] > 0 ? HEALTH_STYLES[health] : HEALTH_STYLES.unknown;
        return (
          <li key={key}>
            <button
              type="button"
              aria-pressed={pressed}
              onClick={() => onSelect(health && !pressed ? health : "")}
              className={`flex h-full w-full items-center gap-2 rounded-lg sm:w-auto px-3 py-2 text-left ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 ${tint} ${
                pressed ? "ring-2 ring-current" : ""
              }`}
            >
              {health && <HealthIcon health={health} className="text-lg" />}
              <span className="text-2xl font-bold tabular-nums">{counts[key]}</span>{" "}
              <span className="text-sm">{label}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

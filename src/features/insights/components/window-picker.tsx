import { WINDOW_DAYS, type WindowDays } from "../../../core/insights/window";
import { fieldClass } from "../../../components/styles";

export const WINDOW_LABELS: Record<WindowDays, string> = { 7: "7 days", 30: "30 days", 90: "90 days", 365: "12 months" };

export function WindowPicker({ days, onChange }: { days: WindowDays; onChange: (days: WindowDays) => void }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      Window
      <select value={days} onChange={(e) => onChange(Number(e.target.value) as WindowDays)} className={fieldClass}>
        {WINDOW_DAYS.map((d) => (
          <option key={d} value={d}>
            {WINDOW_LABELS[d]}
          </option>
        ))}
      </select>
    </label>
  );
}

import { useSearchParams } from "react-router";
import { WINDOW_DAYS, type WindowDays } from "../../../core/insights/window";

const PRODUCTION_KEY = "codepipeline-dashboard:insights-production";

/** The chosen window (`?window=`, default 30 days), kept in the URL so a view can be shared. */
export function useWindowDays(): [WindowDays, (days: WindowDays) => void] {
  const [search, setSearch] = useSearchParams();
  const raw = Number(search.get("window"));
  const days = (WINDOW_DAYS as readonly number[]).includes(raw) ? (raw as WindowDays) : 30;
  return [
    days,
    (next) => {
      const params = new URLSearchParams(search);
      params.set("window", String(next));
      setSearch(params, { replace: true });
    },
  ];
}

function storedProductions(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(PRODUCTION_KEY) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** A pipeline's production stage: `?prod=` first, then what was chosen before (local storage), else the default. */
export function useProductionStage(sourceId: string, pipeline: string): [string | undefined, (stage: string | undefined) => void] {
  const [search, setSearch] = useSearchParams();
  const key = `${sourceId}|${pipeline}`;
  const chosen = search.get("prod") ?? storedProductions()[key];
  return [
    chosen ?? undefined,
    (stage) => {
      const all = storedProductions();
      if (stage) all[key] = stage;
      else delete all[key];
      try {
        localStorage.setItem(PRODUCTION_KEY, JSON.stringify(all));
      } catch {
        // The URL still holds it.
      }
      const params = new URLSearchParams(search);
      if (stage) params.set("prod", stage);
      else params.delete("prod");
      setSearch(params, { replace: true });
    },
  ];
}

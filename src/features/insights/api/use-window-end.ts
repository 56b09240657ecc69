import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { isInsightsHistory, readNewHistory } from "../../../lib/insights/history-queries";

/**
 * When the window ends: when the page opened, so the figures do not move while history arrives, and now again
 * when the reader asks for new executions (which also reads past the cache's freshness).
 */
export function useWindowEnd(): [number, () => Promise<void>] {
  const queryClient = useQueryClient();
  const [end, setEnd] = useState(Date.now);
  const readNew = useCallback(async () => {
    readNewHistory();
    setEnd(Date.now());
    await queryClient.invalidateQueries({ predicate: isInsightsHistory });
  }, [queryClient]);
  return [end, readNew];
}

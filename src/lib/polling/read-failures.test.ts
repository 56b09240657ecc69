import { QueryClient, QueryObserver, queryOptions } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { codepipelineKeys } from "../aws/query-keys";
import { failuresInRow, trackReadFailures } from "./read-failures";

const dev = { id: "dev" };
const prodEu = { id: "prod-eu" };

/** A read that fails while `down` says so, counting its calls. */
function read(down: () => boolean) {
  let calls = 0;
  const queryFn = async () => {
    calls++;
    if (down()) throw new Error("ServiceUnavailableException");
    return { calls };
  };
  return { queryFn, calls: () => calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("failuresInRow", () => {
  it("counts failed reads in a row, which React Query's fetchFailureCount does not, and starts over after a success", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const stop = trackReadFailures(client);
    let down = true;
    const { queryFn } = read(() => down);
    const queryKey = codepipelineKeys.state(dev, "web");
    const options = queryOptions({ queryKey, queryFn, staleTime: 0 });
    const fetch = () => client.fetchQuery(options).catch(() => undefined);
    const query = () => client.getQueryCache().find({ queryKey, exact: true });
    for (const expected of [1, 2, 3]) {
      await fetch();
      expect(failuresInRow(query())).toBe(expected);
      // What React Query counts: this fetch's attempts only.
      expect(query()?.state.fetchFailureCount).toBe(1);
    }
    down = false;
    await fetch();
    expect(failuresInRow(query())).toBe(0);
    down = true;
    await fetch();
    expect(failuresInRow(query())).toBe(1);
    expect(failuresInRow(undefined)).toBe(0);
    stop();
  });
});

describe("trackReadFailures", () => {
  it("sends every failing read of a source again as soon as one of its reads succeeds again, and only that source's", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const stop = trackReadFailures(client);
    let euDown = true;
    const euState = read(() => euDown);
    const euList = read(() => euDown);
    const devList = read(() => true);
    // Watched, never polled by themselves: only the recovery can send them again.
    const watch = (queryKey: readonly unknown[], queryFn: () => Promise<unknown>) => {
      const observer = new QueryObserver(client, { queryKey, queryFn, staleTime: Infinity, refetchOnWindowFocus: false });
      return observer.subscribe(() => undefined);
    };
    const unwatch = [
      watch(codepipelineKeys.state(prodEu, "orders"), euState.queryFn),
      watch(codepipelineKeys.pipelines(prodEu), euList.queryFn),
      watch(codepipelineKeys.pipelines(dev), devList.queryFn),
    ];
    await settle();
    expect([euState.calls(), euList.calls(), devList.calls()]).toEqual([1, 1, 1]);

    // The region is back: the state's next poll succeeds; the list follows at once, not at its next poll.
    euDown = false;
    await client.refetchQueries({ queryKey: codepipelineKeys.state(prodEu, "orders") });
    await settle();
    expect(euList.calls()).toBe(2);
    expect(client.getQueryState(codepipelineKeys.pipelines(prodEu))?.status).toBe("success");
    // Another source's failure is its own: still failing, not sent again.
    expect(devList.calls()).toBe(1);

    // A success that ends no failure sends nothing.
    await client.refetchQueries({ queryKey: codepipelineKeys.state(prodEu, "orders") });
    await settle();
    expect([euList.calls(), devList.calls()]).toEqual([2, 1]);
    unwatch.forEach((off) => off());
    stop();
  });
});

// @vitest-environment happy-dom
import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useStickyErrors, type Answer } from "./use-sticky-errors";

const refused = new Error("AccessDenied: may not assume the role");

describe("useStickyErrors", () => {
  it("keeps a query's error through the retries that clear it, until data comes", () => {
    const { result, rerender } = renderHook((answers: Answer[]) => useStickyErrors(answers), {
      initialProps: [{ key: "prod", data: undefined, error: refused }] as Answer[],
    });
    expect(result.current.get("prod")).toBe(refused);
    // React Query's retry round: back to pending, no error, no data.
    rerender([{ key: "prod", data: undefined, error: null }]);
    expect(result.current.get("prod")).toBe(refused);
    rerender([{ key: "prod", data: [], error: null }]);
    expect(result.current.has("prod")).toBe(false);
  });

  it("shows the latest error, and keeps each key apart", () => {
    const later = new Error("Throttling");
    const { result, rerender } = renderHook((answers: Answer[]) => useStickyErrors(answers), {
      initialProps: [
        { key: "dev", data: undefined, error: refused },
        { key: "prod", data: ["ok"], error: null },
      ],
    });
    rerender([
      { key: "dev", data: undefined, error: later },
      { key: "prod", data: ["ok"], error: null },
    ]);
    expect([...result.current]).toEqual([["dev", later]]);
  });

  it("returns the same map while nothing changes, so memoized consumers stay put", () => {
    const answers = [{ key: "prod", data: undefined, error: refused }];
    const { result, rerender } = renderHook((a: Answer[]) => useStickyErrors(a), { initialProps: answers });
    const first = result.current;
    rerender([{ key: "prod", data: undefined, error: refused }]);
    expect(result.current).toBe(first);
  });
});

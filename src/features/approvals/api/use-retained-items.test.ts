// @vitest-environment happy-dom
import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Source } from "../../../lib/aws/source";
import type { ApprovalItem } from "./use-approval-items";
import { useRetainedItems } from "./use-retained-items";

const source = { id: "prod" } as Source;
const item = (key: string): ApprovalItem => ({
  key,
  source,
  approval: { key, pipelineName: key, stageName: "Approve", actionName: "Gate", parallel: false, newer: [] },
});

describe("useRetainedItems", () => {
  it("keeps an item that stopped waiting on screen, marked gone, after the waiting ones", () => {
    const { result, rerender } = renderHook((items: ApprovalItem[]) => useRetainedItems(items), { initialProps: [item("a"), item("b")] });
    expect(result.current.map((i) => [i.key, i.gone])).toEqual([
      ["a", false],
      ["b", false],
    ]);
    rerender([item("b")]);
    expect(result.current.map((i) => [i.key, i.gone])).toEqual([
      ["b", false],
      ["a", true],
    ]);
  });

  it("brings a gone item back as waiting when it waits again, and adds new ones", () => {
    const { result, rerender } = renderHook((items: ApprovalItem[]) => useRetainedItems(items), { initialProps: [item("a")] });
    rerender([]);
    rerender([item("c"), item("a")]);
    expect(result.current.map((i) => [i.key, i.gone])).toEqual([
      ["c", false],
      ["a", false],
    ]);
  });
});

describe("an item that stops waiting", () => {
  it("keeps what was last known of it (its declaration read after it first showed), not its first version", () => {
    const first = item("a");
    const withContext: ApprovalItem = { ...first, info: { customData: "Check staging", timeoutMinutes: 60, declaredTimeout: true } };
    const { result, rerender } = renderHook((items: ApprovalItem[]) => useRetainedItems(items), { initialProps: [first] });
    rerender([withContext]);
    rerender([]);
    expect(result.current).toEqual([{ ...withContext, gone: true }]);
  });
});

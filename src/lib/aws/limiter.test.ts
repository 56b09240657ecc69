import { describe, expect, it } from "vitest";
import { createLimiter } from "./limiter";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The slot is released just after the task's promise settles. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createLimiter", () => {
  it("never runs more than `concurrency` tasks at once", async () => {
    const limiter = createLimiter(2);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    await Promise.all(Array.from({ length: 10 }, () => limiter.run(task)));
    await settled();
    expect(peak).toBe(2);
    expect(limiter.size()).toBe(0);
  });

  it("starts urgent tasks first, judging urgency when a slot frees up", async () => {
    const limiter = createLimiter(1);
    const gate = deferred();
    const order: string[] = [];
    const visible = new Set<string>();
    const run = (name: string) =>
      limiter.run(async () => void order.push(name), { urgent: () => visible.has(name) });
    const blocker = limiter.run(() => gate.promise);
    const all = [run("a"), run("b"), run("c")];
    visible.add("c"); // scrolled into view after being queued
    gate.resolve();
    await Promise.all([blocker, ...all]);
    expect(order).toEqual(["c", "a", "b"]);
  });

  it("serves background tasks last and visible ones first, whatever their order", async () => {
    const limiter = createLimiter(1);
    const gate = deferred();
    const order: string[] = [];
    const run = (name: string, priority?: "visible" | "normal" | "background") => limiter.run(async () => void order.push(name), { priority });
    const blocker = limiter.run(() => gate.promise);
    const all = [run("log", "background"), run("state"), run("panel", "visible"), run("list", "normal")];
    gate.resolve();
    await Promise.all([blocker, ...all]);
    expect(order).toEqual(["panel", "state", "list", "log"]);
  });

  it("drops an aborted task from the queue and rejects it", async () => {
    const limiter = createLimiter(1);
    const gate = deferred();
    const blocker = limiter.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const aborted = limiter.run(async () => void (ran = true), { signal: controller.signal });
    controller.abort(new Error("gone"));
    await expect(aborted).rejects.toThrow("gone");
    gate.resolve();
    await blocker;
    await settled();
    expect(ran).toBe(false);
    expect(limiter.size()).toBe(0);
  });

  it("keeps going after a task fails", async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limiter.run(async () => 42)).resolves.toBe(42);
  });
});

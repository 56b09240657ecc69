import type { Clock } from "./core";

/**
 * Simulated time. `manual`: time moves only when the engine sets it; `real`: it flows with the
 * wall clock times `speed` from the last anchor. The engine re-anchors while it runs due events so
 * every event happens at exactly its due time.
 */
export class SimClock implements Clock {
  private anchorSim: number;
  private anchorReal = Date.now();

  constructor(
    readonly mode: "real" | "manual",
    readonly speed: number,
    start: number,
  ) {
    this.anchorSim = start;
  }

  nowMs(): number {
    return this.mode === "manual" ? this.anchorSim : this.anchorSim + (Date.now() - this.anchorReal) * this.speed;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  set(ms: number): void {
    this.anchorSim = ms;
    this.anchorReal = Date.now();
  }
}

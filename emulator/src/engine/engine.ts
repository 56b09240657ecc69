import type { ScenarioPipeline } from "../scenario/types";
import type { ExecutionRecord, PipelineRecord, WorldRecord } from "../state/records";
import { emptyWorld, type Scope, scopeKey } from "../state/world";
import type { SimClock } from "./clock";
import { Random } from "./random";
import { type Timer, type TimerEvent, TimerQueue } from "./timers";

/** What a timer does when it comes due; registered by the lifecycle modules (see ./dispatch). */
export type TimerHandler = (engine: Engine, pipeline: PipelineRecord, event: TimerEvent) => void;

export interface EngineSnapshot {
  version: 1;
  now: number;
  rngState: number;
  timers: ReturnType<TimerQueue["toJSON"]>;
  world: WorldRecord;
  timelines: Record<string, ScenarioPipeline["timeline"]>;
}

/**
 * The discrete-event simulation: simulated clock, timer queue, seeded generator and the world.
 * Every due event runs at its own simulated time, in order; nothing sleeps. The real clock arms
 * one setTimeout for the next due event.
 */
export class Engine {
  world: WorldRecord = emptyWorld();
  rng: Random;
  readonly timers = new TimerQueue();
  /** Scenario timelines by `<scope>/<pipeline>`, read when their timer events fire. */
  timelines: Record<string, ScenarioPipeline["timeline"]> = {};
  private readonly listeners = new Set<() => void>();
  /** Told which executions changed, after each timer event and each operation, at the simulated time of the change (./state-events). */
  onExecutionsChanged: ((executions: ExecutionRecord[]) => void) | undefined;
  private readonly touched = new Set<ExecutionRecord>();
  private dirty = false;
  private armed: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private running = false;

  constructor(
    readonly clock: SimClock,
    private readonly onTimer: TimerHandler,
    seed = 1,
  ) {
    this.rng = new Random(seed);
  }

  now(): number {
    return this.clock.nowMs();
  }

  schedule(due: number, event: TimerEvent): void {
    this.timers.push(due, event);
  }

  changed(execution?: ExecutionRecord): void {
    this.dirty = true;
    if (execution) this.touched.add(execution);
  }

  private reportExecutions(): void {
    if (this.touched.size === 0) return;
    const executions = [...this.touched];
    this.touched.clear();
    this.onExecutionsChanged?.(executions);
  }

  /** Runs every event due by `target`, each at its own simulated time. */
  private runUntil(target: number): void {
    if (this.running) return;
    this.running = true;
    try {
      this.reportExecutions();
      for (let next = this.timers.peek(); next && next.due <= target; next = this.timers.peek()) {
        const timer = this.timers.pop() as Timer;
        if (timer.due > this.clock.nowMs()) this.clock.set(timer.due);
        const pipeline = this.world.regions[timer.event.scope]?.pipelines[timer.event.pipeline];
        if (pipeline) this.onTimer(this, pipeline, timer.event);
        this.reportExecutions();
      }
    } finally {
      this.running = false;
    }
  }

  /** Brings the world up to the clock (the real clock's setTimeout may lag behind a read). */
  sync(): void {
    this.runUntil(this.now());
  }

  advance(ms: number): void {
    const target = this.now() + Math.max(0, ms);
    this.runUntil(target);
    this.clock.set(target);
    this.settle();
  }

  /** Jumps the clock (scenario loading); only valid on an empty world. */
  setTime(ms: number): void {
    this.clock.set(ms);
  }

  /** After each operation: tell listeners and re-arm the real clock. */
  settle(): void {
    this.sync();
    this.reportExecutions();
    if (this.dirty) {
      this.dirty = false;
      for (const listener of [...this.listeners]) listener();
    }
    this.arm();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    if (this.armed) clearTimeout(this.armed);
    this.armed = undefined;
  }

  private arm(): void {
    if (this.armed) clearTimeout(this.armed);
    this.armed = undefined;
    const next = this.timers.peek();
    if (this.closed || this.clock.mode !== "real" || !next) return;
    const delay = Math.min(2 ** 31 - 1, Math.max(0, (next.due - this.now()) / this.clock.speed));
    this.armed = setTimeout(() => {
      this.armed = undefined;
      this.settle();
    }, delay);
    this.armed.unref?.();
  }

  reset(seed = 1): void {
    this.world = emptyWorld();
    this.timers.clear();
    this.timelines = {};
    this.rng = new Random(seed);
    this.changed();
  }

  /** Remembers the world as it is now, without copying it; the returned function puts it back. */
  checkpoint(): () => void {
    const { world, timelines, rng } = this;
    const timers = this.timers.toJSON();
    const now = this.now();
    return () => {
      Object.assign(this, { world, timelines, rng });
      this.timers.load(timers);
      this.clock.set(now);
      this.changed();
    };
  }

  snapshot(): EngineSnapshot {
    return structuredClone({
      version: 1,
      now: this.now(),
      rngState: this.rng.state,
      timers: this.timers.toJSON(),
      world: this.world,
      timelines: this.timelines,
    });
  }

  restore(snapshot: EngineSnapshot): void {
    const copy = structuredClone(snapshot);
    this.world = copy.world;
    this.rng = new Random(copy.rngState);
    this.timers.load(copy.timers);
    this.timelines = copy.timelines ?? {};
    // Simulated time never runs backwards: a restored world resumes from the later of the two.
    if (copy.now > this.now()) this.clock.set(copy.now);
    this.changed();
  }

  timelineKey(scope: Scope, pipeline: string): string {
    return `${scopeKey(scope)}/${pipeline}`;
  }
}

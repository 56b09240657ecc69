/**
 * Timers are data, not closures, so the queue survives snapshot/restore: the engine dispatches
 * each by `kind`. Handlers re-check state when they fire (a cancelled run simply finds nothing to do).
 */
export type TimerEvent =
  | { kind: "actionDue"; scope: string; pipeline: string; actionExecutionId: string }
  | { kind: "ruleDue"; scope: string; pipeline: string; ruleExecutionId: string }
  | { kind: "stopSettle"; scope: string; pipeline: string; executionId: string }
  | { kind: "traffic"; scope: string; pipeline: string }
  | { kind: "timeline"; scope: string; pipeline: string; index: number }
  | { kind: "jobAckTimeout"; scope: string; pipeline: string; jobId: string; dispatchedAt: number }
  | { kind: "jobActionTimeout"; scope: string; pipeline: string; actionExecutionId: string };

export interface Timer {
  due: number;
  seq: number;
  event: TimerEvent;
}

/** A binary heap ordered by due time, then by insertion (events at the same instant keep their order). */
export class TimerQueue {
  private heap: Timer[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(due: number, event: TimerEvent): void {
    this.heap.push({ due, seq: this.seq++, event });
    this.up(this.heap.length - 1);
  }

  peek(): Timer | undefined {
    return this.heap[0];
  }

  pop(): Timer | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  clear(): void {
    this.heap = [];
  }

  toJSON(): { seq: number; timers: Timer[] } {
    return { seq: this.seq, timers: [...this.heap] };
  }

  load(data: { seq: number; timers: Timer[] }): void {
    this.seq = data.seq;
    this.heap = [];
    for (const t of data.timers) {
      this.heap.push(t);
      this.up(this.heap.length - 1);
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(this.heap[i], this.heap[p])) return;
      [this.heap[i], this.heap[p]] = [this.heap[p], this.heap[i]];
      i = p;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.less(this.heap[l], this.heap[m])) m = l;
      if (r < this.heap.length && this.less(this.heap[r], this.heap[m])) m = r;
      if (m === i) return;
      [this.heap[i], this.heap[m]] = [this.heap[m], this.heap[i]];
      i = m;
    }
  }
}

/**
 * How soon a request should go: "visible" (on screen now) before "normal" before "background" (history reads
 * for insights, which must never hold up what is on screen).
 */
export type RequestPriority = "visible" | "normal" | "background";

const RANK: Record<RequestPriority, number> = { visible: 0, normal: 1, background: 2 };

/**
 * At most `concurrency` tasks run at once; waiting tasks of on-screen pipelines go first, background ones last.
 * Priority is read when a slot frees up, not when the task was queued, so a row scrolled into view overtakes the
 * background sweep that queued earlier. (p-queue fixes priority at enqueue time and costs 4 KB gzip on the first page.)
 */
export interface Limiter {
  run<T>(
    task: (signal: AbortSignal | undefined) => Promise<T>,
    options?: { signal?: AbortSignal; urgent?: () => boolean; priority?: RequestPriority },
  ): Promise<T>;
  /** Waiting plus running. */
  size(): number;
}

interface Waiting {
  start: () => void;
  rank: () => number;
}

export function createLimiter(concurrency: number): Limiter {
  let running = 0;
  const queue: Waiting[] = [];

  function next() {
    while (running < concurrency && queue.length > 0) {
      let index = 0;
      let best = queue[0].rank();
      for (let i = 1; i < queue.length && best > 0; i++) {
        const rank = queue[i].rank();
        if (rank < best) [index, best] = [i, rank];
      }
      const [waiting] = queue.splice(index, 1);
      waiting.start();
    }
  }

  return {
    size: () => running + queue.length,
    run(task, { signal, urgent = () => false, priority = "normal" } = {}) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const waiting: Waiting = {
          rank: () => (urgent() ? 0 : RANK[priority]),
          start: () => {
            signal?.removeEventListener("abort", onAbort);
            running++;
            task(signal)
              .then(resolve, reject)
              .finally(() => {
                running--;
                next();
              });
          },
        };
        const onAbort = () => {
          const index = queue.indexOf(waiting);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(waiting);
        next();
      });
    },
  };
}

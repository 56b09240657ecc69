/**
 * At most `concurrency` tasks run at once; waiting tasks of on-screen pipelines go first, "background" ones
 * (logs) last. Priority is read when a slot frees up, not when the task was queued, so a row scrolled into view
 * overtakes the background sweep that queued earlier. (p-queue fixes priority at enqueue time and costs 4 KB gzip
 * on the first page.)
 */
export type Priority = "visible" | "normal" | "background";

export interface Limiter {
  run<T>(
    task: (signal: AbortSignal | undefined) => Promise<T>,
    options?: { signal?: AbortSignal; urgent?: () => boolean; priority?: Priority },
  ): Promise<T>;
  /** Waiting plus running. */
  size(): number;
}

interface Waiting {
  start: () => void;
  /** 0 first: visible or urgent now; 1 normal; 2 background. */
  rank: () => number;
}

export function createLimiter(concurrency: number): Limiter {
  let running = 0;
  const queue: Waiting[] = [];

  function next() {
    while (running < concurrency && queue.length > 0) {
      let index = 0;
      for (let i = 0, best = Infinity; i < queue.length && best > 0; i++) {
        const rank = queue[i].rank();
        if (rank < best) [best, index] = [rank, i];
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
          rank: () => (priority === "background" ? 2 : priority === "visible" || urgent() ? 0 : 1),
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

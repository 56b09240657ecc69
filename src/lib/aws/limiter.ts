/**
 * At most `concurrency` tasks run at once; waiting tasks of on-screen pipelines go first. Priority is read when
 * a slot frees up, not when the task was queued, so a row scrolled into view overtakes the background sweep
 * that queued earlier. (p-queue fixes priority at enqueue time and costs 4 KB gzip on the first page.)
 */
export interface Limiter {
  run<T>(task: (signal: AbortSignal | undefined) => Promise<T>, options?: { signal?: AbortSignal; urgent?: () => boolean }): Promise<T>;
  /** Waiting plus running. */
  size(): number;
}

interface Waiting {
  start: () => void;
  urgent: () => boolean;
}

export function createLimiter(concurrency: number): Limiter {
  let running = 0;
  const queue: Waiting[] = [];

  function next() {
    while (running < concurrency && queue.length > 0) {
      const index = Math.max(0, queue.findIndex((w) => w.urgent()));
      const [waiting] = queue.splice(index, 1);
      waiting.start();
    }
  }

  return {
    size: () => running + queue.length,
    run(task, { signal, urgent = () => false } = {}) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const waiting: Waiting = {
          urgent,
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

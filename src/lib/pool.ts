/**
 * The worker pool: jobs run with at most `size` in flight, results come back in
 * the order the jobs were added (whatever order they finish in). Jobs may be
 * added while others run.
 */
export interface WorkQueue<R> {
  /** Queues one job. */
  add(job: () => Promise<R>): void;
  /** Every job's result in the order added, once all have settled; the first failure rejects. */
  drain(): Promise<R[]>;
}

export function workQueue<R>(size: number): WorkQueue<R> {
  const jobs: (() => Promise<R>)[] = [];
  const out: R[] = [];
  const limit = Math.max(1, size);
  let next = 0;
  let running = 0;
  let failure: { error: Error } | undefined;
  let idle: (() => void) | undefined;
  const pump = (): void => {
    while (running < limit && next < jobs.length && !failure) {
      const index = next++;
      running++;
      new Promise<R>((run) => run(jobs[index]!())).then(
        (r) => {
          out[index] = r;
          settle();
        },
        (error: unknown) => {
          failure ??= { error: error instanceof Error ? error : new Error(String(error)) };
          settle();
        },
      );
    }
    if (running === 0 && (next === jobs.length || failure)) idle?.();
  };
  const settle = (): void => {
    running--;
    pump();
  };
  return {
    add(job) {
      jobs.push(job);
      pump();
    },
    drain() {
      return new Promise<R[]>((resolve, reject) => {
        idle = () => (failure ? reject(failure.error) : resolve(out));
        pump();
      });
    },
  };
}

/** Runs `work` over items with at most `size` in flight; results in the items' order. */
export async function mapPool<T, R>(
  items: readonly T[],
  size: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const q = workQueue<R>(Math.min(size, items.length));
  items.forEach((item, index) => q.add(() => work(item, index)));
  return q.drain();
}

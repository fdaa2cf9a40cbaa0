// Every figure in the bench is a median of several runs: one slow run (a GC pause, a noisy neighbour on a shared
// machine) must not move the number.
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Wall time of one call, in milliseconds. */
export async function timeIt(work: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Median wall time of `runs` calls after `warmup` unmeasured ones, in milliseconds. */
export async function medianTime(runs: number, work: () => unknown | Promise<unknown>, warmup = 1): Promise<{ median: number; samples: number[] }> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeIt(work));
  return { median: median(samples), samples };
}

/**
 * Operations per second: `step(i)` is called repeatedly for about `windowMs`, `samples` times (after one warm-up
 * window, so the JIT has compiled the hot path), and the median rate is returned.
 */
export function medianRate(step: (i: number) => void, options: { samples?: number; windowMs?: number } = {}): { median: number; samples: number[] } {
  const samplesWanted = options.samples ?? 7;
  const windowMs = options.windowMs ?? 300;
  const rates: number[] = [];
  let i = 0;
  for (let s = -1; s < samplesWanted; s++) {
    const start = performance.now();
    let count = 0;
    let elapsed = 0;
    // Check the clock every 64 steps so reading it does not dominate a fast step.
    while (elapsed < windowMs) {
      for (let k = 0; k < 64; k++) step(i++);
      count += 64;
      elapsed = performance.now() - start;
    }
    if (s >= 0) rates.push((count * 1000) / elapsed);
  }
  return { median: median(rates), samples: rates };
}

import { performance } from 'node:perf_hooks';

// Progress of long benchmark phases on stderr, one line each, so stdout keeps only the JSON line.

export function note(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Runs one phase, then reports how long it took. */
export async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  note(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

/** The p-th percentile (0..100) of `samples`, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;

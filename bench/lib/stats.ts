/** Small helpers shared by the benchmarks: timing, percentiles, one-line reports. */
export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return NaN;
  const idx = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[idx] as number;
}

export async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

export function summary(label: string, sortedMs: number[]): string {
  const f = (x: number) => x.toFixed(2).padStart(8);
  return `${label.padEnd(44)} n=${String(sortedMs.length).padStart(5)}  p50=${f(percentile(sortedMs, 50))} ms  p95=${f(
    percentile(sortedMs, 95),
  )} ms  p99=${f(percentile(sortedMs, 99))} ms`;
}

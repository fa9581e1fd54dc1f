/**
 * Operations per second of an async check: every call's answer is verified (a false answer throws),
 * and the count is divided by the time actually elapsed, not the nominal window.
 */
export async function verifiedRate(
  label: string,
  fn: () => Promise<boolean>,
  opts: { ms: number; warmup?: number },
): Promise<number> {
  for (let i = 0; i < (opts.warmup ?? 0); i++) if (!(await fn())) throw new Error(`${label}: failed a check`);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < opts.ms) {
    if (!(await fn())) throw new Error(`${label}: failed a check`);
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

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

/**
 * Items per second of an async step that handles several at once (a batch): `fn` returns how many it
 * did (0 or fewer throws), summed and divided by the time actually elapsed.
 */
export async function itemsRate(
  label: string,
  fn: () => Promise<number>,
  opts: { ms: number; warmup?: number },
): Promise<number> {
  for (let i = 0; i < (opts.warmup ?? 0); i++)
    if (!((await fn()) > 0)) throw new Error(`${label}: did nothing`);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < opts.ms) {
    const did = await fn();
    if (!(did > 0)) throw new Error(`${label}: did nothing`);
    n += did;
  }
  return n / ((performance.now() - start) / 1000);
}

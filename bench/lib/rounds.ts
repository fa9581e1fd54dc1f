/**
 * Alternating rounds: the reference and the product run in turn, `rounds` times, the order swapped every
 * round (A B, B A, …) so neither always runs first on a warming or drifting machine. Each measurement
 * returns a speed (higher is better: requests/s, rows/s, 1/latency); the ratio is product ÷ reference.
 */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return { median: NaN, min: NaN, max: NaN };
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s.at(-1)! };
}

export const fmtSpread = (s: Spread, digits = 2, unit = '') =>
  `${s.median.toFixed(digits)}${unit} (range ${s.min.toFixed(digits)}–${s.max.toFixed(digits)}${unit})`;

export async function alternate<R>(
  rounds: number,
  reference: (round: number) => Promise<R>,
  product: (round: number) => Promise<R>,
  speed: (r: R) => number,
  onRound?: (round: number, ref: R, prod: R, ratio: number) => void,
): Promise<{ refs: R[]; products: R[]; ratios: number[] }> {
  const refs: R[] = [];
  const products: R[] = [];
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    let ref: R;
    let prod: R;
    if (round % 2) {
      ref = await reference(round);
      prod = await product(round);
    } else {
      prod = await product(round);
      ref = await reference(round);
    }
    refs.push(ref);
    products.push(prod);
    const ratio = speed(prod) / speed(ref);
    ratios.push(ratio);
    onRound?.(round, ref, prod, ratio);
  }
  return { refs, products, ratios };
}

/** The closing line every benchmark prints: product ÷ reference, median and range, and its goal. */
export function ratioLine(what: string, ratios: number[], goal: string): string {
  return `RESULT ${what}: product ÷ reference = ${fmtSpread(spread(ratios), 2, '×')} over ${ratios.length} rounds; goal ${goal}`;
}

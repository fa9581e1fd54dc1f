/** Command-line options shared by the benchmarks: `--name value` and bare `--flag`. */
export function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
}

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/** The first bare (non-option) argument as a number, for the benches that took `bench.ts 100000`. */
export function positional(dflt: number): number {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i]!.startsWith('--')) {
      i++;
      continue;
    }
    return Number(args[i]);
  }
  return dflt;
}

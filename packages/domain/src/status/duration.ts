// Compact durations used in rule data: '90m', '72h', '14d'.
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds, or null when the text is not `<positive integer><m|h|d>`. */
export function parseDuration(text: string): number | null {
  const m = /^([1-9]\d{0,5})([mhd])$/.exec(text);
  return m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : null;
}

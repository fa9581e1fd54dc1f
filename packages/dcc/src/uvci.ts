// UVCI (unique vaccination certificate identifier) with the Luhn mod N check character (eHN guidelines, Annex 2).
const CHARSET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:';
const N = CHARSET.length;
const PREFIX = 'URN:UVCI:01:';

export function luhnModNCheckChar(input: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = input.length - 1; i >= 0; i--) {
    const code = CHARSET.indexOf(input[i]!);
    if (code < 0) throw new RangeError(`character not allowed in a UVCI: ${input[i]}`);
    const addend = factor * code;
    sum += Math.floor(addend / N) + (addend % N);
    factor = factor === 2 ? 1 : 2;
  }
  return CHARSET[(N - (sum % N)) % N]!;
}

/** `URN:UVCI:01:<country>:<opaque>#<check>`; the opaque part may use A-Z, 0-9 and `/`. */
export function buildUvci(opaque: string, country = 'VN'): string {
  if (!/^[A-Z]{2}$/.test(country)) throw new RangeError('country must be ISO 3166-1 alpha-2');
  if (!/^[A-Z0-9/]+$/.test(opaque)) throw new RangeError('opaque part may only use A-Z, 0-9 and /');
  const body = `${PREFIX}${country}:${opaque}`;
  return `${body}#${luhnModNCheckChar(body)}`;
}

/** A random opaque part (Crockford-free plain A-Z0-9) for a new certificate. */
export function randomUvciOpaque(length = 20): string {
  const alphabet = CHARSET.slice(0, 36);
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((b) => alphabet[b % 36]).join('');
}

export type UvciCheck = { ok: true; country: string; hasChecksum: boolean } | { ok: false; error: string };

/** Validates the format and, when a `#` check character is present, the checksum. */
export function validateUvci(uvci: string, opts: { requireChecksum?: boolean } = {}): UvciCheck {
  const m = /^URN:UVCI:01:([A-Z]{2}):([A-Z0-9/:]+)(?:#(.))?$/.exec(uvci);
  if (!m) return { ok: false, error: 'format' };
  const check = m[3];
  if (check === undefined) {
    return opts.requireChecksum
      ? { ok: false, error: 'checksum missing' }
      : { ok: true, country: m[1]!, hasChecksum: false };
  }
  const body = uvci.slice(0, uvci.lastIndexOf('#'));
  if (luhnModNCheckChar(body) !== check) return { ok: false, error: 'checksum' };
  return { ok: true, country: m[1]!, hasChecksum: true };
}

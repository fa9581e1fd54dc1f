// Base45 (RFC 9285): the QR-alphanumeric-friendly text encoding used by HC1 payloads.
const CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export class Base45Error extends Error {}

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 2) {
    if (i + 1 < bytes.length) {
      let n = bytes[i]! * 256 + bytes[i + 1]!;
      for (let k = 0; k < 3; k++, n = Math.floor(n / 45)) out += CHARSET[n % 45];
    } else {
      const n = bytes[i]!;
      out += CHARSET[n % 45]! + CHARSET[Math.floor(n / 45)]!;
    }
  }
  return out;
}

/** Value of each character code (0–127), -1 where it is not in the alphabet. */
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) VALUE_OF[CHARSET.charCodeAt(i)] = i;
const valueAt = (text: string, i: number): number => {
  const code = text.charCodeAt(i);
  const v = code < 128 ? VALUE_OF[code]! : -1;
  if (v < 0) throw new Base45Error(`invalid Base45 character at ${i}`);
  return v;
};

export function base45Decode(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Base45Error('invalid Base45 length');
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    if (i + 2 < text.length) {
      const n = valueAt(text, i) + valueAt(text, i + 1) * 45 + valueAt(text, i + 2) * 2025;
      if (n > 0xffff) throw new Base45Error(`Base45 triplet out of range at ${i}`);
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = valueAt(text, i) + valueAt(text, i + 1) * 45;
      if (n > 0xff) throw new Base45Error(`Base45 pair out of range at ${i}`);
      out[o++] = n;
    }
  }
  return out;
}

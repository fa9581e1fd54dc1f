/**
 * Tube barcodes: `PD` + 2-digit province code ('00' for national batches) + 8-digit sequence + 1 check
 * digit, e.g. `PD01000001234` plus its check digit → 13 characters, printed as Code 128.
 * The check digit is the Luhn (mod 10) digit over the 10 digits after `PD`: it catches every single
 * mistyped digit and most swaps of neighbours when a barcode is typed by hand.
 * Sequences are per prefix and never reused (`tube_barcode_sequences`).
 */
export const BARCODE_PATTERN = /^PD\d{11}$/;
export const MAX_SEQUENCE = 99_999_999;

export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counting from the right, the check digit's neighbour first.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function makeBarcode(prefix: string, sequence: number): string {
  if (!/^\d{2}$/.test(prefix)) throw new Error('barcode prefix must be 2 digits');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new Error('barcode sequence out of range');
  }
  const body = `${prefix}${String(sequence).padStart(8, '0')}`;
  return `PD${body}${luhnDigit(body)}`;
}

/** Upper-cases and trims what a scanner or a hand typed; null when it is not a valid tube barcode. */
export function normalizeBarcode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (!BARCODE_PATTERN.test(code)) return null;
  const body = code.slice(2, 12);
  return luhnDigit(body) === Number(code[12]) ? code : null;
}

/**
 * Vietnamese registration plates, normalised to capitals and digits only ("29B-123.45" → "29B12345").
 *  - road vehicles: 2-digit province code (11–99), a series of 1–2 letters (LD, KT…) or a letter and a
 *    digit (motorbikes, "29-B1 234.56"), then 4 digits (old plates) or 5;
 *  - inland waterway craft (ferries, boats): 2–3 letter province abbreviation then 4–5 digits ("SG-1234").
 */
const ROAD = /^(\d{2})([A-Z]{1,2}|[A-Z]\d)(\d{4,5})$/;
const WATERWAY = /^([A-Z]{2,3})(\d{4,5})$/;

export interface Plate {
  /** Stored form: capitals and digits. */
  normalized: string;
  /** Printed form: "29B-123.45", "30E-1234", "SG-1234". */
  display: string;
}

const groupDigits = (d: string) => (d.length === 5 ? `${d.slice(0, 3)}.${d.slice(3)}` : d);

export function parsePlate(input: string, opts: { waterway?: boolean } = {}): Plate | null {
  const compact = input
    .normalize('NFC')
    .toUpperCase()
    .replace(/Đ/g, 'D')
    .replace(/[\s.\-_/]/g, '');
  const road = ROAD.exec(compact);
  if (road) {
    const [, province, series, digits] = road as unknown as [string, string, string, string];
    const code = Number(province);
    if (code < 11) return null;
    return { normalized: compact, display: `${province}${series}-${groupDigits(digits)}` };
  }
  const water = opts.waterway ? WATERWAY.exec(compact) : null;
  if (water) return { normalized: compact, display: `${water[1]}-${water[2]}` };
  return null;
}

/** The printed form of a stored plate (stored plates were valid when saved). */
export function displayPlate(normalized: string): string {
  return (parsePlate(normalized) ?? parsePlate(normalized, { waterway: true }))?.display ?? normalized;
}

import { api } from '../../api/client';

/**
 * The one entry for every way a person is found at the site: a scanned code (personal QR, CCCD chip
 * QR, BHYT card) goes to the scanner's resolver; a typed ID number (CCCD, CMND, passport, BHYT) or
 * "name, birth year" goes to the registry search, and is taken only when exactly one person matches.
 */
export async function findPersonId(raw: string): Promise<string> {
  const text = raw.trim();
  const nameAndYear = /^(.+?)[\s,]+(\d{4})$/.exec(text);
  const idNumber = /^([0-9]{9,12}|[A-Za-z]{1,2}[0-9]{7,13})$/.test(text);
  if (!idNumber && !nameAndYear) {
    const r = await api.post<{ kind: string; person?: { id: string } }>('/api/scan/resolve', { code: text });
    if (r.kind === 'person' && r.person) return r.person.id;
    throw new Error('not a person');
  }
  const body = idNumber
    ? { idNumber: text.toUpperCase(), limit: 2 }
    : { q: nameAndYear![1]!, birthYear: Number(nameAndYear![2]), limit: 2 };
  const r = await api.post<{ items: { id: string }[] }>('/api/people/search', body);
  if (r.items.length !== 1) throw new Error(r.items.length ? 'several people' : 'nobody');
  return r.items[0]!.id;
}

/**
 * Masks for records shown outside the viewer's jurisdiction: enough to recognise a match, not
 * enough to identify someone. Star counts are capped so a mask does not reveal the exact length.
 */
export function maskName(fullName: string): string {
  return fullName
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const letters = Array.from(word);
      return letters[0] + '*'.repeat(Math.min(letters.length - 1, 3));
    })
    .join(' ');
}

/** Keeps the last three characters: '001090001234' → '*********234'. */
export function maskId(id: string): string {
  if (id.length <= 3) return '*'.repeat(id.length);
  return '*'.repeat(id.length - 3) + id.slice(-3);
}

/** Keeps the country code and the last four digits: '+84912345678' → '+84*****5678'. */
export function maskPhone(phone: string): string {
  const prefix = phone.startsWith('+84') ? '+84' : '';
  const rest = phone.slice(prefix.length);
  if (rest.length <= 4) return prefix + '*'.repeat(rest.length);
  return prefix + '*'.repeat(rest.length - 4) + rest.slice(-4);
}

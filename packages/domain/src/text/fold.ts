/**
 * Vietnamese text folded for search: lower case, no diacritics, đ → d, single spaces.
 * "Nguyễn Thị Đặng" → "nguyen thi dang". Used for names, addresses and unit names alike.
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
